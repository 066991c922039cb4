import { serveWorker } from '../../core/worker-pool.js';
import { scanPatch } from './scan-patch.js';

// The history scan's worker thread: answers each posted piece of `git log -p` with scanPatch.
serveWorker(scanPatch);
