import { DanganError, digest, digests, type FormatInfo, identifyFormat } from '@dangan/core';
import { describe, expect, it } from 'vitest';
import {
  CAPTURE_FINDING_CODES,
  captureAttributes,
  computerFileName,
  formatInformation,
  safeCaptureAttributes,
} from '../../src/capture/index.js';
import { buildDocx, buildOfd, buildPdf, pdfUtf16 } from './helpers/document-builders.js';
import { buildTiff, exifIfd, jpegWithExif, SAMPLE_EXIF } from './helpers/exif-builder.js';
import { buildMp4, buildWav } from './helpers/media-builders.js';
import { countingSource, everySource, fixture, pieces, webStream } from './helpers/sources.js';

describe('电子属性 (DA/T 46 M47–M50)', () => {
  it('M47 格式信息 leaves out unknown parts and appends the PRONOM id', () => {
    const base = { id: 'pdf', nameZh: '', category: 'document', extension: 'pdf', flags: {} } as const;
    expect(
      formatInformation({
        ...base,
        name: 'PDF',
        version: '1.7',
        mimeType: 'application/pdf',
        pronom: 'fmt/276',
      }),
    ).toBe('PDF, 1.7, application/pdf; PRONOM fmt/276');
    expect(formatInformation({ ...base, name: 'TIFF', mimeType: 'image/tiff' } as FormatInfo)).toBe(
      'TIFF, image/tiff',
    );
  });

  it('M48 计算机文件名 is the NFC base name', () => {
    expect(computerFileName('C:\\办件\\决定书.pdf')).toBe('决定书.pdf');
    expect(computerFileName('/data/2024/照片.JPG')).toBe('照片.JPG');
    expect(computerFileName('cafe\u0301.txt')).toBe('café.txt');
  });

  it('fills M47–M49 for any file, and M50 only when a creator is found', async () => {
    const text = new TextEncoder().encode('一网通办 办件材料\n');
    const a = await captureAttributes(text, 'folder/说明.txt');
    expect(a.电子属性).toEqual({
      格式信息: formatInformation(a.格式),
      计算机文件名: '说明.txt',
      计算机文件大小: text.length,
    });
    expect(a.照片).toBeUndefined();
    expect(a.音视频).toBeUndefined();
    expect(a.findings).toEqual([]);
  });

  it('M50 from a PDF: /Creator (newest after an incremental update), else XMP, else /Producer', async () => {
    const plain = await captureAttributes(
      buildPdf({ info: '/Creator (Microsoft\\256 Word 2016) /Producer (PDF Lib)' }),
      'a.pdf',
    );
    expect(plain.电子属性.文档创建程序).toBe('Microsoft® Word 2016');
    expect(plain.电子属性.格式信息).toBe('PDF, 1.7, application/pdf; PRONOM fmt/276');
    const utf16 = await captureAttributes(buildPdf({ info: `/Creator ${pdfUtf16('WPS 文字')}` }), 'b.pdf');
    expect(utf16.电子属性.文档创建程序).toBe('WPS 文字');
    const updated = await captureAttributes(
      buildPdf({ info: '/Creator (Old App)', update: '/Creator (New \\(2\\) App)' }),
      'c.pdf',
    );
    expect(updated.电子属性.文档创建程序).toBe('New (2) App');
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="数科 OFD &amp; PDF"/></rdf:RDF></x:xmpmeta>';
    const fromXmp = await captureAttributes(buildPdf({ info: '/Producer (P)', xmp }), 'd.pdf');
    expect(fromXmp.电子属性.文档创建程序).toBe('数科 OFD & PDF');
    const producer = await captureAttributes(buildPdf({ info: '/Producer <50 72 6F 64>' }), 'e.pdf');
    expect(producer.电子属性.文档创建程序).toBe('Prod');
    const none = await captureAttributes(buildPdf(), 'f.pdf');
    expect(none.电子属性.文档创建程序).toBeUndefined();
  });

  it('M50 from a PDF whose trailer lies past the kept prefix of a stream (kept tail)', async () => {
    const pdf = buildPdf({ filler: 300_000, update: '/Creator (Tail App)' });
    const a = await captureAttributes(pieces(pdf, 4096), 'big.pdf', { maxHeaderBytes: 65536 });
    expect(a.电子属性.文档创建程序).toBe('Tail App');
  });

  it('M50 from OOXML docProps/app.xml and OFD DocInfo', async () => {
    const docx = await captureAttributes(buildDocx('Microsoft Office Word', '16.0000'), '通知.docx');
    expect(docx.格式.id).toBe('docx');
    expect(docx.电子属性.文档创建程序).toBe('Microsoft Office Word 16.0000');
    const wps = await captureAttributes(
      buildDocx('WPS Office_11.1.0.14309_F1E327BC-269C-435d-A152-05C5408002CA'),
      'w.docx',
    );
    expect(wps.电子属性.文档创建程序).toMatch(/^WPS Office_11/);
    const ofd = await captureAttributes(buildOfd('数科OFD版式办公套件', '3.0'), '决定书.ofd');
    expect(ofd.格式.id).toBe('ofd');
    expect(ofd.电子属性.文档创建程序).toBe('数科OFD版式办公套件 3.0');
  });

  it('M50 from a DOCX streamed past the prefix, through the kept tail', async () => {
    const docx = buildDocx('Microsoft Office Word', '16.0000', 500_000);
    const a = await captureAttributes(pieces(docx, 8192), 'big.docx', { maxHeaderBytes: 200_000 });
    expect(a.电子属性.文档创建程序).toBe('Microsoft Office Word 16.0000');
  });
});

