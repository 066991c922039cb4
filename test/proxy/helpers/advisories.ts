import { join } from 'node:path';

import { importAdvisories, readSource } from '../../../src/advisories/index.js';
import { openAdvisorySource } from '../../../src/proxy/policy/advisory-db-source.js';
import type { AdvisorySource } from '../../../src/proxy/policy/types.js';
import { shared } from '../../helpers/shared.js';
import { tempDir } from './proxy.js';

/** A real advisory database imported from ../shared/advisories folders, opened as a policy source. */
export function sharedAdvisories(folders: string[]): { source: AdvisorySource; close: () => void } {
  const dir = tempDir('advisories');
  const dbPath = join(dir.path, 'advisories.db');
  importAdvisories({
    dbPath,
    files: folders.flatMap((folder) => readSource(shared('advisories', folder))),
    source: folders.join(', '),
  });
  const { source, db } = openAdvisorySource(dbPath);
  return {
    source,
    close: () => {
      db.close();
      dir.remove();
    },
  };
}
