/**
 * Stable keys of the formats dangan identifies. Lowercase, never renamed, only added to: hosts store them
 * and build allowed-format lists from them.
 */
export const FORMAT_IDS = [
  'pdf',
  'ofd',
  'docx',
  'xlsx',
  'pptx',
  'zip',
  'ole2',
  'doc',
  'xls',
  'ppt',
  'wps',
  'et',
  'dps',
  'rtf',
  'jpeg',
  'png',
  'tiff',
  'bigtiff',
  'gif',
  'bmp',
  'wav',
  'mp3',
  'mpeg-audio',
  'mp4',
  'mov',
  'avi',
  'flv',
  'mpeg-ps',
  'xml',
  'svg',
  'html',
  'text',
  'unknown',
] as const;

/** A format key such as `'pdf'` or `'ofd'` (see {@link FORMAT_IDS}). */
export type FormatId = (typeof FORMAT_IDS)[number];

/** Broad kind of a format, for allowed-format lists by category. */
export type FormatCategory =
  | 'document'
  | 'spreadsheet'
  | 'presentation'
  | 'image'
  | 'audio'
  | 'video'
  | 'archive'
  | 'container'
  | 'text'
  | 'other';

/** Character encodings reported for text formats (text, XML, HTML, SVG). */
export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * A PDF/A conformance claim read from the document's XMP metadata (`pdfaid:part`, `pdfaid:conformance`…).
 * A claim, not a validation: checking it needs a PDF/A validator such as veraPDF.
 */
export interface PdfAClaim {
  /** `pdfaid:part`: 1, 2, 3 or 4. */
  readonly part: number;
  /** `pdfaid:conformance` upper-cased: `A`, `B`, `U` (PDF/A-4: `E`, `F`, or absent). */
  readonly conformance?: string;
  /** `pdfaid:amd`, when present. */
  readonly amendment?: string;
  /** `pdfaid:rev` (PDF/A-4), when present. */
  readonly revision?: string;
}

/**
 * Yes/no facts about a file. For each flag, `true` and `false` are findings; an absent flag means the
 * bytes inspected could not tell (a stream larger than `maxInspectBytes`, a part the format hides).
 */
export interface FormatFlags {
  /** Encrypted (PDF `/Encrypt`, ZIP entries with bit 0, an OLE2 `EncryptedPackage`, DOC/XLS/PPT encryption). */
  readonly encrypted?: boolean;
  /** The PDF/A claim of a PDF. */
  readonly pdfa?: PdfAClaim;
  /** A JPEG or TIFF carries EXIF metadata. */
  readonly exif?: boolean;
  /** The file ends before its own structure says it should (a cut download or copy). */
  readonly truncated?: boolean;
}

/** Format-specific facts read on the way; every field is optional and only set when read from the bytes. */
export interface FormatDetails {
  /** Image or video width and height in pixels. */
  readonly width?: number;
  readonly height?: number;
  /** Bits per sample (PNG, TIFF, JPEG precision) or per pixel (BMP). */
  readonly bitDepth?: number;
  /** PNG colour type (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA). */
  readonly colorType?: number;
  /** Colour components of a JPEG frame (1 grey, 3 YCbCr, 4 CMYK). */
  readonly components?: number;
  /** Compression code as the format numbers it (TIFF tag 259, BMP biCompression). */
  readonly compression?: number;
  /** JPEG coding process. */
  readonly progressive?: boolean;
  /** JFIF version of a JPEG (`1.02`) and EXIF version (`0230`). */
  readonly jfifVersion?: string;
  readonly exifVersion?: string;
  /** Audio: channels, sample rate (Hz), bits per sample, WAVE format tag, bit rate (kbit/s). */
  readonly channels?: number;
  readonly sampleRate?: number;
  readonly bitsPerSample?: number;
  readonly formatTag?: number;
  readonly bitRate?: number;
  /** MPEG audio: `1`, `2` or `2.5`, and layer 1–3. */
  readonly mpegVersion?: string;
  readonly layer?: number;
  /** ID3v2 tag version (`2.4`) of an MP3. */
  readonly id3Version?: string;
  /** WAVE with a `bext` chunk (Broadcast Wave). */
  readonly broadcastWave?: boolean;
  /** FLV header: has audio / video tags. */
  readonly hasAudio?: boolean;
  readonly hasVideo?: boolean;
  /** ISO base media (MP4/MOV): major and compatible brands. */
  readonly majorBrand?: string;
  readonly compatibleBrands?: readonly string[];
  /** XML, HTML, SVG, OFD.xml: qualified name and namespace of the root element. */
  readonly rootElement?: string;
  readonly rootNamespace?: string;
  /** XML declaration: `version` and `encoding` as written. */
  readonly xmlVersion?: string;
  readonly declaredEncoding?: string;
  /** Text: starts with a byte-order mark. */
  readonly bom?: boolean;
  /** Text: only ASCII bytes seen. */
  readonly ascii?: boolean;
  /** Text: the inspected bytes decode without error in the reported `encoding`. */
  readonly encodingValid?: boolean;
  /** OFD: `DocType` attribute of OFD.xml (`OFD` or `OFD-A`). */
  readonly docType?: string;
  /** RTF: `\ansicpg` code page. */
  readonly codePage?: number;
  /** Word: FIB `nFib`; Excel: BIFF version from BOF (`0x0600` BIFF8). */
  readonly nFib?: number;
  readonly biffVersion?: number;
  /** Containers: the ZIP entry count or OLE2 root stream names seen, and whether the list is complete. */
  readonly entryCount?: number;
  readonly entriesComplete?: boolean;
  readonly streams?: readonly string[];
  /** OLE2 files the directory alone could not place: the format the file name's extension suggests. */
  readonly extensionHint?: FormatId;
  /** An empty file (0 bytes). */
  readonly empty?: boolean;
}

/**
 * What a file is (格式识别结果), from its bytes: the format key, human names, version, MIME type, usual
 * extension, PRONOM PUID where one is certain, flags and details.
 */
export interface FormatInfo {
  readonly id: FormatId;
  /** English name, e.g. `PDF`. */
  readonly name: string;
  /** Chinese name, e.g. `PDF 版式文档`. */
  readonly nameZh: string;
  readonly category: FormatCategory;
  /** Version as the format writes it (`1.7` for PDF, `89a` for GIF, `1.1` for OFD). */
  readonly version?: string;
  readonly mimeType: string;
  /** Usual extension, lowercase, without a dot; empty for `ole2` and `unknown`, which have none. */
  readonly extension: string;
  /** PRONOM unique identifier (`fmt/276`) when the bytes pin one down; absent when unsure. */
  readonly pronom?: string;
  readonly flags: FormatFlags;
  /** Character encoding of text formats. */
  readonly encoding?: TextEncodingName;
  /**
   * Whether the extension of `options.fileName` is one this format uses; set only when a file name was
   * given. `false` for an unknown format. A mismatch is a DA/T 70 authenticity signal.
   */
  readonly extensionMatches?: boolean;
  readonly details?: FormatDetails;
}
