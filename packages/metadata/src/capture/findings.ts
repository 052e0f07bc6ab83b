import type { Finding } from '@dangan/core';

/**
 * Codes of the findings {@link captureAttributes} reports about a file's headers. All are warnings or
 * notes: capture goes on and reports what it could read. Codes are only ever added, never renamed.
 */
export const CAPTURE_FINDING_CODES = [
  /** An EXIF/TIFF structure (IFD, value, date) could not be read. */
  'CAPTURE_EXIF_INVALID',
  /** The file ends before its own structure says it should (cut box, chunk, segment). */
  'CAPTURE_MEDIA_TRUNCATED',
  /** A media header (box, chunk, frame, segment) is malformed. */
  'CAPTURE_MEDIA_INVALID',
  /** An MP4/MOV `moov` box is larger than `maxMoovBytes`: its tracks were not read. */
  'CAPTURE_MOOV_TOO_LARGE',
  /** An MP4/MOV file has no `moov` box: duration and tracks are unknown. */
  'CAPTURE_MOOV_MISSING',
  /** A header lies outside the bytes kept (`maxHeaderBytes`): it was not read. */
  'CAPTURE_HEADER_OUT_OF_REACH',
  /** An image whose width and height could not be read: no 照片 attributes. */
  'CAPTURE_IMAGE_SIZE_UNKNOWN',
] as const;

/** A code of a capture finding (see {@link CAPTURE_FINDING_CODES}). */
export type CaptureFindingCode = (typeof CAPTURE_FINDING_CODES)[number];

/** Collects findings for one capture, tagged with the file name. */
export class FindingList {
  readonly #items: Finding[] = [];
  readonly #path: string;

  constructor(path: string) {
    this.#path = path;
  }

  /** Adds a warning (or a note with `severity: 'info'`). */
  add(
    code: CaptureFindingCode,
    message: string,
    messageEn: string,
    severity: 'warning' | 'info' = 'warning',
  ) {
    if (this.#items.some((f) => f.code === code && f.message === message)) return;
    this.#items.push({ code, severity, message, messageEn, path: this.#path });
  }

  get items(): readonly Finding[] {
    return this.#items;
  }
}
