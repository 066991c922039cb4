import { createRequire } from 'node:module';

import { parseSpdx, type SpdxNode } from './spdx.js';

const require = createRequire(import.meta.url);

/** Lower-cased ids of the SPDX licence list, current and deprecated, read once. */
let licences: ReadonlySet<string> | undefined;
/** Lower-cased ids of the SPDX licence exceptions list, read once. */
let exceptions: ReadonlySet<string> | undefined;

function lower(list: unknown): ReadonlySet<string> {
  return new Set((list as string[]).map((id) => id.toLowerCase()));
}

/** True for an id on the SPDX licence list (current or deprecated) or a `LicenseRef-` id. */
export function knownLicenseId(id: string): boolean {
  licences ??= lower([
    ...(require('spdx-license-ids') as string[]),
    ...(require('spdx-license-ids/deprecated.json') as string[]),
  ]);
  return licences.has(id.toLowerCase()) || /^LicenseRef-[A-Za-z0-9.-]+$/.test(id);
}

/** True for an id on the SPDX licence exceptions list. */
export function knownExceptionId(id: string): boolean {
  exceptions ??= lower(require('spdx-exceptions') as string[]);
  return exceptions.has(id.toLowerCase());
}

/**
 * Why an entry of a licence allow or deny list is not one SPDX licence (`MIT`, `GPL-2.0+`,
 * `GPL-2.0-only WITH Classpath-exception-2.0`); undefined when it is one.
 */
export function licenseEntryProblem(entry: string): string | undefined {
  const node = parseSpdx(entry);
  if (!node || node.kind !== 'license')
    return `"${entry}" is not one SPDX licence id: list each licence of an expression on its own`;
  if (!knownLicenseId(node.id))
    return `"${node.id}" is not an SPDX licence id (see https://spdx.org/licenses/; for example MIT, Apache-2.0, GPL-3.0-only)`;
  if (node.exception !== undefined && !knownExceptionId(node.exception))
    return `"${node.exception}" is not an SPDX licence exception id (see https://spdx.org/licenses/exceptions-index.html)`;
  return undefined;
}

/** True when `text` is an SPDX expression whose licence and exception ids are all on the lists. */
export function knownSpdxExpression(text: string): boolean {
  const node = parseSpdx(text);
  return node !== undefined && allKnown(node);
}

function allKnown(node: SpdxNode): boolean {
  if (node.kind !== 'license') return allKnown(node.left) && allKnown(node.right);
  return (
    knownLicenseId(node.id) && (node.exception === undefined || knownExceptionId(node.exception))
  );
}
