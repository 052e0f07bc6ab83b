import exifr from 'exifr';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureAttributes } from '../../src/capture/index.js';
import {
  buildTiff,
  buildTiffFile,
  type ExifSpec,
  exifIfd,
  jpegWithExif,
  SAMPLE_EXIF,
} from './helpers/exif-builder.js';
import { concat } from './helpers/media-builders.js';
import { fixture } from './helpers/sources.js';

const plainJpeg = fixture('plain.jpg');

describe('JPEG with EXIF (DA/T 54)', () => {
  for (const littleEndian of [true, false]) {
    it(`reads every photo element from APP1 (${littleEndian ? 'II' : 'MM'})`, async () => {
      const jpeg = jpegWithExif(plainJpeg, buildTiff(exifIfd(SAMPLE_EXIF), littleEndian));
      const a = await captureAttributes(jpeg, '照片.jpg');
      expect(a.findings).toEqual([]);
      expect(a.照片).toEqual({
        时间: { 摄影时间: '2024-05-01T08:30:15+08:00' },
        拍摄位置: {
          GPS版本: '2.3.0.0',
          纬度基准: 'N',
          纬度: 31.2292,
          经度基准: 'E',
          经度: 121.47009444,
          海拔基准: '海平面以上',
          海拔: 12.5,
          方向基准: '真北',
          镜头方向: 90.5,
          国际协调时间: '2024-05-01T00:30:15Z',
        },
        捕获设备: {
          设备类型: '数码相机',
          设备制造商: 'Canon',
          设备型号: 'EOS R5',
          设备序列号: '012345678901',
          设备感光器: '单片彩色区域传感器',
        },
        软件: { 软件名称: 'Firmware 1.8.1' },
        图像参数: {
          图像宽度: 64,
          图像高度: 48,
          水平分辨率: 300,
          垂直分辨率: 300,
          色彩空间: 'sRGB',
          位深度: 24,
          每样本位数: '8,8,8',
          每像素样本数: 3,
          字节序: littleEndian ? 'II（小端）' : 'MM（大端）',
          方向: 6,
          压缩方案: 'JPEG（基线 DCT）',
          YCbCr二次采样: '4:2:0',
        },
      });
      expect(a.电子属性.文档创建程序).toBe('Firmware 1.8.1');
      expect(a.格式.id).toBe('jpeg');
      expect(a.格式.flags.exif).toBe(true);
    });
  }

  it('agrees with exifr (an independent reader) on the sample', async () => {
    const jpeg = jpegWithExif(plainJpeg, buildTiff(exifIfd(SAMPLE_EXIF), true));
    const ours = await captureAttributes(jpeg, 'a.jpg');
    const theirs = await exifr.parse(jpeg, {
      tiff: true,
      exif: true,
      gps: true,
      interop: true,
      translateValues: false,
      reviveValues: false,
    });
    expect(ours.照片?.捕获设备?.设备制造商).toBe(theirs.Make);
    expect(ours.照片?.拍摄位置?.纬度).toBeCloseTo(theirs.latitude, 7);
    expect(ours.照片?.拍摄位置?.经度).toBeCloseTo(theirs.longitude, 7);
    expect(ours.照片?.图像参数.方向).toBe(theirs.Orientation);
  });

  it('agrees with exifr on arbitrary EXIF values (property)', async () => {
    const text = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((s) => s.trim() === s && !s.includes('\0') && s.length > 0);
    const rational = fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1000 }));
    const dms = (maxDeg: number) =>
      fc.tuple(
        fc.integer({ min: 0, max: maxDeg - 1 }).map((d) => [d, 1] as const),
        fc.integer({ min: 0, max: 59 }).map((m) => [m, 1] as const),
        fc.integer({ min: 0, max: 5999 }).map((s) => [s, 100] as const),
      );
    const date = fc
      .tuple(
        fc.integer({ min: 1990, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
      )
      .map(([y, mo, d, h, mi, s]) => {
        const p = (n: number) => String(n).padStart(2, '0');
        return `${y}:${p(mo)}:${p(d)} ${p(h)}:${p(mi)}:${p(s)}`;
      });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          make: text,
          model: text,
          software: text,
          orientation: fc.integer({ min: 1, max: 8 }),
          xResolution: rational.filter(([n]) => n > 0),
          dateTimeOriginal: date,
          latitudeRef: fc.constantFrom('N', 'S'),
          latitude: dms(90),
          longitudeRef: fc.constantFrom('E', 'W'),
          longitude: dms(180),
          altitude: rational,
          littleEndian: fc.boolean(),
        }),
        async (v) => {
          const spec: ExifSpec = {
            make: v.make,
            model: v.model,
            software: v.software,
            orientation: v.orientation,
            xResolution: v.xResolution,
            yResolution: v.xResolution,
            resolutionUnit: 2,
            dateTimeOriginal: v.dateTimeOriginal,
            gps: {
              latitudeRef: v.latitudeRef,
              latitude: v.latitude,
              longitudeRef: v.longitudeRef,
              longitude: v.longitude,
              altitudeRef: 1,
              altitude: v.altitude,
            },
          };
          const jpeg = jpegWithExif(plainJpeg, buildTiff(exifIfd(spec), v.littleEndian));
          const ours = await captureAttributes(jpeg, 'p.jpg');
          const theirs = await exifr.parse(jpeg, { gps: true, translateValues: false, reviveValues: false });
          const p = ours.照片!;
          expect(p.捕获设备?.设备制造商).toBe(theirs.Make);
          expect(p.捕获设备?.设备型号).toBe(theirs.Model);
          expect(p.软件?.软件名称).toBe(theirs.Software);
          expect(p.图像参数.方向).toBe(theirs.Orientation);
          expect(p.图像参数.水平分辨率).toBeCloseTo(theirs.XResolution, 1); // ours is rounded to 0.01
          expect(p.时间?.摄影时间).toBe(theirs.DateTimeOriginal.replace(/^(\d+):(\d+):(\d+) /, '$1-$2-$3T'));
          const sign = (ref: string | undefined) => (ref === 'S' || ref === 'W' ? -1 : 1);
          expect(sign(p.拍摄位置?.纬度基准) * p.拍摄位置!.纬度!).toBeCloseTo(theirs.latitude, 6);
          expect(sign(p.拍摄位置?.经度基准) * p.拍摄位置!.经度!).toBeCloseTo(theirs.longitude, 6);
          expect(p.拍摄位置?.海拔).toBeCloseTo(theirs.GPSAltitude, 5);
          expect(p.拍摄位置?.海拔基准).toBe('海平面以下');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('maps colour spaces, including the DCF Adobe RGB convention', async () => {
    const space = async (colorSpace: number, interopIndex?: string) => {
      const spec: ExifSpec = { colorSpace, ...(interopIndex ? { interopIndex } : {}) };
      const a = await captureAttributes(jpegWithExif(plainJpeg, buildTiff(exifIfd(spec))), 'c.jpg');
      return a.照片?.图像参数.色彩空间;
    };
    expect(await space(1)).toBe('sRGB');
    expect(await space(2)).toBe('AdobeRGB');
    expect(await space(0xffff)).toBe('未校准');
    expect(await space(0xffff, 'R03')).toBe('AdobeRGB');
  });

  it('reports an invalid DateTimeOriginal but ignores a blank one', async () => {
    const bad = await captureAttributes(
      jpegWithExif(plainJpeg, buildTiff(exifIfd({ dateTimeOriginal: '2024:13:45 99:00:00' }))),
      'b.jpg',
    );
    expect(bad.照片?.时间).toBeUndefined();
    expect(bad.findings.map((f) => f.code)).toEqual(['CAPTURE_EXIF_INVALID']);
    const blank = await captureAttributes(
      jpegWithExif(plainJpeg, buildTiff(exifIfd({ dateTimeOriginal: '0000:00:00 00:00:00' }))),
      'b.jpg',
    );
    expect(blank.照片?.时间).toBeUndefined();
    expect(blank.findings).toEqual([]);
  });

  it('warns about an EXIF segment that is not TIFF, and still reads the frame', async () => {
    const a = await captureAttributes(
      jpegWithExif(plainJpeg, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8)),
      'x.jpg',
    );
    expect(a.findings.map((f) => f.code)).toContain('CAPTURE_EXIF_INVALID');
    expect(a.照片?.图像参数.图像宽度).toBe(64);
  });

  it('warns about an IFD pointer out of the segment, keeping the rest', async () => {
    const tiff = buildTiff(exifIfd(SAMPLE_EXIF));
    // Point the GPS IFD pointer (tag 0x8825 in IFD0) far outside the segment.
    const dv = new DataView(tiff.buffer);
    const n = dv.getUint16(8, true);
    for (let i = 0; i < n; i++) {
      if (dv.getUint16(10 + 12 * i, true) === 0x8825) dv.setUint32(10 + 12 * i + 8, 0x7fffff, true);
    }
    const a = await captureAttributes(jpegWithExif(plainJpeg, tiff), 'g.jpg');
    expect(a.findings.map((f) => f.code)).toContain('CAPTURE_EXIF_INVALID');
    expect(a.照片?.拍摄位置).toBeUndefined();
    expect(a.照片?.捕获设备?.设备制造商).toBe('Canon');
  });

  it('uses JFIF density when there is no EXIF resolution', async () => {
    const a = await captureAttributes(plainJpeg, 'plain.jpg');
    // ffmpeg writes JFIF density 1:1 with units 0 (aspect only): no resolution.
    expect(a.照片?.图像参数.水平分辨率).toBeUndefined();
    const dpcm = plainJpeg.slice();
    // APP0 at offset 2: FF E0 len(2) 'JFIF\0' ver(2) units(1) x(2) y(2)
    expect(String.fromCharCode(...dpcm.subarray(6, 10))).toBe('JFIF');
    dpcm.set([2, 0, 100, 0, 50], 13);
    const b = await captureAttributes(dpcm, 'dpcm.jpg');
    expect(b.照片?.图像参数.水平分辨率).toBe(254);
    expect(b.照片?.图像参数.垂直分辨率).toBe(127);
  });

  it('names progressive and 4:2:2 frames', async () => {
    // SOF2 with 3 components: Y 2x1, Cb 1x1, Cr 1x1 → 4:2:2.
    const sof2 = Uint8Array.of(0xff, 0xc2, 0, 17, 8, 0, 16, 0, 32, 3, 1, 0x21, 0, 2, 0x11, 1, 3, 0x11, 1);
    const jpeg = concat(Uint8Array.of(0xff, 0xd8), sof2, Uint8Array.of(0xff, 0xda, 0, 2, 0xff, 0xd9));
    const a = await captureAttributes(jpeg, 'p.jpg');
    expect(a.照片?.图像参数).toMatchObject({
      图像宽度: 32,
      图像高度: 16,
      压缩方案: 'JPEG（渐进 DCT）',
      YCbCr二次采样: '4:2:2',
    });
  });

  it('reports a JPEG cut inside its headers', async () => {
    const tiff = buildTiff(exifIfd(SAMPLE_EXIF));
    const jpeg = jpegWithExif(plainJpeg, tiff);
    const a = await captureAttributes(jpeg.subarray(0, 2 + 10 + tiff.length + 30), 'cut.jpg');
    expect(a.findings.map((f) => f.code)).toEqual(['CAPTURE_MEDIA_TRUNCATED']);
    // The frame header was cut off: the EXIF pixel dimensions stand in.
    expect(a.照片?.图像参数.图像宽度).toBe(64);
    // Cut inside the EXIF segment itself: what lies before the cut is still read.
    const b = await captureAttributes(jpeg.subarray(0, 60), 'cut.jpg');
    expect(b.findings.map((f) => f.code)).toContain('CAPTURE_MEDIA_TRUNCATED');
    expect(b.照片).toBeUndefined();
  });
});

