import { createWorkerPool, defaultPoolSize, type WorkerPool } from '../../core/worker-pool.js';
import type { SecretsThreadData, SecretsScanResult, SecretsScanTask } from './scan-batch.js';

/** The worker module next to this one: `.ts` under tests (run in-process), `.js` when built. */
const EXTENSION = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
const FILE_WORKER = new URL(`./worker.${EXTENSION}`, import.meta.url);

/**
 * A pool of threads scanning batches of files. The rules go to each thread once, when it
 * starts; tasks for threads then leave them out (see `SecretsScanTask.rulesJson`). Detection
 * is imported on this thread only when the pool runs here (one thread, or under tests).
 */
export function createFilePool(
  size = defaultPoolSize(),
  rules?: SecretsThreadData,
): WorkerPool<SecretsScanTask, SecretsScanResult> {
  return createWorkerPool(FILE_WORKER, scanBatchHere, size, rules);
}

async function scanBatchHere(task: SecretsScanTask): Promise<SecretsScanResult> {
  return (await import('./scan-batch.js')).scanBatch(task);
}

/**
 * Runs tasks on a pool with a bounded number in flight and hands results back in the order
 * the tasks were submitted, so output is deterministic and memory stays bounded.
 */
export class OrderedBatches<TIn, TOut, Tag> {
  private readonly inFlight: Array<{ promise: Promise<TOut>; tag: Tag }> = [];

  constructor(
    private readonly pool: WorkerPool<TIn, TOut>,
    private readonly depth = pool.size * 2,
  ) {}

  /** Submit a task; returns the oldest finished results once the pipeline is full. */
  async push(task: TIn, tag: Tag): Promise<Array<{ result: TOut; tag: Tag }>> {
    const promise = this.pool.run(task);
    // Keep the rejection handled until the task is awaited in order.
    promise.catch(() => undefined);
    this.inFlight.push({ promise, tag });
    const out: Array<{ result: TOut; tag: Tag }> = [];
    while (this.inFlight.length > this.depth) out.push(await this.shift());
    return out;
  }

  /** Wait for every task still in flight, oldest first. */
  async drain(): Promise<Array<{ result: TOut; tag: Tag }>> {
    const out: Array<{ result: TOut; tag: Tag }> = [];
    while (this.inFlight.length > 0) out.push(await this.shift());
    return out;
  }

  private async shift(): Promise<{ result: TOut; tag: Tag }> {
    const head = this.inFlight.shift();
    if (!head) throw new Error('no task in flight');
    return { result: await head.promise, tag: head.tag };
  }
}
