/**
 * Worker-thread entry for `resume-fit analyze --jobs N` (N > 1): it compiles the taxonomy once, then reads,
 * analyses and formats the tasks the main thread posts, replying with one TaskResult per task. Tasks may
 * overlap (file reads are asynchronous); the main thread restores input order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makeRunner, type Task, type TaskConfig } from './task.js';

const port = parentPort;
if (port) {
  const run = makeRunner(workerData as TaskConfig);
  port.on('message', (task: Task) => {
    void run(task).then((result) => port.postMessage(result));
  });
}