describe('TIFF files', () => {
  for (const [title, pixelsFirst] of [
    ['IFD before the pixels', false],
    ['IFD after the pixels (libtiff layout)', true],
  ] as const) {
    it(`reads IFD0, the Exif IFD and GPS (${title})`, async () => {
      const file = buildTiffFile(20, 10, SAMPLE_EXIF, false, pixelsFirst);
      const a = await captureAttributes(file, 'scan.tif');
      expect(a.格式.id).toBe('tiff');
      expect(a.findings).toEqual([]);
      expect(a.照片?.图像参数).toEqual({
        图像宽度: 20,
        图像高度: 10,
        水平分辨率: 300,
        垂直分辨率: 300,
        色彩空间: 'sRGB',
        位深度: 24,
        每样本位数: '8,8,8',
        每像素样本数: 3,
        字节序: 'MM（大端）',
        方向: 6,
        压缩方案: '无压缩',
      });
      expect(a.照片?.拍摄位置?.纬度).toBeCloseTo(31.2292, 6);
      expect(a.照片?.时间?.摄影时间).toBe('2024-05-01T08:30:15+08:00');
    });
  }

  it('reaches an IFD at the end of a large file through the kept tail, and says when it cannot', async () => {
    const file = buildTiffFile(1000, 700, SAMPLE_EXIF, true, true); // ~2 MiB of pixels, IFD at the end
    const near = await captureAttributes(file, 'big.tif', { maxHeaderBytes: 64 * 1024 });
    expect(near.findings).toEqual([]);
    expect(near.照片?.图像参数.图像宽度).toBe(1000);
    // A value in the middle of the file (outside head and tail) is out of reach: point Make there.
    const moved = file.slice();
    const dv = new DataView(moved.buffer);
    const ifd0 = dv.getUint32(4, true);
    const n = dv.getUint16(ifd0, true);
    for (let i = 0; i < n; i++) {
      const e = ifd0 + 2 + 12 * i;
      if (dv.getUint16(e, true) === 0x010f) dv.setUint32(e + 8, 1_000_000, true);
    }
    const far = await captureAttributes(moved, 'big.tif', { maxHeaderBytes: 64 * 1024 });
    expect(far.findings.map((f) => f.code)).toEqual(['CAPTURE_HEADER_OUT_OF_REACH']);
    expect(far.照片?.捕获设备?.设备制造商).toBeUndefined();
    expect(far.照片?.捕获设备?.设备型号).toBe('EOS R5');
  });

  it('reads a BigTIFF IFD0 (8-byte offsets, 20-byte entries)', async () => {
    const b = new Uint8Array(200);
    const dv = new DataView(b.buffer);
    b.set([0x49, 0x49, 43, 0, 8, 0, 0, 0]);
    dv.setBigUint64(8, 16n, true);
    dv.setBigUint64(16, 3n, true);
    const entry = (i: number, tag: number, type: number, count: number, value: number) => {
      const at = 24 + 20 * i;
      dv.setUint16(at, tag, true);
      dv.setUint16(at + 2, type, true);
      dv.setBigUint64(at + 4, BigInt(count), true);
      dv.setBigUint64(at + 12, BigInt(value), true);
    };
    entry(0, 0x0100, 3, 1, 640);
    entry(1, 0x0101, 16, 1, 480); // LONG8
    entry(2, 0x0112, 3, 1, 3);
    const a = await captureAttributes(b, 'big.tif');
    expect(a.格式.id).toBe('bigtiff');
    expect(a.照片?.图像参数).toMatchObject({ 图像宽度: 640, 图像高度: 480, 方向: 3, 字节序: 'II（小端）' });
  });

  it('reads an ffmpeg-written TIFF (LZW)', async () => {
    const a = await captureAttributes(fixture('plain.tif'), 'plain.tif');
    expect(a.照片?.图像参数).toMatchObject({ 图像宽度: 40, 图像高度: 30, 压缩方案: 'LZW', 位深度: 24 });
  });
});

