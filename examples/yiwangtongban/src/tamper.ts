/**
 * Step 6 — 篡改 (tamper): what the checks are for. Copy the package and change one content file the way a
 * forger would — the application form's registered capital 100 万元 becomes 900 万元, same length, so the PDF
 * still opens and looks normal — then check the copy. The manifest's SM3 digests and the signed EEP still
 * describe the original, so the 真实性 checks fail and name the file.
 */
import { readAll } from '@dangan/core';
import { openPackagePath, zipFileSink } from '@dangan/packaging/node';

/** What was changed in the copy. */
export interface Tampering {
  /** The copy's path. */
  readonly zipPath: string;
  /** The entry changed. */
  readonly entry: string;
  /** Offset of the changed bytes in that entry. */
  readonly offset: number;
  readonly before: string;
  readonly after: string;
}

/** UTF-16BE hex as the PDF's content stream writes its text (see files/pdf.ts). */
const hex = (text: string) =>
  [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()).join('');

/**
 * Copies the ZIP at `zipPath` to `copyPath`, entry by entry, replacing `before` with `after` (same length) in
 * the PDF entry `entry`. Throws when the text is not found.
 */
export async function tamperCopy(
  zipPath: string,
  copyPath: string,
  entry: string,
  before = '100 万元',
  after = '900 万元',
): Promise<Tampering> {
  if (before.length !== after.length) throw new RangeError('before and after must have the same length');
  const { source } = await openPackagePath(zipPath);
  const sink = zipFileSink(copyPath, { overwrite: true });
  let offset = -1;
  try {
    for (const { path } of await source.list()) {
      if (path !== entry) {
        await sink.write(path, source.read(path));
        continue;
      }
      const bytes = await readAll(source.read(path), { maxBytes: 64 * 1024 * 1024 });
      const text = new TextDecoder('latin1').decode(bytes);
      offset = text.indexOf(hex(before));
      if (offset < 0) throw new Error(`“${before}” not found in ${entry}`);
      const changed = bytes.slice();
      changed.set(new TextEncoder().encode(hex(after)), offset);
      await sink.write(path, changed);
    }
    if (offset < 0) throw new Error(`${entry} is not in ${zipPath}`);
    await sink.commit();
  } catch (error) {
    await sink.abort(error);
    throw error;
  } finally {
    await source.close();
  }
  return { zipPath: copyPath, entry, offset, before, after };
}
