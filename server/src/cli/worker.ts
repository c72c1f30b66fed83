/**
 * Worker thread of `tally check`: receives file tasks, answers with file results (see pool.ts).
 */
import { parentPort } from 'node:worker_threads';
import { partRan } from './launch/coverage';
import { processFile } from './processFile';
import type { FileTask } from './results';

parentPort?.on('message', (message: { index: number; task: FileTask }) => {
  const result = processFile(message.task);
  // Before answering: the pool terminates its workers once the last answer is in, and a
  // code-cache write (at most once per worker, see launch/launcher.ts) must not be cut short.
  partRan('checker');
  parentPort?.postMessage({ index: message.index, result });
});