describe('PNG', () => {
  it('reads IHDR and pHYs (ffmpeg, 300 dpi)', async () => {
    const a = await captureAttributes(fixture('phys.png'), 'phys.png');
    expect(a.照片).toEqual({
      图像参数: {
        图像宽度: 40,
        图像高度: 30,
        水平分辨率: 300,
        垂直分辨率: 300,
        色彩空间: 'RGB',
        位深度: 24,
        每样本位数: '8,8,8',
        每像素样本数: 3,
        字节序: 'MM（大端）',
        压缩方案: 'Deflate',
      },
    });
  });

  it('reads eXIf, sRGB and a Software text chunk', async () => {
    const png = fixture('phys.png');
    const chunk = (type: string, data: Uint8Array) => {
      const out = new Uint8Array(12 + data.length);
      new DataView(out.buffer).setUint32(0, data.length);
      out.set(
        Uint8Array.from(type, (c) => c.charCodeAt(0)),
        4,
      );
      out.set(data, 8);
      return out; // CRC left zero: capture does not check it
    };
    const exif = buildTiff(
      exifIfd({ make: 'Huawei', model: 'P60', dateTimeOriginal: '2023:10:01 12:00:00' }),
    );
    const extra = concat(
      chunk('sRGB', Uint8Array.of(0)),
      chunk('eXIf', exif),
      chunk('tEXt', new TextEncoder().encode('Software\0GIMP 2.10')),
    );
    const withChunks = concat(png.subarray(0, 33), extra, png.subarray(33));
    const a = await captureAttributes(withChunks, 'x.png');
    expect(a.照片?.捕获设备).toEqual({ 设备制造商: 'Huawei', 设备型号: 'P60' });
    expect(a.照片?.时间?.摄影时间).toBe('2023-10-01T12:00:00');
    expect(a.照片?.图像参数.色彩空间).toBe('sRGB');
    expect(a.照片?.软件?.软件名称).toBe('GIMP 2.10');
    expect(a.电子属性.文档创建程序).toBe('GIMP 2.10');
    // The eXIf byte order is what 字节序 reports.
    expect(a.照片?.图像参数.字节序).toBe('II（小端）');
  });

  it('reports a PNG cut before IEND', async () => {
    const png = fixture('phys.png');
    const a = await captureAttributes(png.subarray(0, png.length - 20), 'cut.png');
    expect(a.findings.map((f) => f.code)).toContain('CAPTURE_MEDIA_TRUNCATED');
    expect(a.照片?.图像参数.图像宽度).toBe(40);
  });
});

describe('GIF and BMP', () => {
  it('give their size from the format header', async () => {
    const gif = concat(
      Uint8Array.from('GIF89a', (c) => c.charCodeAt(0)),
      Uint8Array.of(10, 0, 5, 0, 0, 0, 0),
      Uint8Array.of(0x3b),
    );
    const a = await captureAttributes(gif, 'a.gif');
    expect(a.照片?.图像参数).toEqual({ 图像宽度: 10, 图像高度: 5 });
  });

  it('omits 照片 with a finding when the size cannot be read', async () => {
    const a = await captureAttributes(Uint8Array.of(0xff, 0xd8, 0xff, 0xd9), 'empty.jpg');
    expect(a.照片).toBeUndefined();
    expect(a.findings.map((f) => f.code)).toContain('CAPTURE_IMAGE_SIZE_UNKNOWN');
  });
});