describe('摘要 and the single pass', () => {
  const jpeg = jpegWithExif(fixture('plain.jpg'), buildTiff(exifIfd(SAMPLE_EXIF)));

  it('digests equal core digest()/digests(), SM3 by default', async () => {
    const a = await captureAttributes(jpeg, 'a.jpg');
    expect(a.摘要).toEqual({ sm3: await digest(jpeg, 'sm3') });
    const b = await captureAttributes(jpeg, 'a.jpg', { algorithms: ['sm3', 'sha256', 'sha512'] });
    expect(b.摘要).toEqual(await digests(jpeg, ['sm3', 'sha256', 'sha512']));
    const big = buildMp4({ mdatBytes: 3_000_000 });
    const c = await captureAttributes(pieces(big, 100_000), 'v.mp4', { algorithms: ['sha256'] });
    expect(c.摘要.sha256).toBe(await digest(big, 'sha256'));
    expect(c.电子属性.计算机文件大小).toBe(big.length);
  });

  it('opens a function source once and reads a stream once', async () => {
    const big = buildMp4({ mdatBytes: 5_000_000 });
    const counting = countingSource(big, 65536);
    const a = await captureAttributes(counting.source, 'v.mp4');
    expect(counting.opens()).toBe(1);
    expect(a.音视频?.总帧数).toBe(50);
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let o = 0; o < big.length; o += 1 << 20) controller.enqueue(big.slice(o, o + (1 << 20)));
        controller.close();
      },
      pull() {
        pulls++;
      },
    });
    const b = await captureAttributes(stream, 'v.mp4');
    expect(b.摘要.sm3).toBe(a.摘要.sm3);
    expect(pulls).toBeLessThanOrEqual(1);
  });

  const samples: [string, Uint8Array][] = [
    ['photo.jpg', jpeg],
    ['v.mp4', buildMp4()],
    ['a.wav', buildWav()],
    ['vbr.mp3', fixture('vbr.mp3')],
    ['a.pdf', buildPdf({ info: '/Creator (X)' })],
    ['a.docx', buildDocx('Word')],
  ];
  for (const [name, bytes] of samples) {
    it(`gives the same answer for every ByteSource kind (${name})`, async () => {
      const reference = await captureAttributes(bytes, name, { algorithms: ['sm3', 'sha256'] });
      expect(reference.格式).toEqual(await identifyFormat(bytes, { fileName: name }));
      for (const [kind, make] of everySource(bytes)) {
        const a = await captureAttributes(make(), name, { algorithms: ['sm3', 'sha256'] });
        expect(a, kind).toEqual(reference);
      }
    });
  }
});

