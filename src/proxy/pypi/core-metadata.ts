import { unzipSync } from 'fflate';

import { knownSpdxExpression } from '../policy/spdx-ids.js';

/**
 * Trove licence classifiers that name exactly one SPDX licence. Classifiers that do not say
 * which version or variant (`BSD License`, `Apache Software License`) are left out.
 */
const CLASSIFIER_SPDX: Readonly<Record<string, string>> = {
  'MIT License': 'MIT',
  'MIT No Attribution License (MIT-0)': 'MIT-0',
  'ISC License (ISCL)': 'ISC',
  'Mozilla Public License 2.0 (MPL 2.0)': 'MPL-2.0',
  'GNU General Public License v2 (GPLv2)': 'GPL-2.0-only',
  'GNU General Public License v2 or later (GPLv2+)': 'GPL-2.0-or-later',
  'GNU General Public License v3 (GPLv3)': 'GPL-3.0-only',
  'GNU General Public License v3 or later (GPLv3+)': 'GPL-3.0-or-later',
  'GNU Lesser General Public License v3 (LGPLv3)': 'LGPL-3.0-only',
  'GNU Lesser General Public License v3 or later (LGPLv3+)': 'LGPL-3.0-or-later',
  'GNU Affero General Public License v3': 'AGPL-3.0-only',
  'GNU Affero General Public License v3 or later (AGPLv3+)': 'AGPL-3.0-or-later',
  'The Unlicense (Unlicense)': 'Unlicense',
  'Python Software Foundation License': 'PSF-2.0',
  'zlib/libpng License': 'Zlib',
  'Boost Software License 1.0 (BSL-1.0)': 'BSL-1.0',
  'Eclipse Public License 2.0 (EPL-2.0)': 'EPL-2.0',
};

/**
 * The licence a core metadata file declares: `License-Expression` (core metadata 2.4, PEP 639)
 * when present, else a one-line `License` that is an SPDX expression of known ids, else the `License ::`
 * classifiers that name one SPDX licence each (several mean a choice, joined with OR), else
 * the one-line `License` text as written.
 */
export function licenseFromMetadata(text: string): string | undefined {
  const headers = text.split(/\r?\n\r?\n/)[0];
  const field = (name: string): string | undefined => {
    const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(headers);
    const value = match?.[1].trim();
    return value && value.length > 0 && value !== 'UNKNOWN' ? value : undefined;
  };
  const expression = field('License-Expression');
  if (expression) return expression;
  const license = field('License');
  if (license && knownSpdxExpression(license)) return license;
  const classified = [
    ...headers.matchAll(/^Classifier:[ \t]*License :: (?:OSI Approved :: )?(.+)$/gim),
  ]
    .map((m) => CLASSIFIER_SPDX[m[1].trim()])
    .filter((id): id is string => id !== undefined);
  if (classified.length > 0) return [...new Set(classified)].join(' OR ');
  return license;
}

/** The core metadata (`*.dist-info/METADATA`) inside a wheel, or undefined when absent or unreadable. */
export function metadataFromWheel(wheel: Buffer): string | undefined {
  try {
    const files = unzipSync(wheel, { filter: (f) => /^[^/]+\.dist-info\/METADATA$/.test(f.name) });
    const entry = Object.values(files)[0];
    return entry ? Buffer.from(entry).toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}
