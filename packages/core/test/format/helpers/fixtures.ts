import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormatInfo } from '../../../src/format/index.js';
import { biffWorkbook, buildCfb, wordFib } from './cfb-builder.js';
import {
  buildAvi,
  buildBmp,
  buildFlv,
  buildGif,
  buildIsoMedia,
  buildJpeg,
  buildMp3,
  buildMpegPs,
  buildPdf,
  buildPng,
  buildTiff,
  buildWav,
  DANGAN_GB18030,
  utf8,
  utf16,
} from './file-builders.js';
import { buildZip, concat } from './zip-builder.js';

/** A sample file and what identification must say about it. */
export interface Sample {
  readonly name: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly expect: Partial<FormatInfo>;
}

/** Bytes of a committed fixture in test/fixtures/format/. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../../fixtures/format/${name}`, import.meta.url))),
  );
}

const OFD_XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.1" DocType="OFD-A"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>';

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/main.xml" ContentType="${main}"/></Types>`;

/** OOXML skeleton: content types, package relationships and the main part. */
export function ooxml(kind: 'docx' | 'xlsx' | 'pptx', method: 0 | 8 = 8): Uint8Array {
  const main = {
    docx: [
      'word/document.xml',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    ],
    xlsx: ['xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
    pptx: [
      'ppt/presentation.xml',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
    ],
  }[kind] as [string, string];
  return buildZip([
    { name: '[Content_Types].xml', data: contentTypes(main[1]), method },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main[0]}"/></Relationships>`,
      method,
    },
    { name: main[0], data: '<?xml version="1.0"?><root/>', method },
  ]);
}

/** OFD package: OFD.xml at the root and one document. */
export function ofd(method: 0 | 8 = 8, encrypted = false): Uint8Array {
  return buildZip([
    { name: 'OFD.xml', data: OFD_XML, method },
    {
      name: 'Doc_0/Document.xml',
      data: '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>',
      method,
      encrypted,
    },
  ]);
}

