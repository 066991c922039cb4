import { unzipSync } from 'fflate';

/**
 * The licence a core metadata file declares: `License-Expression` (core metadata 2.4, PEP 639)
 * when present, else the older free-text `License` field when it is a single line.
 */
export function licenseFromMetadata(text: string): string | undefined {
  const headers = text.split(/\r?\n\r?\n/)[0];
  const field = (name: string): string | undefined => {
    const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(headers);
    const value = match?.[1].trim();
    return value && value.length > 0 && value !== 'UNKNOWN' ? value : undefined;
  };
  return field('License-Expression') ?? field('License');
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
