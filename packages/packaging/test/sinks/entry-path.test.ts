import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkEntryPath,
  entryPathKey,
  MAX_ENTRY_PATH_LENGTH,
  safeCheckEntryPath,
} from '../../src/sinks/index.js';

describe('checkEntryPath', () => {
  it('accepts ordinary relative paths, Chinese names and dots inside names', () => {
    for (const path of [
      'a.txt',
      '内容/0001-正文.pdf',
      'a/b/c/d.e.f',
      '.hidden',
      'console/x',
      'com10.txt',
      'LPT',
    ]) {
      expect(checkEntryPath(path)).toBe(path);
    }
  });

  it('explains refusals in Chinese and English and names the path', () => {
    const result = safeCheckEntryPath('a/../b');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.findings[0]).toMatchObject({ code: 'PACKAGE_PATH_INVALID', path: 'a/../b' });
    expect(result.findings[0]!.message).toContain('..');
    expect(result.findings[0]!.messageEn).toContain('Unsafe entry path');
  });

  it('refuses over-long paths and device names with extensions, in any case', () => {
    expect(safeCheckEntryPath('x'.repeat(MAX_ENTRY_PATH_LENGTH + 1)).ok).toBe(false);
    for (const path of ['Nul', 'dir/PRN.tar.gz', 'COM1', 'lpt9.log', 'a/Aux']) {
      expect(safeCheckEntryPath(path).ok, path).toBe(false);
    }
  });

  it('never accepts a path that could leave its folder (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', '..', '.', '', '\\', '/', 'C:', '文', ' '), { maxLength: 8 }),
        (parts) => {
          const path = parts.join('');
          const result = safeCheckEntryPath(path);
          if (result.ok) {
            const segments = path.split('/');
            expect(segments.every((s) => s !== '' && s !== '.' && s !== '..')).toBe(true);
            expect(path).not.toMatch(/^[A-Za-z]:|\\|^\//);
          } else {
            expect(result.findings[0]!.code).toBe('PACKAGE_PATH_INVALID');
          }
        },
      ),
    );
  });

  it('throws TypeError for a non-string', () => {
    expect(() => checkEntryPath(1 as unknown as string)).toThrow(TypeError);
  });
});

describe('entryPathKey', () => {
  it('folds case and Unicode normal form', () => {
    expect(entryPathKey('Doc/A.TXT')).toBe(entryPathKey('doc/a.txt'));
    expect(entryPathKey('e\u0301')).toBe(entryPathKey('\u00e9'));
    expect(entryPathKey('a')).not.toBe(entryPathKey('b'));
  });
});
