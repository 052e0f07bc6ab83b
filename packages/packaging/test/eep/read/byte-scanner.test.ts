import { readXml } from '@dangan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TagOffsetScanner, type TagRecord } from '../../../src/eep/read/byte-scanner.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

const TRICKY = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a <comment> with > and - inside -->
<根 xmlns:p="urn:p" a="1>2" b='/>'>
  <?pi some > text ?>
  <被签名对象 eep版本="2009"><p:子 x="&quot;>&lt;"/><空   /><![CDATA[ <not a="tag"> ]] ]> ]]>文字</被签名对象  >
  <电子签名><签名结果>YWJj</签名结果></电子签名>
  <![CDATA[]]><多字节名称甲乙丙/>
</根>
`;

interface Run {
  records: TagRecord[];
  captures: { local: string; start: number; end: number; bytes: Uint8Array }[];
  dead: boolean;
}

function scan(bytes: Uint8Array, sizes: (i: number) => number): Run {
  const captures: Run['captures'] = [];
  const scanner = new TagOffsetScanner({
    capture(local) {
      if (local !== '被签名对象' && local !== '电子签名') return undefined;
      const parts: Uint8Array[] = [];
      return {
        update: (b) => void parts.push(b.slice()),
        end: (start, end) => {
          const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
          let at = 0;
          for (const p of parts) {
            all.set(p, at);
            at += p.length;
          }
          captures.push({ local, start, end, bytes: all });
        },
      };
    },
  });
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = Math.max(1, sizes(i));
    scanner.push(bytes.subarray(at, at + n));
    at += n;
  }
  const records: TagRecord[] = [];
  for (let r = scanner.shift(); r !== undefined; r = scanner.shift()) records.push(r);
  return { records, captures, dead: scanner.dead };
}

describe('TagOffsetScanner', () => {
  const bytes = utf8(TRICKY);

  it('finds every tag the XML parser sees, in order, with exact byte offsets', async () => {
    const events: string[] = [];
    await readXml(bytes, {
      startElement: (e) => void events.push(`start ${e.name}`),
      endElement: (e) => void events.push(`end ${e.name}`),
    });
    const { records, dead } = scan(bytes, () => 1 << 20);
    expect(dead).toBe(false);
    expect(records.map((r) => `${r.kind} ${r.name}`)).toEqual(events);
    for (const r of records) {
      const tag = text(bytes.subarray(r.start, r.end));
      expect(
        tag.startsWith(r.kind === 'start' ? `<${r.name}` : r.selfClosing ? `<${r.name}` : `</${r.name}`),
      ).toBe(true);
      expect(tag.endsWith('>')).toBe(true);
    }
    const signed = records.find((r) => r.name === '被签名对象' && r.kind === 'start')!;
    expect(text(bytes.subarray(signed.start, signed.elementEnd))).toMatch(
      /^<被签名对象 eep版本="2009">.*<\/被签名对象 {2}>$/s,
    );
    expect(signed.cdata).toBe(true);
    expect(records.find((r) => r.name === '根')!.cdata).toBe(true);
    expect(records.find((r) => r.name === 'p:子')!.selfClosing).toBe(true);
  });

  it('captures the bytes of chosen elements, whatever the chunking (one byte at a time included)', () => {
    const whole = scan(bytes, () => 1 << 20);
    expect(whole.captures.map((c) => [c.local, text(c.bytes)])).toEqual([
      ['被签名对象', TRICKY.slice(TRICKY.indexOf('<被签名对象'), TRICKY.indexOf('</被签名对象  >') + 10)],
      ['电子签名', '<电子签名><签名结果>YWJj</签名结果></电子签名>'],
    ]);
    for (const c of whole.captures) expect(bytes.subarray(c.start, c.end)).toEqual(c.bytes);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 50 }), (sizes) => {
        const run = scan(bytes, (i) => sizes[i % sizes.length]!);
        expect(run).toEqual(whole);
      }),
      { numRuns: 200 },
    );
    expect(scan(bytes, () => 1)).toEqual(whole);
  });

  it('stops (no offsets) for UTF-16, another declared encoding, or a DOCTYPE', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x61, 0x00, 0x2f, 0x00, 0x3e, 0x00]);
    expect(scan(utf16, () => 4).dead).toBe(true);
    expect(scan(utf8('<?xml version="1.0" encoding="GB18030"?><a/>'), () => 3).dead).toBe(true);
    expect(scan(utf8('<?xml version="1.0" encoding="utf-8"?><a/>'), () => 3).dead).toBe(false);
    expect(scan(utf8('<!DOCTYPE a><a/>'), () => 5).dead).toBe(true);
    expect(scan(utf8(`\ufeff<?xml version="1.0"?><a b="c"/>`), () => 2).records.map((r) => r.name)).toEqual([
      'a',
      'a',
    ]);
  });
});
