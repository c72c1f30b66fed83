/**
 * Worker thread of `tally check`: receives file tasks, answers with file results (see pool.ts).
 */
import { parentPort } from 'node:worker_threads';
import { processFile } from './processFile';
import type { FileTask } from './results';

parentPort?.on('message', (message: { index: number; task: FileTask }) => {
  parentPort?.postMessage({ index: message.index, result: processFile(message.task) });
});
