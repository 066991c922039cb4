import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import { defaultPoolSize, type WorkerPool } from '../../core/worker-pool.js';
import { scanPatch, type PatchScanResult, type PatchScanTask } from './scan-patch.js';

/** The worker module next to this one: `.ts` under tests (run in-process), `.js` when built. */
const EXTENSION = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
const PATCH_WORKER = new URL(`./patch-worker.${EXTENSION}`, import.meta.url);

/** A worker's answer, as `serveWorker` posts it. */
interface Reply {
  id: number;
  ok: boolean;
  value?: PatchScanResult;
  error?: string;
}

interface Thread {
  worker: Worker;
  /** Keys whose rules this thread has been sent. */
  rules: Set<string>;
}

type Pending = Map<number, { resolve: (v: PatchScanResult) => void; reject: (e: Error) => void }>;

/** Start a worker thread that settles the `pending` entry of each reply, then calls `idle`. */
function startThread(pending: Pending, idle: () => void): Thread {
  const worker = new Worker(fileURLToPath(PATCH_WORKER));
  worker.on('message', (reply: Reply) => {
    const entry = pending.get(reply.id);
    pending.delete(reply.id);
    idle();
    if (!entry) return;
    if (reply.ok && reply.value) entry.resolve(reply.value);
    else entry.reject(new Error(reply.error ?? 'history worker failed'));
  });
  worker.on('error', (error) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  });
  return { worker, rules: new Set<string>() };
}

/**
 * A pool of threads scanning pieces of `git log -p`. Each piece's memory is moved to its
 * thread rather than copied, and the rules go to each thread once, with its first piece.
 * Under tests (TypeScript source, which Node 20 cannot load in a worker) pieces are scanned
 * in-process.
 */
export function createHistoryPool(
  size = defaultPoolSize(),
): WorkerPool<PatchScanTask, PatchScanResult> {
  if (EXTENSION === 'ts' || size <= 1) {
    return { size: 1, run: async (task) => scanPatch(task), close: async () => undefined };
  }
  const idle: Thread[] = [];
  const waiting: Array<(thread: Thread) => void> = [];
  const pending: Pending = new Map();
  const threads: Thread[] = [];
  let nextId = 0;

  const release = (thread: Thread): void => {
    const next = waiting.shift();
    if (next) next(thread);
    else idle.push(thread);
  };
  for (let i = 0; i < size; i++) {
    const thread = startThread(pending, () => release(thread));
    threads.push(thread);
    idle.push(thread);
  }

  const send = (thread: Thread, task: PatchScanTask): Promise<PatchScanResult> => {
    const id = nextId++;
    const sent = thread.rules.has(task.key) ? { ...task, rulesJson: undefined } : task;
    thread.rules.add(task.key);
    const { buffer } = task.patch;
    const whole = task.patch.byteOffset === 0 && task.patch.byteLength === buffer.byteLength;
    return new Promise<PatchScanResult>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      thread.worker.postMessage({ id, task: sent }, whole ? [buffer as ArrayBuffer] : []);
    });
  };

  return {
    size,
    // An idle thread gets the task at once, before the caller's next step.
    run(task) {
      const thread = idle.pop();
      if (thread) return send(thread, task);
      return new Promise<Thread>((resolve) => waiting.push(resolve)).then((t) => send(t, task));
    },
    async close() {
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
