/** The forms a project page can be served in. */
export type PageFormat = 'json' | 'html-v1' | 'html';

const TYPES: Record<string, PageFormat> = {
  'application/vnd.pypi.simple.v1+json': 'json',
  'application/vnd.pypi.simple.latest+json': 'json',
  'application/vnd.pypi.simple.v1+html': 'html-v1',
  'application/vnd.pypi.simple.latest+html': 'html-v1',
  'text/html': 'html',
  '*/*': 'html',
};

/** The content type sent for each form. */
export const CONTENT_TYPE: Record<PageFormat, string> = {
  json: 'application/vnd.pypi.simple.v1+json',
  'html-v1': 'application/vnd.pypi.simple.v1+html',
  html: 'text/html; charset=utf-8',
};

/**
 * PEP 691 content negotiation: the supported type with the highest `q` wins (earlier on a
 * tie); no Accept header means HTML; an Accept header naming nothing supported gives undefined.
 */
export function negotiate(accept: string | undefined): PageFormat | undefined {
  if (!accept || accept.trim() === '') return 'html';
  let best: { format: PageFormat; q: number } | undefined;
  for (const part of accept.split(',')) {
    const [type, ...params] = part.trim().split(';');
    const format = TYPES[type.trim().toLowerCase()];
    if (!format) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isNaN(q) || q <= 0) continue;
    if (!best || q > best.q) best = { format, q };
  }
  return best?.format;
}
