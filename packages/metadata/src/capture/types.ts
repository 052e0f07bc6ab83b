import type { DigestAlgorithm, Finding, FormatInfo } from '@dangan/core';

/**
 * 电子属性 (DA/T 46 M46): the technical attributes of one computer file, M47–M50, as read from its bytes.
 */
export interface ElectronicAttributes {
  /**
   * M47 格式信息: `格式名称, 格式版本, MIME媒体类型`. Unknown parts are left out, never left empty
   * (`JPEG, 1.01, image/jpeg`, but `TIFF, image/tiff`); when a PRONOM PUID is known, `; PRONOM fmt/353`
   * is appended.
   */
  readonly 格式信息: string;
  /** M48 计算机文件名: the base name of the file (no folders), Unicode NFC. */
  readonly 计算机文件名: string;
  /** M49 计算机文件大小: bytes actually read. */
  readonly 计算机文件大小: number;
  /**
   * M50 文档创建程序: the application that created the document — PDF `/Creator` (or XMP `CreatorTool`),
   * else `/Producer`; OOXML `docProps/app.xml` `Application`; OFD `DocInfo/Creator`; EXIF `Software`;
   * PNG `Software` text; MP4/MOV `©too`/`©swr`. Absent when none is reachable.
   */
  readonly 文档创建程序?: string;
}

/** 时间 of a photograph (DA/T 54). */
export interface PhotoTime {
  /** 摄影时间: EXIF `DateTimeOriginal` as `YYYY-MM-DDThh:mm:ss`, with `OffsetTimeOriginal` appended when present. */
  readonly 摄影时间?: string;
}

/** 拍摄位置 (DA/T 54), from the EXIF GPS IFD. */
export interface ShootingLocation {
  /** GPSVersionID as dotted bytes, e.g. `2.3.0.0`. */
  readonly GPS版本?: string;
  readonly 纬度基准?: 'N' | 'S';
  /** Decimal degrees, always positive (the hemisphere is 纬度基准). */
  readonly 纬度?: number;
  readonly 经度基准?: 'E' | 'W';
  /** Decimal degrees, always positive (the hemisphere is 经度基准). */
  readonly 经度?: number;
  /** GPSAltitudeRef: `海平面以上` (0) or `海平面以下` (1). */
  readonly 海拔基准?: string;
  /** Metres, positive (the side of sea level is 海拔基准). */
  readonly 海拔?: number;
  /** GPSImgDirectionRef: `真北` (T) or `磁北` (M). */
  readonly 方向基准?: string;
  /** GPSImgDirection in degrees, 0–359.99. */
  readonly 镜头方向?: number;
  /** GPSDateStamp + GPSTimeStamp as `YYYY-MM-DDThh:mm:ssZ` (just the date, or `hh:mm:ss`, when the other is missing). */
  readonly 国际协调时间?: string;
}

/** 捕获设备 (DA/T 54). */
export interface CaptureDevice {
  /** From EXIF FileSource: `数码相机` (3), `胶片扫描仪` (1), `反射式扫描仪` (2). */
  readonly 设备类型?: string;
  /** EXIF/TIFF `Make`. */
  readonly 设备制造商?: string;
  /** EXIF/TIFF `Model`. */
  readonly 设备型号?: string;
  /** EXIF `BodySerialNumber` (or DNG `CameraSerialNumber`). */
  readonly 设备序列号?: string;
  /** EXIF `SensingMethod` in words, e.g. `单片彩色区域传感器`. */
  readonly 设备感光器?: string;
}

/** 软件 (DA/T 54). */
export interface PhotoSoftware {
  /** EXIF/TIFF `Software` (PNG: the `Software` text chunk). */
  readonly 软件名称?: string;
}

/** 图像参数 (DA/T 54), from the image structure first (JPEG SOF, PNG IHDR, TIFF IFD0), then EXIF. */
export interface ImageParameters {
  readonly 图像宽度: number;
  readonly 图像高度: number;
  /** Pixels per inch (centimetre and metre units are converted). */
  readonly 水平分辨率?: number;
  readonly 垂直分辨率?: number;
  /** `sRGB`, `AdobeRGB`, `未校准` (EXIF ColorSpace 0xFFFF), an ICC profile name, or `灰度`/`RGB`/`CMYK`/`YCbCr`. */
  readonly 色彩空间?: string;
  /** Bits per pixel (sum over samples). */
  readonly 位深度?: number;
  /** Bits of each sample, comma-separated, e.g. `8,8,8`. */
  readonly 每样本位数?: string;
  readonly 每像素样本数?: number;
  /** `II（小端）` or `MM（大端）`: the byte order of the TIFF/EXIF structure (PNG: `MM（大端）`). */
  readonly 字节序?: string;
  /** EXIF/TIFF `Orientation`, 1–8. */
  readonly 方向?: number;
  /** Compression in words: `JPEG（基线 DCT）`, `LZW`, `Deflate`, `无压缩` … */
  readonly 压缩方案?: string;
  /** `4:2:0`, `4:2:2`, `4:4:4`, `4:1:1` … (JPEG SOF sampling factors, TIFF YCbCrSubSampling). */
  readonly YCbCr二次采样?: string;
}

