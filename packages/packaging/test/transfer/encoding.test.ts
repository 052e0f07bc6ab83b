import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inventoryPackage, readCatalogue } from '../../src/inventory/index.js';
import { type MemoryPackageWritten, memorySink } from '../../src/sinks/index.js';
import {
  buildTransferPackage,
  decodeTransferText,
  isGb2312Code,
  type TransferOptions,
  type TransferTextEncoding,
} from '../../src/transfer/index.js';
import { caseItem, FULL_OPTIONS, record } from './fixtures.js';

function hasTool(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const TOOLS = {
  iconv: hasTool('iconv', ['--version']),
  xmllint: hasTool('xmllint', ['--version']),
  python: hasTool('python3', ['-V']),
};

const dir = mkdtempSync(join(tmpdir(), 'dangan-transfer-enc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A title with a GBK-only character (喆), a character beyond the BMP (𠮷) and XML specials. */
const TITLE = '关于“陈喆”与𠮷野家 <分店> & 其他事项的批复';

async function build(encoding: TransferTextEncoding, extra: TransferOptions = {}) {
  const sink = memorySink();
  const r = await buildTransferPackage(
    { items: [caseItem('办件-0001', [record(1, '永久', 2024, { title: TITLE })], 1)] },
    { kind: 'online', sink },
    { ...FULL_OPTIONS, catalogueEncoding: encoding, ...extra },
  );
  return r.carriers[0]!.written as MemoryPackageWritten;
}

function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('文件目录.XML encodings', () => {
  it.skipIf(!TOOLS.iconv)('GB18030: iconv decodes it to the same text the reader sees', async () => {
    const w = await build('gb18030');
    const bytes = w.files.get('文件目录.XML')!;
    const viaIconv = execFileSync('iconv', ['-f', 'GB18030', '-t', 'UTF-8', file('gb18030.xml', bytes)], {
      encoding: 'utf8',
    });
    expect(viaIconv).toBe(new TextDecoder('gb18030').decode(bytes));
    expect(viaIconv.split('\r\n')[0]).toBe('<?xml version="1.0" encoding="GB18030"?>');
    expect(viaIconv).toContain('陈喆');
    expect(viaIconv).toContain('𠮷');
    expect(viaIconv).toContain('&lt;分店&gt; &amp;');
  });

  it.skipIf(!TOOLS.xmllint)('every encoding is well-formed for xmllint', async () => {
    for (const enc of ['utf-8', 'gb18030', 'gb2312'] as const) {
      const w = await build(enc);
      const path = file(`catalogue-${enc}.xml`, w.files.get('文件目录.XML')!);
      expect(() => execFileSync('xmllint', ['--noout', path], { stdio: 'pipe' }), enc).not.toThrow();
      const text = execFileSync('xmllint', ['--encode', 'UTF-8', '--xpath', 'string(//题名)', path], {
        encoding: 'utf8',
      });
      expect(text.replace(/\n$/u, ''), enc).toBe(TITLE);
    }
  });

  it.skipIf(!TOOLS.iconv)(
    'GB2312: strict GB 2312 decoders accept it; others become character references',
    async () => {
      const w = await build('gb2312');
      const bytes = w.files.get('文件目录.XML')!;
      const viaIconv = execFileSync('iconv', ['-f', 'GB2312', '-t', 'UTF-8', file('gb2312.xml', bytes)], {
        encoding: 'utf8',
      });
      expect(viaIconv.split('\r\n')[0]).toBe('<?xml version="1.0" encoding="GB2312"?>');
      expect(viaIconv).toContain('陈&#x5586;');
      expect(viaIconv).toContain('&#x20BB7;野家');
    },
  );

  it('the 清点 reads each encoding back to the same entries', async () => {
    for (const enc of ['utf-8', 'gb18030', 'gb2312'] as const) {
      const w = await build(enc);
      const inv = await inventoryPackage(w.source);
      expect(inv.findings, enc).toEqual([]);
      expect(inv.catalogue?.rows[0]?.题名, enc).toBe(TITLE);
      expect(inv.catalogue?.declaredEncoding, enc).toBe(enc.toUpperCase());
      expect(inv.catalogue?.encoding, enc).toBe(enc === 'utf-8' ? 'UTF-8' : 'GB18030');
    }
  });

  it.skipIf(!TOOLS.python)(
    'the GB 2312 repertoire matches Python’s strict gb2312 codec cell for cell',
    () => {
      const accepted = execFileSync(
        'python3',
        [
          '-c',
          `
ok = []
for l in range(0x81, 0xff):
    for t in range(0x40, 0xff):
        try:
            bytes([l, t]).decode('gb2312'); ok.append('%02x%02x' % (l, t))
        except Exception:
            pass
print(' '.join(ok))`,
        ],
        { encoding: 'utf8' },
      )
        .trim()
        .split(' ');
      const mine: string[] = [];
      for (let l = 0x81; l < 0xff; l++) {
        for (let t = 0x40; t < 0xff; t++) {
          if (isGb2312Code(l, t))
            mine.push(l.toString(16).padStart(2, '0') + t.toString(16).padStart(2, '0'));
        }
      }
      expect(mine).toEqual(accepted);
      expect(mine).toHaveLength(7445);
    },
  );
});

describe('说明文件.TXT', () => {
  it.skipIf(!TOOLS.iconv)(
    'is GB18030 with CRLF that iconv reads, and decodeTransferText detects it',
    async () => {
      const w = await build('utf-8', {
        readme: { ...FULL_OPTIONS.readme, 软件环境: '数科OFD阅读器；陈喆定制版' },
      });
      const bytes = w.files.get('说明文件.TXT')!;
      const viaIconv = execFileSync('iconv', ['-f', 'GB18030', '-t', 'UTF-8', file('readme.txt', bytes)], {
        encoding: 'utf8',
      });
      expect(viaIconv).toContain('软件环境：数科OFD阅读器；陈喆定制版\r\n');
      expect(decodeTransferText(bytes)).toEqual({ text: viaIconv, encoding: 'gb18030' });
    },
  );

  it('refuses a character GB18030 cannot hold (a lone surrogate) with a typed error', async () => {
    await expect(
      build('utf-8', { readme: { ...FULL_OPTIONS.readme, 摘要信息: 'bad \ud800 text' } }),
    ).rejects.toMatchObject({ code: 'TRANSFER_TEXT_UNENCODABLE' });
  });
});

describe('the catalogue reader on hostile or broken input', () => {
  const read = (xml: string | Uint8Array) =>
    readCatalogue(typeof xml === 'string' ? new TextEncoder().encode(xml) : xml, '文件目录.XML');

  it('reports a DOCTYPE with entities instead of expanding it', async () => {
    const r = await read(
      '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xxxxxxxxxx">]><文件目录><文件><档号>&x;</档号></文件></文件目录>',
    );
    expect(r.findings.map((f) => f.code)).toEqual(['TRANSFER_CATALOGUE_MALFORMED']);
    expect(r.rows).toEqual([]);
  });

  it('reports truncated XML, a wrong root and entries lacking fields, with lines', async () => {
    expect((await read('<文件目录><文件><档号>A</档号>')).findings[0]?.code).toBe(
      'TRANSFER_CATALOGUE_MALFORMED',
    );
    expect((await read('<目录/>')).findings[0]?.message).toContain('<文件目录>');
    const r = await read(
      '<文件目录>\n<文件><档号>A-1</档号></文件>\n<文件><档号>A-1</档号><电子档案名称>x</电子档案名称></文件>\n<文件><档号>A-1</档号><电子档案名称>y</电子档案名称></文件>\n</文件目录>',
    );
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([
      ['TRANSFER_CATALOGUE_ENTRY_INVALID', '文件目录.XML:2'],
      ['TRANSFER_CATALOGUE_ENTRY_INVALID', '文件目录.XML:4'],
    ]);
  });

  it('reports bytes that do not match the declared encoding', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><文件目录><文件><题名>'),
      0xd6,
      0xd0,
      ...new TextEncoder().encode('</题名></文件></文件目录>'),
    ]);
    expect((await read(bytes)).findings[0]?.code).toBe('TRANSFER_CATALOGUE_MALFORMED');
  });
});
