import { createWorkerPool, defaultPoolSize, type WorkerPool } from '../../core/worker-pool.js';
import { scanBatch, type SecretsScanResult, type SecretsScanTask } from './scan-batch.js';

/** The worker module next to this one: `.ts` under tests (run in-process), `.js` when built. */
const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js',
  import.meta.url,
);

/** A pool of threads running the secrets scanner's batches. */
export function createSecretsPool(
  size = defaultPoolSize(),
): WorkerPool<SecretsScanTask, SecretsScanResult> {
  return createWorkerPool(WORKER_URL, scanBatch, size);
}

/**
 * Runs batches on a pool with a bounded number in flight and hands results back in the order
 * the batches were submitted, so output is deterministic and memory stays bounded.
 */
export class OrderedBatches<T> {
  private readonly inFlight: Array<{ promise: Promise<SecretsScanResult>; tag: T }> = [];

  constructor(
    private readonly pool: WorkerPool<SecretsScanTask, SecretsScanResult>,
    private readonly depth = pool.size * 2,
  ) {}

  /** Submit a batch; returns the oldest finished results once the pipeline is full. */
  async push(task: SecretsScanTask, tag: T): Promise<Array<{ result: SecretsScanResult; tag: T }>> {
    const promise = this.pool.run(task);
    // Keep the rejection handled until the batch is awaited in order.
    promise.catch(() => undefined);
    this.inFlight.push({ promise, tag });
    const out: Array<{ result: SecretsScanResult; tag: T }> = [];
    while (this.inFlight.length > this.depth) out.push(await this.shift());
    return out;
  }

  /** Wait for every batch still in flight, oldest first. */
  async drain(): Promise<Array<{ result: SecretsScanResult; tag: T }>> {
    const out: Array<{ result: SecretsScanResult; tag: T }> = [];
    while (this.inFlight.length > 0) out.push(await this.shift());
    return out;
  }

  private async shift(): Promise<{ result: SecretsScanResult; tag: T }> {
    const head = this.inFlight.shift();
    if (!head) throw new Error('no batch in flight');
    return { result: await head.promise, tag: head.tag };
  }
}
