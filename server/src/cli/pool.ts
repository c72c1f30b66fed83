/**
 * Fan file tasks out to worker threads, one task at a time per worker, and collect the results
 * by task index (so the order of completion never shows in the output).
 */
import { Worker } from 'node:worker_threads';
import type { FileResult, FileTask } from './results';

export function runInWorkers(workerFile: string, tasks: readonly FileTask[], jobs: number, onDone: () => void): Promise<FileResult[]> {
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
    const feed = (worker: Worker) => {
      if (next >= tasks.length) return;
      const index = next++;
      worker.postMessage({ index, task: tasks[index] });
    };
    for (let i = 0; i < Math.min(jobs, tasks.length); i++) {
      const worker = new Worker(workerFile);
      workers.push(worker);
      worker.on('message', (message: { index: number; result: FileResult }) => {
        results[message.index] = message.result;
        finished++;
        onDone();
        if (finished === tasks.length) void stopAll().then(() => resolve(results));
        else feed(worker);
      });
      worker.on('error', (error) => void stopAll().then(() => reject(error)));
      worker.on('exit', (code) => {
        if (!stopping) void stopAll().then(() => reject(new Error(`worker stopped with exit code ${code}`)));
      });
      feed(worker);
    }
  });
}
