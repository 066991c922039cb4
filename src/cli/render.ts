import type { ScanResult } from '../core/pipeline.js';
import { VERSION } from '../core/package-info.js';
import { renderJson } from '../report/json.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';

/** Report formats. */
export type Format = 'text' | 'json' | 'sarif';

/** Render a scan result in the chosen format. */
export function render(result: ScanResult, format: Format, root: string): string {
  if (format === 'json') return renderJson(result, VERSION);
  if (format === 'sarif') return renderSarif(result, { version: VERSION, root });
  return renderText(result, { color: process.stdout.isTTY === true && !process.env.NO_COLOR });
}
