import { resolve } from 'node:path';
import type { Command } from 'commander';

import { baselinePath, writeBaseline } from '../core/baseline.js';
import { loadConfigOnDemand } from '../core/config-file.js';
import { runScan } from '../core/pipeline.js';
import { terminalProgress } from '../core/progress.js';
import { resolveTarget } from '../core/scan-target.js';
import { planScan } from '../core/tiers.js';
import { SCANNERS } from '../scanners/registry.js';
import { checkOutputPath, cliLogger } from './output.js';

/** Add `bulwark baseline` to the program. */
export function registerBaselineCommand(program: Command): void {
  program
    .command('baseline')
    .description('record the current findings so that later scans report only new ones')
    .argument('[path]', 'the folder to scan', '.')
    .option('-o, --output <file>', 'baseline file (default: .bulwark-baseline.json in the folder)')
    .option('-c, --config <file>', 'configuration file')
    .action(async (path: string, flags: { output?: string; config?: string }) => {
      const { root } = resolveTarget(path);
      const logger = cliLogger({});
      checkOutputPath(flags.output);
      const { config } = await loadConfigOnDemand(root, flags.config ? resolve(flags.config) : undefined);
      const result = await runScan({
        root,
        config,
        plan: planScan(config, {}),
        scanners: SCANNERS,
        logger,
        progress: terminalProgress(),
      });
      const file = flags.output ? resolve(flags.output) : baselinePath(root);
      const baseline = writeBaseline(file, result.findings);
      const count = baseline.findings.length;
      process.stdout.write(`wrote ${count} finding${count === 1 ? '' : 's'} to ${file}\n`);
    });
}
