import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

/** Runs tasks of one kind on a pool of worker threads. */
export interface WorkerPool<TIn, TOut> {
  run(task: TIn): Promise<TOut>;
  close(): Promise<void>;
  /** Number of threads actually used (1 when running in-process). */
  readonly size: number;
  /**
   * Whether idle threads keep the process alive (the default). A pool started ahead of its
   * use passes false until it is used, so a run that ends first is not held open.
   */
  keepAlive?(on: boolean): void;
}

interface Envelope<T> {
  id: number;
  ok: boolean;
  value?: T;
  error?: string;
}

/** Default pool size: every core the machine offers. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Create a pool whose workers load `workerUrl`, a module that calls `serveWorker(handler)`.
 * When the module is TypeScript source (tests run from src/), Node 20 cannot load it in a
 * worker, so the same handler runs in-process instead; the built CLI always uses threads.
 * `workerData` is copied to each thread once, at its start (see node:worker_threads); an
 * in-process pool (size 1) has none, so its tasks must carry what threads get that way.
 */
export function createWorkerPool<TIn, TOut>(
  workerUrl: URL,
  handler: (task: TIn) => TOut | Promise<TOut>,
  size = defaultPoolSize(),
  workerData?: unknown,
): WorkerPool<TIn, TOut> {
  if (workerUrl.pathname.endsWith('.ts') || size <= 1) return inProcessPool(handler);
  return threadPool<TIn, TOut>(workerUrl, size, workerData);
}

function inProcessPool<TIn, TOut>(
  handler: (task: TIn) => TOut | Promise<TOut>,
): WorkerPool<TIn, TOut> {
  return {
    size: 1,
    run: async (task) => handler(task),
    close: async () => undefined,
  };
}

function threadPool<TIn, TOut>(
  workerUrl: URL,
  size: number,
  workerData: unknown,
): WorkerPool<TIn, TOut> {
  const idle: Worker[] = [];
  const waiting: Array<(worker: Worker) => void> = [];
  const pending = new Map<number, { resolve: (v: TOut) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const workers: Worker[] = [];

  for (let i = 0; i < size; i++) {
    const worker = new Worker(fileURLToPath(workerUrl), { workerData });
    worker.on('message', (message: Envelope<TOut>) => {
      const entry = pending.get(message.id);
      pending.delete(message.id);
      release(worker);
      if (!entry) return;
      if (message.ok) entry.resolve(message.value as TOut);
      else entry.reject(new Error(message.error ?? 'worker task failed'));
    });
    worker.on('error', (error) => {
      for (const entry of pending.values()) entry.reject(error);
      pending.clear();
    });
    workers.push(worker);
    idle.push(worker);
  }

  function release(worker: Worker): void {
    const next = waiting.shift();
    if (next) next(worker);
    else idle.push(worker);
  }

  function acquire(): Promise<Worker> {
    const worker = idle.pop();
    if (worker) return Promise.resolve(worker);
    return new Promise((resolve) => waiting.push(resolve));
  }

  return {
    size,
    async run(task) {
      const worker = await acquire();
      const id = nextId++;
      return new Promise<TOut>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, task });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
    keepAlive(on) {
      for (const worker of workers) {
        if (on) worker.ref();
        else worker.unref();
      }
    },
  };
}

/** Call from a worker module: answer each task posted to this thread with `handler`. */
export function serveWorker<TIn, TOut>(handler: (task: TIn) => TOut | Promise<TOut>): void {
  if (isMainThread || !parentPort) return;
  const port = parentPort;
  port.on('message', async (message: { id: number; task: TIn }) => {
    try {
      const value = await handler(message.task);
      port.postMessage({ id: message.id, ok: true, value } satisfies Envelope<TOut>);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      port.postMessage({ id: message.id, ok: false, error: text } satisfies Envelope<TOut>);
    }
  });
}
