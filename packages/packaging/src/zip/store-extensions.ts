import { fileExtension } from '@dangan/core';

/**
 * Extensions of formats that are already compressed, stored (STORE) by `method: 'auto'`: deflating them
 * again costs time and saves nothing. Data, not a standard: pass `storeExtensions` to replace it.
 */
export const ALREADY_COMPRESSED_EXTENSIONS: readonly string[] = [
  'jpg',
  'jpeg',
  'jpe',
  'jfif',
  'jp2',
  'j2k',
  'png',
  'gif',
  'webp',
  'heic',
  'avif',
  'mp4',
  'm4v',
  'm4a',
  'mov',
  'mkv',
  'webm',
  'avi',
  'mpg',
  'mpeg',
  'ts',
  'flv',
  'wmv',
  'mp3',
  'aac',
  'ogg',
  'opus',
  'flac',
  'wma',
  'pdf',
  'ofd',
  'zip',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
  'epub',
  'jar',
  'apk',
  'gz',
  'tgz',
  'bz2',
  'xz',
  'zst',
  '7z',
  'rar',
  'cab',
];

/** The method `auto` picks for a name: STORE for already-compressed formats, DEFLATE otherwise. */
export function autoMethod(name: string, storeExtensions: readonly string[]): 'store' | 'deflate' {
  const ext = fileExtension(name);
  return ext !== undefined && storeExtensions.includes(ext) ? 'store' : 'deflate';
}
