import type { FormatInfo } from '@dangan/core';

/** The parts of a recorded 格式信息 (M47): name, version, MIME type, PRONOM id — each when written. */
export interface RecordedFormat {
  readonly name?: string;
  readonly version?: string;
  readonly mimeType?: string;
  readonly pronom?: string;
}

/**
 * Splits a 格式信息 (M47) value as DA/T 46 writes it — `格式名称, 格式版本, MIME媒体类型` (parts may be
 * missing), optionally `; PRONOM fmt/276` — into its parts. A part with a `/` and no space is the MIME
 * type; a part made of digits and dots is the version.
 *
 * @example
 * parseFormatInformation('PDF, 1.7, application/pdf; PRONOM fmt/276'); // { name: 'PDF', version: '1.7', mimeType: 'application/pdf', pronom: 'fmt/276' }
 */
export function parseFormatInformation(text: string): RecordedFormat {
  const out: { name?: string; version?: string; mimeType?: string; pronom?: string } = {};
  const [main = '', ...rest] = text.split(/[;；]/);
  const pronom = /\b((?:x-)?fmt\/\d+)\b/i.exec(`${rest.join(' ')} ${main}`);
  if (pronom !== null) out.pronom = pronom[1]!.toLowerCase();
  for (const raw of main.split(/[,，]/)) {
    const part = raw.trim();
    if (part === '' || /^PRONOM\b/i.test(part)) continue;
    if (/^[\w.+-]+\/[\w.+-]+$/.test(part)) out.mimeType ??= part.toLowerCase();
    else if (/^v?\d+(\.\d+)*[a-z]?$/i.test(part)) out.version ??= part.replace(/^v/i, '');
    else out.name ??= part;
  }
  return out;
}

/**
 * Where a recorded 格式信息 disagrees with the identified format: `mime`, `name` or `pronom` (errors:
 * the file is not what the metadata says), `version` (a warning: versions are often written loosely).
 *
 * @example
 * formatDisagreements(parseFormatInformation('PDF, 1.7, application/pdf'), info); // [] when info is a PDF
 */
export function formatDisagreements(
  recorded: RecordedFormat,
  actual: FormatInfo,
): ('mime' | 'name' | 'version' | 'pronom')[] {
  const out: ('mime' | 'name' | 'version' | 'pronom')[] = [];
  if (recorded.mimeType !== undefined && recorded.mimeType !== actual.mimeType.toLowerCase())
    out.push('mime');
  if (recorded.name !== undefined && !nameMatches(recorded.name, actual)) out.push('name');
  if (recorded.pronom !== undefined && actual.pronom !== undefined && recorded.pronom !== actual.pronom)
    out.push('pronom');
  if (recorded.version !== undefined && actual.version !== undefined && recorded.version !== actual.version)
    out.push('version');
  return out;
}

function nameMatches(name: string, actual: FormatInfo): boolean {
  const n = name.toLowerCase().replace(/[\s_-]/g, '');
  const candidates = [actual.name, actual.id, actual.extension, actual.nameZh].map((c) =>
    c.toLowerCase().replace(/[\s_-]/g, ''),
  );
  return candidates.some((c) => c !== '' && (c === n || c.startsWith(n) || n.startsWith(c)));
}
