import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/engine/run-checks.js';
import { isHiddenOrSystemFile } from '../../../src/rules/security/index.js';
import type { VirusScanner } from '../../../src/scanner/types.js';
import { buildPackage, fixedNow, minimalOfd, minimalPdf, withEntry } from '../../engine/fixtures.js';
import { errorPaths, itemOf } from '../../engine/support.js';
import { patchEntry, storedZip } from './zip-patch.js';

describe('security and package-usability rules', () => {
  it('an extra file on the carrier fails carrier.extra-files (GD-4-3), naming it', async () => {
    const pkg = await buildPackage();
    const report = await runChecks({
      stage: 'archiving',
      source: withEntry(pkg.files, '临时/备份.zip', new Uint8Array([1])),
      now: fixedNow,
    });
    const extra = itemOf(report, 'carrier.extra-files');
    expect(extra.id).toBe('GD-4-3');
    expect(extra.status).toBe('fail');
    expect(errorPaths(extra)).toEqual(['临时/备份.zip']);
  });

  it('hidden and system files are extra even where the layout would take them', async () => {
    expect(isHiddenOrSystemFile('电子文件/.DS_Store')).toBe(true);
    expect(isHiddenOrSystemFile('Thumbs.db')).toBe(true);
    expect(isHiddenOrSystemFile('__MACOSX/a.pdf')).toBe(true);
    expect(isHiddenOrSystemFile('电子文件/正文.pdf')).toBe(false);
    const pkg = await buildPackage();
    const report = await runChecks({
      stage: 'YJ',
      source: withEntry(pkg.files, '电子文件/.DS_Store', new Uint8Array([0])),
      now: fixedNow,
    });
    expect(errorPaths(itemOf(report, 'carrier.extra-files'))).toEqual(['电子文件/.DS_Store']);
  });

  it('an encrypted ZIP entry fails package.no-encryption (3-4) and the formats item, naming it', async () => {
    const pkg = await buildPackage();
    const target = [...pkg.files.keys()].find((p) => p.endsWith('.pdf'))!;
    const zip = patchEntry(await storedZip(pkg.files), target, { flags: 1 });
    const report = await runChecks({ stage: 'archiving', source: zip, now: fixedNow });
    const enc = itemOf(report, 'package.no-encryption');
    expect(enc.group).toBe('3-4');
    expect(enc.status).toBe('fail');
    expect(errorPaths(enc)).toContain(target);
    expect(itemOf(report, 'package.no-nonpublic-compression').status).toBe('pass');
    expect(errorPaths(itemOf(report, 'package.formats-compliant'))).toContain(target);
    // The safe reader refuses to extract it: its content is not complete either.
    expect(errorPaths(itemOf(report, 'content.complete'))).toContain(target);
  });

  it('compression method 12 (BZIP2) fails package.no-nonpublic-compression (3-4), naming the entry', async () => {
    const pkg = await buildPackage();
    const target = [...pkg.files.keys()].find((p) => p.endsWith('.png'))!;
    const zip = patchEntry(await storedZip(pkg.files), target, { method: 12 });
    const report = await runChecks({ stage: 'transfer', source: zip, now: fixedNow });
    const comp = itemOf(report, 'package.no-nonpublic-compression');
    expect(comp.group).toBe('3-4');
    expect(comp.status).toBe('fail');
    expect(comp.findings.find((f) => f.path === target)?.message).toContain('BZIP2');
    expect(itemOf(report, 'package.no-encryption').status).toBe('pass');
  });

  it('an encrypted PDF and a non-public method inside an OFD fail, naming the file', async () => {
    const pkg = await buildPackage([
      [{ name: '密.pdf', format: 'PDF, 1.7, application/pdf', bytes: minimalPdf('x', { encrypt: true }) }],
      [
        {
          name: '通知.ofd',
          format: 'OFD, 1.1, application/ofd',
          bytes: patchEntry(await minimalOfd({ method: 'store' }), 'Doc_0/Pages/Page_0/Content.xml', {
            method: 14,
          }),
        },
      ],
    ]);
    const report = await runChecks({ stage: 'archiving', source: pkg.source, now: fixedNow });
    const pdf = [...pkg.files.keys()].find((p) => p.endsWith('.pdf'))!;
    const ofd = [...pkg.files.keys()].find((p) => p.endsWith('.ofd'))!;
    const enc = itemOf(report, 'package.no-encryption');
    expect(enc.status).toBe('fail');
    expect(enc.findings.find((f) => f.code === 'CHECK_FILE_ENCRYPTED')?.path).toBe(pdf);
    const comp = itemOf(report, 'package.no-nonpublic-compression');
    expect(comp.status).toBe('fail');
    expect(comp.findings.find((f) => f.code === 'CHECK_NESTED_COMPRESSION_NOT_PUBLIC')?.path).toBe(ofd);
  });

  it('a scanner that could not scan leaves the virus item error, never pass', async () => {
    const pkg = await buildPackage();
    const down: VirusScanner = {
      name: 'down',
      async scan() {
        return {
          status: 'error',
          reason: '无法连接 clamd',
          reasonEn: 'clamd unreachable',
          code: 'unreachable',
        };
      },
    };
    const report = await runChecks({ stage: 'archiving', source: pkg.source, scanner: down, now: fixedNow });
    const virus = itemOf(report, 'virus.scan');
    expect(virus.status).toBe('error');
    expect(virus.findings.filter((f) => f.code === 'CHECK_VIRUS_NOT_SCANNED')).toHaveLength(pkg.files.size);
    const throwing: VirusScanner = {
      name: 'bug',
      async scan() {
        throw new Error('socket hang up');
      },
    };
    const r2 = await runChecks({ stage: 'archiving', source: pkg.source, scanner: throwing, now: fixedNow });
    expect(itemOf(r2, 'virus.scan').status).toBe('error');
  });
});
