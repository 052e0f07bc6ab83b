import { entryPathKey, MAX_ENTRY_PATH_LENGTH, safeCheckEntryPath } from '../../sinks/entry-path.js';
import { extensionOf, normaliseExtensionKey } from '../validate/rules.js';

/** What {@link EntryNames.allocate} decided for one file. */
export interface AllocatedName {
  /** The entry path in the sink. */
  readonly path: string;
  /** Whether the name had to be changed beyond restoring its extension (unsafe characters, `../`, a clash …). */
  readonly changed: boolean;
}

/** Longest file name written, in UTF-8 bytes: file systems allow 255 bytes per name; room is left for ` (n)`. */
const MAX_NAME_BYTES = 240;
const encoder = /* @__PURE__ */ new TextEncoder();

function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

// Characters checkEntryPath refuses in a segment (and `/`, which would make a folder).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced.
const UNSAFE = /[\u0000-\u001f\u007f<>:"|?*\\/]/g;
const DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i;

function splitExtension(name: string): [string, string] {
  const ext = extensionOf(name);
  return ext === undefined ? [name, ''] : [name.slice(0, -(ext.length + 1)), `.${ext}`];
}

/**
 * Entry names for extracted files (提取文件命名): 计算机文件名 with its extension restored from 反编码关键字,
 * made safe by the sinks' `checkEntryPath` rules (only the last segment of the name is kept; forbidden
 * characters become `_`; device names and trailing dots are defused; the length is capped) and made unique
 * ignoring case (`名称 (2).pdf`). Names are also kept within 240 UTF-8 bytes, since file systems refuse names over
 * 255 bytes (80 Chinese characters) whatever the path rules allow.
 */
export class EntryNames {
  readonly #folder: string;
  readonly #used = new Set<string>();

  constructor(folder: string) {
    this.#folder = folder === '' ? '' : `${folder.replace(/\/+$/, '')}/`;
  }

  allocate(fileName: string | undefined, extensionKey: string | undefined, fallback: string): AllocatedName {
    const written = fileName?.trim() ?? '';
    // Only the file's own name: drop any folders (`../../etc/x`, `C:\\a\\b`).
    let name = written
      .slice(Math.max(written.lastIndexOf('/'), written.lastIndexOf('\\')) + 1)
      .normalize('NFC');
    name = name.replace(UNSAFE, '_').replace(/[. ]+$/, '');
    if (DEVICE.test(name)) name = `_${name}`;
    if (name === '' || /^\.+$/.test(name)) name = fallback;
    let changed = name !== written.normalize('NFC');
    const key = extensionKey === undefined ? '' : normaliseExtensionKey(extensionKey).replace(UNSAFE, '_');
    if (key !== '' && (extensionOf(name) ?? '').toLowerCase() !== key.toLowerCase()) name = `${name}.${key}`;
    const room = MAX_ENTRY_PATH_LENGTH - this.#folder.length - 8;
    if (name.length > room || utf8Length(name) > MAX_NAME_BYTES) {
      const [stem, whole] = splitExtension(name);
      const ext = whole.length > 16 ? '' : whole;
      let cut = [...stem].slice(0, Math.max(room - ext.length, 1));
      while (cut.length > 1 && utf8Length(cut.join('') + ext) > MAX_NAME_BYTES) cut = cut.slice(0, -1);
      name = `${cut.join('')}${ext}`.replace(/[. ]+$/, '');
      changed = true;
    }
    let path = `${this.#folder}${name}`;
    if (!safeCheckEntryPath(path).ok) {
      path = `${this.#folder}${fallback}`;
      changed = true;
    }
    const [stem, ext] = splitExtension(path);
    for (let n = 2; this.#used.has(entryPathKey(path)); n++) {
      path = `${stem} (${n})${ext}`;
      changed = true;
    }
    this.#used.add(entryPathKey(path));
    return { path, changed };
  }
}
