import { crc32, deflateSync } from 'node:zlib';
import { concatBytes, utf8 } from '@dangan/core';
import {
  createZipWriter,
  type MemoryPackageWritten,
  memorySink,
  memorySource,
  type PackageSource,
} from '@dangan/packaging';
import {
  type ArchivalItemInput,
  type ArchivalPackageResult,
  buildArchivalPackage,
} from '../../../packaging/src/archival/index.js';
import { type FileSpec, ywtbRecord as packagingRecord } from '../../../packaging/test/archival/fixtures.js';

export { type FileSpec, sm3Hex } from '../../../packaging/test/archival/fixtures.js';

/** A small, structurally valid PDF (header, one page, xref with real offsets, trailer, %%EOF). */
export function minimalPdf(text = '档案', options: { readonly encrypt?: boolean } = {}): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${text.length + 20} >>\nstream\nBT /F1 12 Tf (${text}) Tj ET\nendstream`,
  ];
  if (options.encrypt) objects.push('<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>');
  let body = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  const enc = (s: string) => Buffer.from(s, 'latin1').length;
  objects.forEach((o, i) => {
    offsets.push(enc(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = enc(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${options.encrypt ? ` /Encrypt ${objects.length} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, data.length);
  head.set(Buffer.from(type, 'latin1'), 4);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(concatBytes([head.subarray(4), data])));
  return concatBytes([head, data, crc]);
}

/** A real PNG of `width` × `height` grey pixels. */
export function tinyPng(width = 4, height = 3): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const raw = new Uint8Array(height * (width + 1));
  return concatBytes([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', new Uint8Array(deflateSync(raw))),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** A minimal OFD: OFD.xml → Doc_0/Document.xml → one page; with `signed`, a Signatures.xml listing one seal. */
export async function minimalOfd(
  options: {
    readonly signed?: boolean;
    readonly method?: 'store' | 'deflate';
    readonly omitDocument?: boolean;
  } = {},
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const zip = createZipWriter(
    { write: (c) => void parts.push(c.slice()) },
    { method: options.method ?? 'deflate' },
  );
  const ns = 'http://www.ofdspec.org/2016';
  await zip.addEntry(
    'OFD.xml',
    utf8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="${ns}" Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID><ofd:Creator>数科OFD版式办公套件</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>${options.signed ? '<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>' : ''}</ofd:DocBody></ofd:OFD>`,
    ),
  );
  if (options.omitDocument !== true)
    await zip.addEntry(
      'Doc_0/Document.xml',
      utf8(
        `<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="${ns}"><ofd:CommonData><ofd:MaxUnitID>2</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`,
      ),
    );
  await zip.addEntry(
    'Doc_0/Pages/Page_0/Content.xml',
    utf8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="${ns}"><ofd:Content/></ofd:Page>`),
  );
  if (options.signed) {
    await zip.addEntry(
      'Doc_0/Signs/Signatures.xml',
      utf8(
        `<?xml version="1.0" encoding="UTF-8"?><ofd:Signatures xmlns:ofd="${ns}"><ofd:MaxSignId>1</ofd:MaxSignId><ofd:Signature ID="1" BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>`,
      ),
    );
  }
  await zip.close();
  return concatBytes(parts);
}

/** A 一网通办 record of 件 `n` describing `files` (valid against the `ywtb` scheme), with 页数 1. */
export function ywtbRecord(n: number, title: string, files: readonly FileSpec[]): Record<string, unknown> {
  return packagingRecord(n, title, files, { pages: 1 });
}

/** The content files of the standard test 办件: a PDF, a PNG and an OFD, one 件 each. */
export async function standardFiles(): Promise<FileSpec[][]> {
  return [
    [
      {
        name: '设立登记申请书.pdf',
        format: 'PDF, 1.7, application/pdf',
        bytes: minimalPdf('apply'),
        material: '设立登记申请书',
      },
    ],
    [{ name: '营业场所照片.png', format: 'PNG, image/png', bytes: tinyPng(), material: '营业场所照片' }],
    [
      {
        name: '准予设立登记通知书.ofd',
        format: 'OFD, 1.1, application/ofd',
        bytes: await minimalOfd(),
        material: '通知书',
      },
    ],
  ];
}

/** A built 归档信息包 in memory: its files, its source, and the builder's result. */
export interface BuiltPackage {
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly source: PackageSource;
  readonly result: ArchivalPackageResult<MemoryPackageWritten>;
}

/** Builds a 归档信息包 (layout `dangan-ywtb`) of the given 件 into memory. */
export async function buildPackage(specs?: readonly (readonly FileSpec[])[]): Promise<BuiltPackage> {
  const files = specs ?? (await standardFiles());
  const titles = ['设立登记申请书', '营业场所照片', '准予设立登记通知书', '其他材料'];
  const items: ArchivalItemInput[] = files.map((fs, i) => ({
    record: ywtbRecord(i + 1, titles[i % titles.length]!, fs),
    files: fs.map((f, j) => ({ source: f.bytes, attributeIndex: j })),
  }));
  const result = await buildArchivalPackage(
    {
      items,
      registration: { 单位名称: '上海市浦东新区市场监督管理局', 归档电子文件门类: '文书', 归档方式: '在线' },
      now: new Date('2026-03-20T02:00:00Z'),
    },
    memorySink(),
  );
  return { files: result.written.files, source: result.written.source, result };
}

/** A package source over `files` with one entry replaced or added. */
export function withEntry(
  files: ReadonlyMap<string, Uint8Array>,
  path: string,
  bytes: Uint8Array,
): PackageSource {
  const copy = new Map(files);
  copy.set(path, bytes);
  return memorySource(copy);
}

/** A package source over `files` without `path`. */
export function without(files: ReadonlyMap<string, Uint8Array>, path: string): PackageSource {
  const copy = new Map(files);
  copy.delete(path);
  return memorySource(copy);
}

/** A fixed clock for reproducible reports. */
export const fixedNow = (): Date => new Date('2026-04-01T08:00:00Z');
