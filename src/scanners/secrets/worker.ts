import { serveWorker } from '../../core/worker-pool.js';
import { compileStartRules, scanBatch } from './scan-batch.js';

// The secrets scanner's worker thread: compiles the rules it was started with, then answers
// each posted batch with scanBatch.
serveWorker(scanBatch);
compileStartRules();
