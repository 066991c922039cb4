import { serveWorker } from '../../core/worker-pool.js';
import { scanBatch } from './scan-batch.js';

serveWorker(scanBatch);