describe('errors, aborts and arguments', () => {
  it('aborts before and during the read', async () => {
    const done = new AbortController();
    done.abort();
    await expect(captureAttributes(buildWav(), 'a.wav', { signal: done.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
    const mid = new AbortController();
    async function* slow(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(1000);
      mid.abort();
      yield new Uint8Array(1000);
      yield new Uint8Array(1000);
    }
    await expect(captureAttributes(slow(), 'a.bin', { signal: mid.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
    const r = await safeCaptureAttributes(buildWav(), 'a.wav', { signal: done.signal });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings[0]?.code).toBe('ABORTED');
  });

  it('turns a failing source into BYTES_READ_FAILED', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(10);
      throw new Error('disk gone');
    }
    const e = await captureAttributes(failing(), 'a.bin').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DanganError);
    expect((e as DanganError).code).toBe('BYTES_READ_FAILED');
    const opener = await captureAttributes(() => {
      throw new Error('no such object');
    }, 'a.bin').catch((x: unknown) => x);
    expect((opener as DanganError).code).toBe('BYTES_READ_FAILED');
    const stream = new ReadableStream<Uint8Array>({
      pull() {
        throw new Error('network reset');
      },
    });
    const fromStream = await safeCaptureAttributes(stream, 'a.bin');
    expect(fromStream.ok).toBe(false);
    if (!fromStream.ok) expect(fromStream.error.code).toBe('BYTES_READ_FAILED');
    const badBlob = new Blob([new Uint8Array(10)]);
    Object.defineProperty(badBlob, 'slice', {
      value: () => ({ arrayBuffer: () => Promise.reject(new Error('revoked')) }),
    });
    await expect(captureAttributes(badBlob, 'a.bin')).rejects.toMatchObject({ code: 'BYTES_READ_FAILED' });
  });

  it('cancels the stream when a read fails part way', async () => {
    let cancelled = false;
    let n = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (n++ < 3) controller.enqueue(new Uint8Array(100));
        else controller.enqueue('not bytes' as unknown as Uint8Array);
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(captureAttributes(stream, 'a.bin')).rejects.toBeInstanceOf(DanganError);
    expect(cancelled).toBe(true);
  });

  it('rejects bad arguments as programmer errors', async () => {
    await expect(captureAttributes('text' as never, 'a.txt')).rejects.toBeInstanceOf(TypeError);
    await expect(captureAttributes(new Uint8Array(1), 5 as never)).rejects.toBeInstanceOf(TypeError);
    await expect(captureAttributes(new Uint8Array(1), '/')).rejects.toBeInstanceOf(RangeError);
    await expect(captureAttributes(new Uint8Array(1), 'a', { algorithms: [] })).rejects.toBeInstanceOf(
      RangeError,
    );
    await expect(captureAttributes(new Uint8Array(1), 'a', { maxHeaderBytes: 0 })).rejects.toBeInstanceOf(
      RangeError,
    );
    await expect(captureAttributes(new Uint8Array(1), 'a', { maxMoovBytes: 1.5 })).rejects.toBeInstanceOf(
      RangeError,
    );
    const unknown = await safeCaptureAttributes(new Uint8Array(1), 'a', {
      algorithms: ['whirlpool' as never],
    });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.code).toBe('DIGEST_UNSUPPORTED_ALGORITHM');
  });

  it('handles an empty file', async () => {
    const a = await captureAttributes(new Uint8Array(0), 'empty.bin');
    expect(a.电子属性.计算机文件大小).toBe(0);
    expect(a.格式.id).toBe('unknown');
    const b = await captureAttributes(webStream(new Uint8Array(0), 10), 'empty.bin');
    expect(b).toEqual(a);
  });

  it('publishes its finding codes', () => {
    expect(CAPTURE_FINDING_CODES).toContain('CAPTURE_EXIF_INVALID');
    expect(CAPTURE_FINDING_CODES).toContain('CAPTURE_MEDIA_TRUNCATED');
  });
});