/** Every format the identifier knows, as small real files with their expected identification. */
export function samples(): Sample[] {
  return [
    {
      name: 'PDF 1.4',
      fileName: 'a.pdf',
      bytes: buildPdf(),
      expect: {
        id: 'pdf',
        version: '1.4',
        pronom: 'fmt/18',
        mimeType: 'application/pdf',
        flags: { encrypted: false, truncated: false },
      },
    },
    {
      name: 'PDF/A-1b (attribute XMP)',
      fileName: 'a.pdf',
      bytes: buildPdf({ pdfa: { part: 1, conformance: 'B', form: 'attribute' } }),
      expect: {
        id: 'pdf',
        pronom: 'fmt/354',
        flags: { encrypted: false, truncated: false, pdfa: { part: 1, conformance: 'B' } },
      },
    },
    {
      name: 'PDF 1.7 encrypted, xref stream',
      fileName: 'x.PDF',
      bytes: buildPdf({ version: '1.7', encrypted: true, xrefStream: true }),
      expect: { id: 'pdf', version: '1.7', pronom: 'fmt/276', flags: { encrypted: true, truncated: false } },
    },
    {
      name: 'OFD',
      fileName: '公文.ofd',
      bytes: ofd(),
      expect: {
        id: 'ofd',
        version: '1.1',
        mimeType: 'application/ofd',
        flags: { encrypted: false, truncated: false },
      },
    },
    {
      name: 'DOCX',
      fileName: 'a.docx',
      bytes: ooxml('docx'),
      expect: { id: 'docx', pronom: 'fmt/412', flags: { encrypted: false, truncated: false } },
    },
    { name: 'XLSX', fileName: 'a.xlsx', bytes: ooxml('xlsx'), expect: { id: 'xlsx', pronom: 'fmt/214' } },
    { name: 'PPTX', fileName: 'a.pptx', bytes: ooxml('pptx', 0), expect: { id: 'pptx', pronom: 'fmt/215' } },
    {
      name: 'ZIP (Info-ZIP)',
      fileName: 'a.zip',
      bytes: fixture('zip-cli.zip'),
      expect: { id: 'zip', pronom: 'x-fmt/263', flags: { encrypted: false, truncated: false } },
    },
    {
      name: 'ZIP encrypted (Info-ZIP -P)',
      fileName: 'a.zip',
      bytes: fixture('zip-cli-encrypted.zip'),
      expect: { id: 'zip', flags: { encrypted: true, truncated: false } },
    },
    {
      name: 'DOC',
      fileName: 'a.doc',
      bytes: buildCfb([
        { name: 'WordDocument', data: wordFib(false) },
        { name: '1Table', data: new Uint8Array(600) },
      ]),
      expect: { id: 'doc', pronom: 'fmt/40', flags: { encrypted: false } },
    },
    {
      name: 'WPS (Kingsoft, by extension)',
      fileName: '文件.wps',
      bytes: buildCfb([{ name: 'WordDocument', data: wordFib(false) }]),
      expect: { id: 'wps', mimeType: 'application/wps-office.wps', flags: { encrypted: false } },
    },
    {
      name: 'XLS',
      fileName: 'a.xls',
      bytes: buildCfb([{ name: 'Workbook', data: biffWorkbook(false) }]),
      expect: { id: 'xls', pronom: 'fmt/61', flags: { encrypted: false } },
    },
    {
      name: 'ET (Kingsoft, by extension)',
      fileName: 'a.et',
      bytes: buildCfb([{ name: 'Workbook', data: biffWorkbook(false) }]),
      expect: { id: 'et', flags: { encrypted: false } },
    },
    {
      name: 'PPT',
      fileName: 'a.ppt',
      bytes: buildCfb([
        { name: 'PowerPoint Document', data: new Uint8Array(5000) },
        { name: 'Current User', data: new Uint8Array(40) },
      ]),
      expect: { id: 'ppt', pronom: 'fmt/126', flags: {} },
    },
    {
      name: 'OLE2 (other)',
      fileName: 'a.msg',
      bytes: buildCfb([{ name: '__properties_version1.0', data: new Uint8Array(100) }]),
      expect: { id: 'ole2', pronom: 'fmt/111' },
    },
    {
      name: 'RTF',
      fileName: 'a.rtf',
      bytes: utf8('{\\rtf1\\ansi\\ansicpg936\\deff0 {\\fonttbl{\\f0 SimSun;}} \\f0 \\u26723?\\u26696?}'),
      expect: { id: 'rtf', version: '1', details: { codePage: 936 } },
    },
    {
      name: 'JPEG (JFIF + EXIF)',
      fileName: 'a.jpg',
      bytes: buildJpeg({ exifVersion: '0230' }),
      expect: {
        id: 'jpeg',
        version: '1.02',
        pronom: 'fmt/44',
        flags: { exif: true },
        details: {
          jfifVersion: '1.02',
          exifVersion: '0230',
          width: 8,
          height: 8,
          bitDepth: 8,
          components: 1,
          progressive: false,
        },
      },
    },
    {
      name: 'PNG',
      fileName: 'a.png',
      bytes: buildPng(3, 2),
      expect: {
        id: 'png',
        pronom: 'fmt/11',
        flags: { truncated: false, exif: false },
        details: { width: 3, height: 2, bitDepth: 8, colorType: 2 },
      },
    },
    {
      name: 'TIFF (II)',
      fileName: 'a.tif',
      bytes: buildTiff('II'),
      expect: {
        id: 'tiff',
        pronom: 'fmt/353',
        details: { width: 1, height: 1, bitDepth: 8, compression: 1 },
      },
    },
    {
      name: 'TIFF (MM)',
      fileName: 'a.tiff',
      bytes: buildTiff('MM'),
      expect: { id: 'tiff', details: { width: 1, height: 1, bitDepth: 8, compression: 1 } },
    },
    {
      name: 'BigTIFF',
      fileName: 'a.tif',
      bytes: buildTiff('bigtiff'),
      expect: { id: 'bigtiff', details: { width: 1, height: 1, compression: 1 } },
    },
    {
      name: 'GIF89a',
      fileName: 'a.gif',
      bytes: buildGif('89a'),
      expect: { id: 'gif', version: '89a', pronom: 'fmt/4', details: { width: 1, height: 1 } },
    },
    {
      name: 'GIF87a',
      fileName: 'a.gif',
      bytes: buildGif('87a'),
      expect: { id: 'gif', version: '87a', pronom: 'fmt/3' },
    },
    {
      name: 'BMP',
      fileName: 'a.bmp',
      bytes: buildBmp(),
      expect: {
        id: 'bmp',
        version: '3',
        pronom: 'fmt/116',
        details: { width: 2, height: 2, bitDepth: 24, compression: 0 },
      },
    },
    {
      name: 'WAV PCM',
      fileName: 'a.wav',
      bytes: buildWav(),
      expect: {
        id: 'wav',
        pronom: 'fmt/141',
        details: { formatTag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16 },
      },
    },
    {
      name: 'WAV (Python wave)',
      fileName: 'a.wav',
      bytes: fixture('python-wave.wav'),
      expect: {
        id: 'wav',
        pronom: 'fmt/141',
        details: { formatTag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16 },
      },
    },
    {
      name: 'MP3 with ID3',
      fileName: 'a.mp3',
      bytes: buildMp3(3, true),
      expect: {
        id: 'mp3',
        version: 'MPEG-1 Layer III',
        pronom: 'fmt/134',
        details: {
          id3Version: '2.3',
          mpegVersion: '1',
          layer: 3,
          bitRate: 128,
          sampleRate: 44100,
          channels: 2,
        },
      },
    },
    {
      name: 'MP3 frames only',
      fileName: 'a.mp3',
      bytes: buildMp3(3, false),
      expect: {
        id: 'mp3',
        details: { mpegVersion: '1', layer: 3, bitRate: 128, sampleRate: 44100, channels: 2 },
      },
    },
    {
      name: 'MP2',
      fileName: 'a.mp2',
      bytes: buildMp3(3, false, 2),
      expect: { id: 'mpeg-audio', version: 'MPEG-1 Layer II', pronom: 'fmt/198' },
    },
    {
      name: 'MP4',
      fileName: 'a.mp4',
      bytes: buildIsoMedia(),
      expect: {
        id: 'mp4',
        pronom: 'fmt/199',
        details: { majorBrand: 'isom', compatibleBrands: ['isom', 'iso2', 'mp41'] },
      },
    },
    {
      name: 'MOV',
      fileName: 'a.mov',
      bytes: buildIsoMedia('qt  ', ['qt  ']),
      expect: { id: 'mov', pronom: 'x-fmt/384' },
    },
    {
      name: 'AVI',
      fileName: 'a.avi',
      bytes: buildAvi(),
      expect: { id: 'avi', pronom: 'fmt/5', details: { width: 320, height: 240 } },
    },
    {
      name: 'FLV',
      fileName: 'a.flv',
      bytes: buildFlv(),
      expect: { id: 'flv', version: '1', pronom: 'x-fmt/382', details: { hasAudio: true, hasVideo: true } },
    },
    {
      name: 'MPEG-2 PS',
      fileName: 'a.mpg',
      bytes: buildMpegPs(true),
      expect: { id: 'mpeg-ps', version: '2', pronom: 'x-fmt/386' },
    },
    {
      name: 'MPEG-1 PS',
      fileName: 'a.mpeg',
      bytes: buildMpegPs(false),
      expect: { id: 'mpeg-ps', version: '1', pronom: 'x-fmt/385' },
    },
    {
      name: 'XML UTF-8',
      fileName: 'a.xml',
      bytes: utf8(
        '<?xml version="1.0" encoding="UTF-8"?>\n<电子文件封装包 xmlns="http://www.saac.gov.cn/standards/ERM/encapsulation">档案</电子文件封装包>',
      ),
      expect: {
        id: 'xml',
        version: '1.0',
        pronom: 'fmt/101',
        encoding: 'utf-8',
        details: {
          rootElement: '电子文件封装包',
          rootNamespace: 'http://www.saac.gov.cn/standards/ERM/encapsulation',
          xmlVersion: '1.0',
          declaredEncoding: 'UTF-8',
          bom: false,
          encodingValid: true,
        },
      },
    },
    {
      name: 'XML GB18030',
      fileName: 'a.xml',
      bytes: concat([utf8('<?xml version="1.0" encoding="GB18030"?>\n<'), DANGAN_GB18030, utf8('/>')]),
      expect: {
        id: 'xml',
        encoding: 'gb18030',
        details: {
          rootElement: '档案',
          xmlVersion: '1.0',
          declaredEncoding: 'GB18030',
          bom: false,
          encodingValid: true,
        },
      },
    },
    {
      name: 'SVG',
      fileName: 'a.svg',
      bytes: utf8('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'),
      expect: { id: 'svg', encoding: 'utf-8' },
    },
    {
      name: 'HTML',
      fileName: 'a.html',
      bytes: utf8('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>档案</title></head></html>'),
      expect: { id: 'html', encoding: 'utf-8' },
    },
    {
      name: 'text UTF-8',
      fileName: 'a.txt',
      bytes: utf8('档案管理\r\n第二行\n'),
      expect: {
        id: 'text',
        pronom: 'x-fmt/111',
        encoding: 'utf-8',
        details: { bom: false, ascii: false, encodingValid: true },
      },
    },
    {
      name: 'text GB 18030',
      fileName: 'a.txt',
      bytes: concat([DANGAN_GB18030, utf8(' archive\n')]),
      expect: { id: 'text', encoding: 'gb18030' },
    },
    {
      name: 'text UTF-16LE BOM',
      fileName: 'a.txt',
      bytes: utf16('档案 text'),
      expect: { id: 'text', encoding: 'utf-16le', details: { bom: true, ascii: false, encodingValid: true } },
    },
    {
      name: 'text UTF-16BE BOM',
      fileName: 'a.txt',
      bytes: utf16('档案 text', true),
      expect: { id: 'text', encoding: 'utf-16be' },
    },
  ];
}
