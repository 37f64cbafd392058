/**
 * A small pool of worker threads for `analyze --jobs N`. Workers start lazily (a run of three files starts at
 * most three) and each task goes to the least busy one. The caller bounds the work in flight; the pool only
 * routes tasks and replies. A worker that dies answers its tasks with ERR_INTERNAL records and is replaced.
 */
import { Worker } from 'node:worker_threads';
import { errorRecord } from './format.js';
import type { Task, TaskConfig, TaskResult } from './task.js';

interface Slot {
  worker: Worker;
  readonly pending: Map<number, { task: Task; resolve: (r: TaskResult) => void }>;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private closed = false;

  constructor(private readonly size: number, private readonly entry: URL, private readonly config: TaskConfig) {}

  run(task: Task): Promise<TaskResult> {
    return new Promise((resolve) => {
      const slot = this.pick();
      slot.pending.set(task.seq, { task, resolve });
      slot.worker.postMessage(task);
    });
  }

  private pick(): Slot {
    let best: Slot | undefined;
    for (const s of this.slots) if (!best || s.pending.size < best.pending.size) best = s;
    if ((!best || best.pending.size > 0) && this.slots.length < this.size) return this.spawn();
    return best!;
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.entry, { workerData: this.config }), pending: new Map() };
    this.attach(slot);
    this.slots.push(slot);
    return slot;
  }

  private attach(slot: Slot): void {
    slot.worker.on('message', (r: TaskResult) => {
      const p = slot.pending.get(r.seq);
      if (!p) return;
      slot.pending.delete(r.seq);
      p.resolve(r);
    });
    const fail = (): void => {
      if (this.closed) return;
      const lost = [...slot.pending.values()];
      slot.pending.clear();
      for (const { task, resolve } of lost) {
        const error = { code: 'ERR_INTERNAL', message: 'resume-fit: the worker analysing this input stopped unexpectedly.' };
        resolve({ seq: task.seq, chunk: errorRecord(this.config, task.key, error, task.line), code: error.code });
      }
      slot.worker.removeAllListeners();
      slot.worker = new Worker(this.entry, { workerData: this.config });
      this.attach(slot);
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => { if (code !== 0) fail(); });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
