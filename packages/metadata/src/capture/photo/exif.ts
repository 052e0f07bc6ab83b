import { decodeText, latin1 } from '../binary.js';
import type { TiffEntry, TiffStructure } from './tiff-structure.js';

/** The TIFF/EXIF tags capture reads, by number (TIFF 6.0, EXIF 2.32 / CIPA DC-008). */
export const TAG = {
  ImageWidth: 0x0100,
  ImageLength: 0x0101,
  BitsPerSample: 0x0102,
  Compression: 0x0103,
  PhotometricInterpretation: 0x0106,
  Make: 0x010f,
  Model: 0x0110,
  Orientation: 0x0112,
  SamplesPerPixel: 0x0115,
  XResolution: 0x011a,
  YResolution: 0x011b,
  ResolutionUnit: 0x0128,
  Software: 0x0131,
  YCbCrSubSampling: 0x0212,
  ExifIFD: 0x8769,
  GPSIFD: 0x8825,
  CameraSerialNumber: 0xc62f,
  DateTimeOriginal: 0x9003,
  OffsetTimeOriginal: 0x9011,
  ColorSpace: 0xa001,
  PixelXDimension: 0xa002,
  PixelYDimension: 0xa003,
  InteropIFD: 0xa005,
  SensingMethod: 0xa217,
  FileSource: 0xa300,
  BodySerialNumber: 0xa431,
  InteroperabilityIndex: 0x0001,
} as const;

/** GPS IFD tags. */
export const GPS_TAG = {
  VersionID: 0x00,
  LatitudeRef: 0x01,
  Latitude: 0x02,
  LongitudeRef: 0x03,
  Longitude: 0x04,
  AltitudeRef: 0x05,
  Altitude: 0x06,
  TimeStamp: 0x07,
  ImgDirectionRef: 0x10,
  ImgDirection: 0x11,
  DateStamp: 0x1d,
} as const;

/** GPS values as stored (degrees, minutes, seconds still apart). */
export interface ExifGps {
  readonly version?: readonly number[] | undefined;
  readonly latitudeRef?: string | undefined;
  readonly latitude?: readonly number[] | undefined;
  readonly longitudeRef?: string | undefined;
  readonly longitude?: readonly number[] | undefined;
  readonly altitudeRef?: number | undefined;
  readonly altitude?: number | undefined;
  readonly imgDirectionRef?: string | undefined;
  readonly imgDirection?: number | undefined;
  readonly dateStamp?: string | undefined;
  readonly timeStamp?: readonly number[] | undefined;
}

/** The EXIF/TIFF values capture uses, read from IFD0, the EXIF IFD, its interoperability IFD and the GPS IFD. */
export interface ExifData {
  readonly byteOrder: 'II' | 'MM';
  readonly imageWidth?: number | undefined;
  readonly imageLength?: number | undefined;
  readonly bitsPerSample?: readonly number[] | undefined;
  readonly compression?: number | undefined;
  readonly photometric?: number | undefined;
  readonly make?: string | undefined;
  readonly model?: string | undefined;
  readonly orientation?: number | undefined;
  readonly samplesPerPixel?: number | undefined;
  readonly xResolution?: number | undefined;
  readonly yResolution?: number | undefined;
  readonly resolutionUnit?: number | undefined;
  readonly software?: string | undefined;
  readonly ycbcrSubSampling?: readonly number[] | undefined;
  readonly cameraSerialNumber?: string | undefined;
  readonly dateTimeOriginal?: string | undefined;
  readonly offsetTimeOriginal?: string | undefined;
  readonly colorSpace?: number | undefined;
  readonly pixelXDimension?: number | undefined;
  readonly pixelYDimension?: number | undefined;
  readonly sensingMethod?: number | undefined;
  readonly fileSource?: number | undefined;
  readonly bodySerialNumber?: string | undefined;
  readonly interoperabilityIndex?: string | undefined;
  readonly gps?: ExifGps | undefined;
}

/**
 * Reads the tags capture needs from a TIFF structure: IFD0, then the EXIF, interoperability and GPS IFDs
 * it points to (each followed once). `undefined` when IFD0 itself is unreadable; problems are left on
 * `tiff.problems`.
 */
