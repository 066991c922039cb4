import { serveWorker } from '../../core/worker-pool.js';
import { scanBatch } from './scan-batch.js';

// The secrets scanner's worker thread: answers each posted batch with scanBatch.
serveWorker(scanBatch);
