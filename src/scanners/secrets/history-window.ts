import type { WorkerPool } from '../../core/worker-pool.js';
import type { PatchScanResult, PatchScanTask } from './scan-patch.js';

/** Receives a piece's result with the slice and piece number it was submitted with. */
export type PieceResultHandler = (result: PatchScanResult, slice: number, piece: number) => void;

/**
 * Keeps at most `depth` pieces of log in the workers at once, from any number of readers,
 * and hands each result on as soon as it is ready: the caller does not depend on order.
 */
export class TaskWindow {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly pool: WorkerPool<PatchScanTask, PatchScanResult>,
    private readonly depth: number,
    private readonly onResult: PieceResultHandler,
  ) {}

  /** Submit a piece once there is room; rejects if a piece in flight failed. */
  async submit(task: PatchScanTask, slice: number, piece: number): Promise<void> {
    while (this.inFlight.size >= this.depth) await Promise.race(this.inFlight);
    const done = this.pool.run(task).then((result) => {
      this.inFlight.delete(done);
      this.onResult(result, slice, piece);
    });
    // Keep a failure handled until a caller awaits it through `submit` or `drain`.
    done.catch(() => undefined);
    this.inFlight.add(done);
  }

  /** Wait for every piece still in flight. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
  }
}
