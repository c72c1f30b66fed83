/**
 * Fan file tasks out to `jobs` threads: this one and `jobs - 1` worker threads, each taking the
 * next task when it is free, and collect the results by task index (so the order of completion
 * never shows in the output). This thread takes part rather than wait: it has the checker
 * compiled and warm already, while each worker starts a V8 isolate of its own.
 */
import { Worker } from 'node:worker_threads';
import type { FileResult, FileTask } from './results';

export function runInPool(workerFile: string, tasks: readonly FileTask[], jobs: number, checkHere: (task: FileTask) => FileResult, onDone: () => void): Promise<FileResult[]> {
  const results: FileResult[] = new Array(tasks.length);
  const workers: Worker[] = [];
  let next = 0;
  let finished = 0;
  return new Promise<FileResult[]>((resolve, reject) => {
    let stopping = false;
    const stopAll = () => {
      stopping = true;
      return Promise.all(workers.map((worker) => worker.terminate()));
    };
    const settle = (index: number, result: FileResult): boolean => {
      results[index] = result;
      finished++;
      onDone();
      if (finished < tasks.length) return false;
      void stopAll().then(() => resolve(results));
      return true;
    };
    const feed = (worker: Worker) => {
      if (next >= tasks.length) return;
      const index = next++;
      worker.postMessage({ index, task: tasks[index] });
    };
    for (let i = 0; i < Math.min(jobs - 1, tasks.length - 1); i++) {
      const worker = new Worker(workerFile);
      workers.push(worker);
      worker.on('message', (message: { index: number; result: FileResult }) => {
        if (!settle(message.index, message.result)) feed(worker);
      });
      worker.on('error', (error) => void stopAll().then(() => reject(error)));
      worker.on('exit', (code) => {
        if (!stopping) void stopAll().then(() => reject(new Error(`worker stopped with exit code ${code}`)));
      });
      feed(worker);
    }
    // one task at a time, so that the workers' answers are read (and they are fed) in between
    const workHere = () => {
      if (stopping || next >= tasks.length) return;
      const index = next++;
      if (!settle(index, checkHere(tasks[index]))) setImmediate(workHere);
    };
    setImmediate(workHere);
  });
}
