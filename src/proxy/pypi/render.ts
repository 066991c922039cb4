import type { PypiFile, PypiProject } from './project.js';

/** Escape text for an HTML attribute or element. */
function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Where the proxy serves a file: `<base>/-/pypi/files/<project>/<filename>`. */
export function fileUrl(base: string, project: string, file: PypiFile): string {
  return `${base}/-/pypi/files/${encodeURIComponent(project)}/${encodeURIComponent(file.filename)}`;
}

/** The PEP 691 JSON form (API version 1.1, with PEP 700 upload-time and versions). */
export function renderJson(project: PypiProject, base: string): Buffer {
  const files = project.kept.map((file) => {
    const out: Record<string, unknown> = {
      filename: file.filename,
      url: fileUrl(base, project.name, file),
      hashes: { sha256: file.sha256 },
      yanked: file.yanked,
    };
    if (file.requiresPython !== undefined) out['requires-python'] = file.requiresPython;
    if (file.coreMetadata) {
      const meta = file.coreMetadata.sha256 ? { sha256: file.coreMetadata.sha256 } : true;
      out['core-metadata'] = meta;
      out['dist-info-metadata'] = meta;
    }
    if (file.uploadTime !== undefined) out['upload-time'] = file.uploadTime;
    if (file.size !== undefined) out.size = file.size;
    return out;
  });
  const versions = [...new Set(project.kept.map((f) => f.version))];
  return Buffer.from(
    JSON.stringify({ meta: { 'api-version': '1.1' }, name: project.name, versions, files }),
  );
}

/** The PEP 503 HTML form, with PEP 592 yanked, PEP 658/714 metadata and requires-python attributes. */
export function renderHtml(project: PypiProject, base: string): Buffer {
  const links = project.kept.map((file) => {
    const attrs = [`href="${escape(fileUrl(base, project.name, file))}#sha256=${file.sha256}"`];
    if (file.requiresPython !== undefined)
      attrs.push(`data-requires-python="${escape(file.requiresPython)}"`);
    if (file.yanked !== false)
      attrs.push(`data-yanked="${typeof file.yanked === 'string' ? escape(file.yanked) : ''}"`);
    if (file.coreMetadata) {
      const value = file.coreMetadata.sha256 ? `sha256=${file.coreMetadata.sha256}` : 'true';
      attrs.push(`data-core-metadata="${value}"`, `data-dist-info-metadata="${value}"`);
    }
    return `    <a ${attrs.join(' ')}>${escape(file.filename)}</a><br/>`;
  });
  const title = `Links for ${escape(project.name)}`;
  const html = [
    '<!DOCTYPE html>',
    '<html>',
    '  <head>',
    '    <meta name="pypi:repository-version" content="1.1">',
    `    <title>${title}</title>`,
    '  </head>',
    '  <body>',
    `    <h1>${title}</h1>`,
    ...links,
    '  </body>',
    '</html>',
    '',
  ];
  return Buffer.from(html.join('\n'));
}
