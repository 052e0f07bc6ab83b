import { utf8 } from '@dangan/core';
import { recordsToXml, schemes } from '@dangan/metadata';
import { memorySource } from '@dangan/packaging';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/engine/run-checks.js';
import {
  environmentAllowed,
  formatDisagreements,
  isPackagePath,
  parseFormatInformation,
} from '../../../src/rules/content/index.js';
import {
  buildPackage,
  fixedNow,
  minimalOfd,
  minimalPdf,
  tinyPng,
  ywtbRecord,
} from '../../engine/fixtures.js';
import { errorPaths, itemOf } from '../../engine/support.js';

/** A GIF the format probe identifies (GIF is not on GB/T 18894's list). */
const gif = () =>
  new Uint8Array([
    ...Buffer.from('GIF89a'),
    2,
    0,
    2,
    0,
    0,
    0,
    0,
    0x2c,
    0,
    0,
    0,
    0,
    2,
    0,
    2,
    0,
    0,
    2,
    2,
    0x4c,
    0x01,
    0,
    0x3b,
  ]);

describe('content rules', () => {
  it('a format not on the stage list fails content.format (GD-3-3), naming the file', async () => {
    const pkg = await buildPackage([[{ name: '动图.gif', format: 'GIF, 89a, image/gif', bytes: gif() }]]);
    const report = await runChecks({ stage: 'archiving', source: pkg.source, now: fixedNow });
    const format = itemOf(report, 'content.format');
    expect(format.id).toBe('GD-3-3');
    expect(format.status).toBe('fail');
    const path = [...pkg.files.keys()].find((p) => p.endsWith('.gif'))!;
    expect(errorPaths(format)).toEqual([path]);
    // A profile that allows GIF passes it.
    const allowing = await runChecks({
      stage: 'archiving',
      source: pkg.source,
      now: fixedNow,
      profile: {
        id: 'gif',
        name: '允许 GIF',
        extends: 'dat70',
        parameters: { allowedFormats: { archiving: ['gif'] } },
      },
    });
    expect(itemOf(allowing, 'content.format').status).toBe('pass');
  });

  it('a cut PDF fails content.readable (GD-3-4); a good PDF, PNG and OFD pass', async () => {
    const good = minimalPdf('ok');
    const cut = good.subarray(0, good.length - 30);
    const pkg = await buildPackage([
      [{ name: '好.pdf', format: 'PDF, 1.7, application/pdf', bytes: good }],
      [{ name: '坏.pdf', format: 'PDF, 1.7, application/pdf', bytes: cut }],
      [{ name: '图.png', format: 'PNG, image/png', bytes: tinyPng(8, 8) }],
      [{ name: '通知.ofd', format: 'OFD, 1.1, application/ofd', bytes: await minimalOfd() }],
    ]);
    const report = await runChecks({ stage: 'archiving', source: pkg.source, now: fixedNow });
    const readable = itemOf(report, 'content.readable');
    expect(readable.status).toBe('fail');
    const bad = pkg.result.items[1]!.files[0]!.path;
    expect(errorPaths(readable)).toEqual([bad]);
    expect(readable.findings[0]?.code).toBe('CHECK_PDF_EOF');
  });

  it('reports OFD e-seals as present, not verified', async () => {
    const pkg = await buildPackage([
      [{ name: '签章.ofd', format: 'OFD, 1.1, application/ofd', bytes: await minimalOfd({ signed: true }) }],
    ]);
    const report = await runChecks({ stage: 'archiving', source: pkg.source, now: fixedNow });
    const fixity = itemOf(report, 'fixity');
    expect(fixity.status).toBe('pass');
    const note = fixity.findings.find((f) => f.code === 'CHECK_OFD_SIGNATURE_UNVERIFIED');
    expect(note?.severity).toBe('info');
    expect(note?.message).toContain('未验证');
  });

  it('compares recorded 电子属性 with the real file: name, size, format', async () => {
    const pdf = minimalPdf('x');
    const png = tinyPng();
    const records = [
      ywtbRecord(1, '大小不符', [
        { name: '甲.pdf', format: 'PDF, 1.7, application/pdf', bytes: new Uint8Array(pdf.length + 5) },
      ]),
      ywtbRecord(2, '格式不符', [{ name: '乙.png', format: 'PDF, 1.7, application/pdf', bytes: png }]),
      ywtbRecord(3, '缺文件', [{ name: '丙.pdf', format: 'PDF, 1.7, application/pdf', bytes: pdf }]),
    ];
    const source = memorySource({
      '元数据.xml': utf8(recordsToXml(records, schemes.ywtb)),
      '甲.pdf': pdf,
      '乙.png': png,
    });
    const report = await runChecks({ stage: 'archiving', source, now: fixedNow });
    const attrs = itemOf(report, 'content.attributes');
    expect(attrs.status).toBe('fail');
    expect(attrs.findings.find((f) => f.code === 'CHECK_ATTRIBUTE_SIZE')?.path).toBe('甲.pdf');
    expect(attrs.findings.find((f) => f.code === 'CHECK_ATTRIBUTE_SIZE')?.element).toBe('M49');
    expect(attrs.findings.find((f) => f.code === 'CHECK_ATTRIBUTE_FORMAT')?.path).toBe('乙.png');
    const link = itemOf(report, 'link.location');
    expect(link.status).toBe('fail');
    expect(link.findings.find((f) => f.code === 'CHECK_RECORD_FILE_MISSING')?.message).toContain('丙.pdf');
    expect(itemOf(report, 'content.complete').status).toBe('fail');
    expect(itemOf(report, 'package.structure').status).toBe('fail'); // no known layout
    // A package without a manifest or signatures has no fixity information.
    expect(itemOf(report, 'fixity').findings.some((f) => f.code === 'CHECK_FIXITY_MISSING')).toBe(true);
  });

  it('checks environments against the profile list, and says so when there is none', async () => {
    const pkg = await buildPackage([
      [{ name: '通知.ofd', format: 'OFD, 1.1, application/ofd', bytes: await minimalOfd() }],
    ]);
    const none = await runChecks({ stage: 'archiving', source: pkg.source, now: fixedNow });
    expect(itemOf(none, 'environment').status).toBe('not-applicable');
    const wps = await runChecks({
      stage: 'archiving',
      source: pkg.source,
      now: fixedNow,
      profile: {
        id: 'wps',
        name: 'WPS 单位',
        extends: 'dat70',
        parameters: { allowedEnvironments: ['WPS', '/^金山/'] },
      },
    });
    const env = itemOf(wps, 'environment');
    expect(env.status).toBe('fail');
    expect(env.findings[0]?.message).toContain('数科OFD版式办公套件');
  });

  it('parses 格式信息 and matches environments', () => {
    expect(parseFormatInformation('PDF, 1.7, application/pdf; PRONOM fmt/276')).toEqual({
      name: 'PDF',
      version: '1.7',
      mimeType: 'application/pdf',
      pronom: 'fmt/276',
    });
    expect(parseFormatInformation('TIFF, image/tiff')).toEqual({ name: 'TIFF', mimeType: 'image/tiff' });
    const pdfInfo = {
      id: 'pdf',
      name: 'PDF',
      nameZh: 'PDF 版式文档',
      category: 'document',
      mimeType: 'application/pdf',
      extension: 'pdf',
      version: '1.7',
      flags: {},
    } as const;
    expect(formatDisagreements(parseFormatInformation('PDF, 1.4, application/pdf'), pdfInfo)).toEqual([
      'version',
    ]);
    expect(formatDisagreements(parseFormatInformation('OFD, application/ofd'), pdfInfo)).toEqual([
      'mime',
      'name',
    ]);
    expect(environmentAllowed('WPS Office 2019', ['wps'])).toBe(true);
    expect(environmentAllowed('金山文档', ['/^金山/'])).toBe(true);
    expect(environmentAllowed('Foxit', ['wps', '/^金山/'])).toBe(false);
    expect(isPackagePath('电子文件/A/')).toBe(true);
    expect(isPackagePath('oss://a/b')).toBe(false);
    expect(isPackagePath('/data/a')).toBe(false);
  });
});