export function readExif(tiff: TiffStructure): ExifData | undefined {
  const ifd0 = tiff.ifd(tiff.firstIfd, 'IFD0');
  if (ifd0 === undefined) return undefined;
  const num = (ifd: Map<number, TiffEntry>, tag: number, name: string) => tiff.number(ifd.get(tag), name);
  const text = (ifd: Map<number, TiffEntry>, tag: number, name: string) => {
    const b = tiff.textBytes(ifd.get(tag), name);
    return b === undefined ? undefined : decodeText(b);
  };
  const pointer = (tag: number, name: string): Map<number, TiffEntry> | undefined => {
    const at = num(ifd0, tag, `${name} 指针`);
    return at === undefined ? undefined : tiff.ifd(at, name);
  };
  const exif = pointer(TAG.ExifIFD, 'Exif IFD');
  const gpsIfd = pointer(TAG.GPSIFD, 'GPS IFD');
  const interopAt = exif === undefined ? undefined : num(exif, TAG.InteropIFD, 'Interop IFD 指针');
  const interop = interopAt === undefined ? undefined : tiff.ifd(interopAt, 'Interop IFD');
  return {
    byteOrder: tiff.littleEndian ? 'II' : 'MM',
    imageWidth: num(ifd0, TAG.ImageWidth, 'ImageWidth'),
    imageLength: num(ifd0, TAG.ImageLength, 'ImageLength'),
    bitsPerSample: tiff.numbers(ifd0.get(TAG.BitsPerSample), 'BitsPerSample'),
    compression: num(ifd0, TAG.Compression, 'Compression'),
    photometric: num(ifd0, TAG.PhotometricInterpretation, 'PhotometricInterpretation'),
    make: text(ifd0, TAG.Make, 'Make'),
    model: text(ifd0, TAG.Model, 'Model'),
    orientation: num(ifd0, TAG.Orientation, 'Orientation'),
    samplesPerPixel: num(ifd0, TAG.SamplesPerPixel, 'SamplesPerPixel'),
    xResolution: num(ifd0, TAG.XResolution, 'XResolution'),
    yResolution: num(ifd0, TAG.YResolution, 'YResolution'),
    resolutionUnit: num(ifd0, TAG.ResolutionUnit, 'ResolutionUnit'),
    software: text(ifd0, TAG.Software, 'Software'),
    ycbcrSubSampling: tiff.numbers(ifd0.get(TAG.YCbCrSubSampling), 'YCbCrSubSampling'),
    cameraSerialNumber: text(ifd0, TAG.CameraSerialNumber, 'CameraSerialNumber'),
    ...(exif === undefined
      ? {}
      : {
          dateTimeOriginal: text(exif, TAG.DateTimeOriginal, 'DateTimeOriginal'),
          offsetTimeOriginal: text(exif, TAG.OffsetTimeOriginal, 'OffsetTimeOriginal'),
          colorSpace: num(exif, TAG.ColorSpace, 'ColorSpace'),
          pixelXDimension: num(exif, TAG.PixelXDimension, 'PixelXDimension'),
          pixelYDimension: num(exif, TAG.PixelYDimension, 'PixelYDimension'),
          sensingMethod: num(exif, TAG.SensingMethod, 'SensingMethod'),
          fileSource: num(exif, TAG.FileSource, 'FileSource'),
          bodySerialNumber: text(exif, TAG.BodySerialNumber, 'BodySerialNumber'),
        }),
    interoperabilityIndex:
      interop === undefined ? undefined : asciiOf(tiff, interop.get(TAG.InteroperabilityIndex)),
    gps: gpsIfd === undefined ? undefined : readGps(tiff, gpsIfd),
  };
}

function readGps(tiff: TiffStructure, ifd: Map<number, TiffEntry>): ExifGps {
  const numbers = (tag: number, name: string) => {
    const v = tiff.numbers(ifd.get(tag), name);
    return v !== undefined && v.length > 0 && v.every(Number.isFinite) ? v : undefined;
  };
  return {
    version: numbers(GPS_TAG.VersionID, 'GPSVersionID'),
    latitudeRef: asciiOf(tiff, ifd.get(GPS_TAG.LatitudeRef)),
    latitude: numbers(GPS_TAG.Latitude, 'GPSLatitude'),
    longitudeRef: asciiOf(tiff, ifd.get(GPS_TAG.LongitudeRef)),
    longitude: numbers(GPS_TAG.Longitude, 'GPSLongitude'),
    altitudeRef: tiff.number(ifd.get(GPS_TAG.AltitudeRef), 'GPSAltitudeRef'),
    altitude: tiff.number(ifd.get(GPS_TAG.Altitude), 'GPSAltitude'),
    imgDirectionRef: asciiOf(tiff, ifd.get(GPS_TAG.ImgDirectionRef)),
    imgDirection: tiff.number(ifd.get(GPS_TAG.ImgDirection), 'GPSImgDirection'),
    dateStamp: asciiOf(tiff, ifd.get(GPS_TAG.DateStamp)),
    timeStamp: numbers(GPS_TAG.TimeStamp, 'GPSTimeStamp'),
  };
}

function asciiOf(tiff: TiffStructure, entry: TiffEntry | undefined): string | undefined {
  const b = tiff.textBytes(entry, `标签 ${entry?.tag ?? ''}`);
  if (b === undefined) return undefined;
  const nul = b.indexOf(0);
  const s = latin1(b, 0, nul >= 0 ? nul : b.length).trim();
  return s.length > 0 ? s : undefined;
}