/** DA/T 54 technical elements of a photograph. */
export interface PhotoAttributes {
  readonly 时间?: PhotoTime;
  readonly 拍摄位置?: ShootingLocation;
  readonly 捕获设备?: CaptureDevice;
  readonly 软件?: PhotoSoftware;
  readonly 图像参数: ImageParameters;
}

/** 视频参数 (DA/T 63). */
export interface VideoParameters {
  /** `H.264/AVC`, `H.265/HEVC`, `MPEG-4 Visual`, `AV1`, `Apple ProRes` … (else the sample entry's four-cc). */
  readonly 视频编码标准?: string;
  /** `宽×高` in pixels, e.g. `1920×1080`. */
  readonly 分辨率?: string;
  /** Frames per second, rounded to 3 decimals (29.97). */
  readonly 帧率?: number;
  /** Bits per second, from the sample sizes and the track duration. */
  readonly 视频比特率?: number;
  /** Display aspect ratio reduced by the greatest common divisor, e.g. `16:9`. */
  readonly 画面高宽比?: string;
  /** `4:2:0`, `4:2:2`, `4:4:4`, `4:0:0`. */
  readonly 色度采样率?: string;
  /** Bits per luma sample. */
  readonly 视频量化位数?: number;
}

/** 音频参数 (DA/T 63). */
export interface AudioParameters {
  /** `PCM`, `MPEG-1 Layer III`, `AAC`, `HE-AAC`, `AC-3`, `FLAC`, `Opus` … */
  readonly 音频编码标准?: string;
  /** Bits per second. */
  readonly 音频比特率?: number;
  /** Hz. */
  readonly 音频采样率?: number;
  /** Bits per sample, for PCM and lossless codecs only. */
  readonly 音频量化位数?: number;
  readonly 声道?: number;
}

/** DA/T 63 technical elements of an audio or video file. */
export interface AudioVisualAttributes {
  /** 时间长度 as `hh:mm:ss`, seconds rounded down (hours may exceed 99). */
  readonly 时间长度?: string;
  /** Exact duration in seconds (to the microsecond). */
  readonly 时长秒?: number;
  /** 总帧数: video frames (sample count of the video track). */
  readonly 总帧数?: number;
  readonly 视频参数?: VideoParameters;
  readonly 音频参数?: AudioParameters;
}

/**
 * What {@link captureAttributes} reads from a file's bytes in one pass: DA/T 46 electronic attributes,
 * digests, the identified format, and DA/T 54 / DA/T 63 technical elements for photographs and media.
 * Keys are the standards' Chinese element names; `A` is the set of digest algorithms computed (SM3 by default).
 */
export interface CapturedAttributes<A extends DigestAlgorithm = 'sm3'> {
  readonly 电子属性: ElectronicAttributes;
  /** 数字摘要 per algorithm (canonical name → lowercase hex). */
  readonly 摘要: Readonly<Record<A, string>>;
  /** The identified format (see `identifyFormat` in `@dangan/core`). */
  readonly 格式: FormatInfo;
  readonly 照片?: PhotoAttributes;
  readonly 音视频?: AudioVisualAttributes;
  /** Warnings about the headers (cut, unparseable, out of reach); never errors that stopped the capture. */
  readonly findings: readonly Finding[];
}

/** Options of {@link captureAttributes}. */
export interface CaptureOptions<A extends DigestAlgorithm = DigestAlgorithm> {
  /** Digests to compute in the same pass; default `['sm3']`. */
  readonly algorithms?: readonly A[];
  /** Stops reading with `DanganError('ABORTED')`. */
  readonly signal?: AbortSignal;
  /**
   * Bytes kept from the start of the file for the parsers, default 4 MiB; the last
   * `min(maxHeaderBytes, 1 MiB)` bytes are kept too. Stream sources are identified from this prefix only.
   */
  readonly maxHeaderBytes?: number;
  /** Largest MP4/MOV `moov` box kept wherever it lies, default 64 MiB; a larger one gives a finding. */
  readonly maxMoovBytes?: number;
}
