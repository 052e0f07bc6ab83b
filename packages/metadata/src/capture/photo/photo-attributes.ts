import type { FormatInfo } from '@dangan/core';
import { compactOrUndefined, round } from '../binary.js';
import type { FindingList } from '../findings.js';
import type { ByteRegions } from '../regions.js';
import type {
  CaptureDevice,
  ImageParameters,
  PhotoAttributes,
  PhotoSoftware,
  PhotoTime,
  ShootingLocation,
} from '../types.js';
import { type ExifData, type ExifGps, readExif } from './exif.js';
import { jpegCompressionName, jpegSubsampling, readJpegHeaders, subsamplingName } from './jpeg.js';
import { readPngHeaders } from './png.js';
import { readFromBytes, type TiffRead, TiffStructure } from './tiff-structure.js';

/** The image structure as the format itself states it, before EXIF fills gaps. */
interface Structure {
  width?: number | undefined;
  height?: number | undefined;
  bitsPerSample?: readonly number[] | undefined;
  samplesPerPixel?: number | undefined;
  compression?: string | undefined;
  subsampling?: string | undefined;
  colourModel?: string | undefined;
  colourSpace?: string | undefined;
  /** Bits per pixel when the samples are not known one by one (BMP). */
  bitDepth?: number | undefined;
  byteOrder?: string | undefined;
  /** Pixels per inch. */
  resolution?: { x: number; y: number } | undefined;
}

/** What a photo parser hands to the assembly. */
interface PhotoParts {
  readonly structure: Structure;
  readonly exif?: ExifData | undefined;
  readonly software?: string | undefined;
}

/**
 * DA/T 54 technical elements of an image (照片): from the JPEG, PNG or TIFF structure and the EXIF/TIFF
 * tags in it; GIF and BMP give their size only. `undefined` for other formats, and for images whose
 * width and height could not be read (with a finding).
 */
