/**
 * Capture (捕获) of electronic attributes from a file's bytes in one streaming pass: DA/T 46 电子属性
 * (M47–M50), digests, the identified format, and the technical elements of photographs (DA/T 54) and of
 * audio and video (DA/T 63).
 *
 * @module
 */
export {
  captureAttributes,
  DEFAULT_MAX_HEADER_BYTES,
  DEFAULT_MAX_MOOV_BYTES,
  safeCaptureAttributes,
} from './capture-attributes.js';
export { CAPTURE_FINDING_CODES, type CaptureFindingCode } from './findings.js';
export { computerFileName, formatInformation } from './format-information.js';
export { durationFields } from './media/duration.js';
export type {
  AudioParameters,
  AudioVisualAttributes,
  CaptureDevice,
  CapturedAttributes,
  CaptureOptions,
  ElectronicAttributes,
  ImageParameters,
  PhotoAttributes,
  PhotoSoftware,
  PhotoTime,
  ShootingLocation,
  VideoParameters,
} from './types.js';