export function photoAttributes(
  format: FormatInfo,
  regions: ByteRegions,
  findings: FindingList,
): { photo: PhotoAttributes | undefined; software: string | undefined } {
  const parts = photoParts(format, regions, findings);
  if (parts === undefined) return { photo: undefined, software: undefined };
  const { structure, exif } = parts;
  const software = exif?.software ?? parts.software;
  const width = structure.width || exif?.pixelXDimension || undefined;
  const height = structure.height || exif?.pixelYDimension || undefined;
  if (width === undefined || height === undefined) {
    findings.add(
      'CAPTURE_IMAGE_SIZE_UNKNOWN',
      '无法读取图像的宽度和高度，未提取照片属性',
      'Image width and height could not be read; no photo attributes',
    );
    return { photo: undefined, software };
  }
  const bits = exif?.bitsPerSample?.length ? exif.bitsPerSample : structure.bitsPerSample;
  const resolution = exifResolution(exif) ?? structure.resolution;
  const image = compactOrUndefined<ImageParameters>({
    图像宽度: width,
    图像高度: height,
    水平分辨率: resolution?.x,
    垂直分辨率: resolution?.y,
    色彩空间: exifColourSpace(exif) ?? structure.colourSpace ?? structure.colourModel,
    位深度: bits?.length ? bits.reduce((a, b) => a + b, 0) : structure.bitDepth,
    每样本位数: bits?.length ? bits.join(',') : undefined,
    每像素样本数: exif?.samplesPerPixel ?? structure.samplesPerPixel ?? (bits?.length || undefined),
    字节序: exif === undefined ? structure.byteOrder : byteOrderName(exif.byteOrder),
    方向:
      exif?.orientation !== undefined && exif.orientation >= 1 && exif.orientation <= 8
        ? exif.orientation
        : undefined,
    压缩方案: structure.compression,
    YCbCr二次采样: structure.subsampling ?? tiffSubsampling(exif),
  })!;
  const photo: PhotoAttributes = {
    ...optional('时间', photoTime(exif, findings)),
    ...optional('拍摄位置', location(exif?.gps, findings)),
    ...optional('捕获设备', device(exif)),
    ...optional('软件', compactOrUndefined<PhotoSoftware>({ 软件名称: software })),
    图像参数: image,
  };
  return { photo, software };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function photoParts(format: FormatInfo, regions: ByteRegions, findings: FindingList): PhotoParts | undefined {
  switch (format.id) {
    case 'jpeg':
      return jpegParts(regions, findings);
    case 'png':
      return pngParts(regions, findings);
    case 'tiff':
    case 'bigtiff':
      return tiffParts(regions, findings);
    case 'gif':
    case 'bmp': {
      const d = format.details;
      return {
        structure: {
          width: d?.width,
          height: d?.height,
          bitDepth: format.id === 'bmp' ? d?.bitDepth : undefined,
        },
      };
    }
    default:
      return undefined;
  }
}

function jpegParts(regions: ByteRegions, findings: FindingList): PhotoParts {
  const h = readJpegHeaders(regions);
  reportStop(h.stop, 'JPEG', findings);
  const n = h.components?.length;
  const structure: Structure = {
    width: h.width,
    height: h.height,
    bitsPerSample: n && h.precision ? Array<number>(n).fill(h.precision) : undefined,
    samplesPerPixel: n,
    compression: h.sofMarker === undefined ? undefined : jpegCompressionName(h.sofMarker),
    subsampling: jpegSubsampling(h.components),
    colourModel: n === 1 ? '灰度' : n === 3 ? 'YCbCr' : n === 4 ? 'CMYK' : undefined,
    resolution: h.jfif
      ? densityToInch(h.jfif.x, h.jfif.y, h.jfif.units === 1 ? 1 : h.jfif.units === 2 ? 2.54 : 0)
      : undefined,
  };
  return { structure, exif: h.exif === undefined ? undefined : embeddedExif(h.exif, 'JPEG APP1', findings) };
}

function pngParts(regions: ByteRegions, findings: FindingList): PhotoParts {
  const h = readPngHeaders(regions);
  reportStop(h.stop, 'PNG', findings);
  const channels = h.colorType === undefined ? undefined : PNG_CHANNELS[h.colorType];
  const structure: Structure = {
    width: h.width,
    height: h.height,
    bitsPerSample: channels && h.bitDepth ? Array<number>(channels).fill(h.bitDepth) : undefined,
    samplesPerPixel: channels,
    compression: 'Deflate',
    colourSpace: h.srgb ? 'sRGB' : h.iccName,
    colourModel:
      h.colorType === 0 || h.colorType === 4 ? '灰度' : h.colorType === undefined ? undefined : 'RGB',
    byteOrder: byteOrderName('MM'),
    resolution: h.phys ? densityToInch(h.phys.x, h.phys.y, h.phys.unit === 1 ? 0.0254 : 0) : undefined,
  };
  return {
    structure,
    exif: h.exif === undefined ? undefined : embeddedExif(h.exif, 'PNG eXIf', findings),
    software: h.software,
  };
}

const PNG_CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function tiffParts(regions: ByteRegions, findings: FindingList): PhotoParts {
  const read: TiffRead = (offset, length) => {
    const r = regions.read(offset, length);
    return r.kind === 'out-of-reach'
      ? 'out-of-reach'
      : r.bytes.length === 0
        ? 'past-end'
        : { bytes: r.bytes };
  };
  const tiff = TiffStructure.open(read);
  if (tiff === undefined) return { structure: {} };
  const exif = readExif(tiff);
  reportTiffProblems(tiff, 'TIFF', findings);
  const structure: Structure = {
    width: exif?.imageWidth,
    height: exif?.imageLength,
    compression: exif?.compression === undefined ? undefined : tiffCompressionName(exif.compression),
    colourModel: exif?.photometric === undefined ? undefined : PHOTOMETRIC[exif.photometric],
  };
  return { structure, exif };
}

function embeddedExif(payload: Uint8Array, where: string, findings: FindingList): ExifData | undefined {
  const tiff = TiffStructure.open(readFromBytes(payload));
  if (tiff === undefined) {
    findings.add(
      'CAPTURE_EXIF_INVALID',
      `${where} 中的 EXIF 没有有效的 TIFF 头`,
      `The EXIF in ${where} has no valid TIFF header`,
    );
    return undefined;
  }
  const exif = readExif(tiff);
  reportTiffProblems(tiff, `${where} EXIF`, findings);
  return exif;
}

function reportTiffProblems(tiff: TiffStructure, where: string, findings: FindingList): void {
  for (const p of tiff.problems) {
    if (p.kind === 'out-of-reach') {
      findings.add(
        'CAPTURE_HEADER_OUT_OF_REACH',
        `${where}：${p.message}；可增大 maxHeaderBytes`,
        `${where}: ${p.messageEn}; raise maxHeaderBytes`,
      );
    } else findings.add('CAPTURE_EXIF_INVALID', `${where}：${p.message}`, `${where}: ${p.messageEn}`);
  }
}

function reportStop(
  stop: 'truncated' | 'out-of-reach' | 'invalid' | undefined,
  what: string,
  findings: FindingList,
) {
  if (stop === 'truncated')
    findings.add(
      'CAPTURE_MEDIA_TRUNCATED',
      `${what} 文件在头部结束前截断`,
      `The ${what} file ends inside its headers`,
    );
  else if (stop === 'out-of-reach')
    findings.add(
      'CAPTURE_HEADER_OUT_OF_REACH',
      `${what} 头部超出保留的字节范围；可增大 maxHeaderBytes`,
      `${what} headers run past the bytes kept; raise maxHeaderBytes`,
    );
  else if (stop === 'invalid')
    findings.add('CAPTURE_MEDIA_INVALID', `${what} 头部结构无效`, `The ${what} header structure is invalid`);
}

function densityToInch(x: number, y: number, perUnitToInch: number): { x: number; y: number } | undefined {
  if (perUnitToInch === 0 || !(x > 0) || !(y > 0)) return undefined;
  return { x: round(x * perUnitToInch, 2), y: round(y * perUnitToInch, 2) };
}

function exifResolution(exif: ExifData | undefined): { x: number; y: number } | undefined {
  if (exif?.xResolution === undefined || exif.yResolution === undefined) return undefined;
  const unit = exif.resolutionUnit ?? 2;
  if (unit !== 2 && unit !== 3) return undefined;
  return densityToInch(exif.xResolution, exif.yResolution, unit === 2 ? 1 : 2.54);
}

function exifColourSpace(exif: ExifData | undefined): string | undefined {
  switch (exif?.colorSpace) {
    case 1:
      return 'sRGB';
    case 2:
      return 'AdobeRGB';
    case 0xffff:
      // DCF: an uncalibrated image with interoperability index R03 is Adobe RGB.
      return exif.interoperabilityIndex === 'R03' ? 'AdobeRGB' : '未校准';
    default:
      return undefined;
  }
}

function tiffSubsampling(exif: ExifData | undefined): string | undefined {
  const s = exif?.ycbcrSubSampling;
  if (s === undefined || s.length < 2 || exif?.photometric !== 6) return undefined;
  return subsamplingName(s[0]!, s[1]!);
}

function byteOrderName(order: 'II' | 'MM'): string {
  return order === 'II' ? 'II（小端）' : 'MM（大端）';
}

const PHOTOMETRIC: Readonly<Record<number, string>> = {
  0: '灰度',
  1: '灰度',
  2: 'RGB',
  3: 'RGB（调色板）',
  4: '透明蒙版',
  5: 'CMYK',
  6: 'YCbCr',
  8: 'CIELab',
  9: 'ICCLab',
  10: 'ITULab',
  32844: 'LogL',
  32845: 'LogLuv',
  34892: 'LinearRaw',
};

const TIFF_COMPRESSION: Readonly<Record<number, string>> = {
  1: '无压缩',
  2: 'CCITT 一维改进霍夫曼（RLE）',
  3: 'CCITT Group 3',
  4: 'CCITT Group 4',
  5: 'LZW',
  6: 'JPEG（旧式）',
  7: 'JPEG',
  8: 'Deflate',
  32946: 'Deflate',
  32773: 'PackBits',
  34712: 'JPEG 2000',
  34925: 'LZMA',
  50000: 'Zstandard',
  50001: 'WebP',
};

/** TIFF compression code (tag 259) in words; unknown codes as `压缩代码 N`. */
export function tiffCompressionName(code: number): string {
  return TIFF_COMPRESSION[code] ?? `压缩代码 ${code}`;
}

const SENSING: Readonly<Record<number, string>> = {
  1: '未定义',
  2: '单片彩色区域传感器',
  3: '双片彩色区域传感器',
  4: '三片彩色区域传感器',
  5: '彩色顺序区域传感器',
  7: '三线传感器',
  8: '彩色顺序线性传感器',
};

const FILE_SOURCE: Readonly<Record<number, string>> = { 1: '胶片扫描仪', 2: '反射式扫描仪', 3: '数码相机' };

function device(exif: ExifData | undefined): CaptureDevice | undefined {
  if (exif === undefined) return undefined;
  return compactOrUndefined<CaptureDevice>({
    设备类型: exif.fileSource === undefined ? undefined : FILE_SOURCE[exif.fileSource],
    设备制造商: exif.make,
    设备型号: exif.model,
    设备序列号: exif.bodySerialNumber ?? exif.cameraSerialNumber,
    设备感光器: exif.sensingMethod === undefined ? undefined : SENSING[exif.sensingMethod],
  });
}

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

function photoTime(exif: ExifData | undefined, findings: FindingList): PhotoTime | undefined {
  const raw = exif?.dateTimeOriginal;
  if (raw === undefined) return undefined;
  const m = EXIF_DATE.exec(raw);
  const valid =
    m !== null &&
    Number(m[1]) > 0 &&
    between(m[2], 1, 12) &&
    between(m[3], 1, 31) &&
    between(m[4], 0, 23) &&
    between(m[5], 0, 59) &&
    between(m[6], 0, 60);
  if (!valid) {
    // Cameras without a clock write blanks or zeros: no date, but not worth a warning.
    if (!/^[\s0:]*$/.test(raw)) {
      findings.add(
        'CAPTURE_EXIF_INVALID',
        `DateTimeOriginal 不是有效的日期时间：“${raw}”`,
        `DateTimeOriginal is not a valid date-time: "${raw}"`,
      );
    }
    return undefined;
  }
  const offset = exif?.offsetTimeOriginal;
  const zone = offset !== undefined && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '';
  return { 摄影时间: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}` };
}

function between(text: string | undefined, min: number, max: number): boolean {
  const n = Number(text);
  return n >= min && n <= max;
}

function location(gps: ExifGps | undefined, findings: FindingList): ShootingLocation | undefined {
  if (gps === undefined) return undefined;
  const lat = degrees(gps.latitude, 90);
  const lon = degrees(gps.longitude, 180);
  if ((gps.latitude && lat === undefined) || (gps.longitude && lon === undefined)) {
    findings.add('CAPTURE_EXIF_INVALID', 'GPS 经纬度值无效', 'The GPS latitude or longitude is invalid');
  }
  return compactOrUndefined<ShootingLocation>({
    GPS版本: gps.version?.length === 4 ? gps.version.join('.') : undefined,
    纬度基准: gps.latitudeRef === 'N' || gps.latitudeRef === 'S' ? gps.latitudeRef : undefined,
    纬度: lat,
    经度基准: gps.longitudeRef === 'E' || gps.longitudeRef === 'W' ? gps.longitudeRef : undefined,
    经度: lon,
    海拔基准: gps.altitudeRef === 0 ? '海平面以上' : gps.altitudeRef === 1 ? '海平面以下' : undefined,
    海拔: gps.altitude !== undefined && gps.altitude >= 0 ? round(gps.altitude, 6) : undefined,
    方向基准: gps.imgDirectionRef === 'T' ? '真北' : gps.imgDirectionRef === 'M' ? '磁北' : undefined,
    镜头方向:
      gps.imgDirection !== undefined && gps.imgDirection >= 0 && gps.imgDirection < 360
        ? round(gps.imgDirection, 6)
        : undefined,
    国际协调时间: utc(gps.dateStamp, gps.timeStamp),
  });
}

function degrees(dms: readonly number[] | undefined, max: number): number | undefined {
  if (dms === undefined || dms.length === 0) return undefined;
  const [d = 0, m = 0, s = 0] = dms;
  if (d < 0 || m < 0 || s < 0 || m >= 60 || s >= 60) return undefined;
  const value = d + m / 60 + s / 3600;
  return value <= max ? round(value, 8) : undefined;
}

function utc(date: string | undefined, time: readonly number[] | undefined): string | undefined {
  const d = date === undefined ? undefined : /^(\d{4}):(\d{2}):(\d{2})$/.exec(date);
  let t: string | undefined;
  if (time !== undefined && time.length >= 3) {
    const [h, m, s] = time as [number, number, number];
    if (
      Number.isInteger(h) &&
      Number.isInteger(m) &&
      h >= 0 &&
      h < 24 &&
      m >= 0 &&
      m < 60 &&
      s >= 0 &&
      s < 61
    ) {
      const whole = Math.floor(s);
      const fraction = round(s - whole, 3);
      const seconds = `${pad(whole)}${fraction > 0 ? String(fraction).slice(1) : ''}`;
      t = `${pad(h)}:${pad(m)}:${seconds}`;
    }
  }
  if (d !== null && d !== undefined && t !== undefined) return `${d[1]}-${d[2]}-${d[3]}T${t}Z`;
  if (d !== null && d !== undefined) return `${d[1]}-${d[2]}-${d[3]}`;
  return t;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
