/**
 * @dangan/packaging/node — the Node-only package sinks and sources: a folder on disk.
 *
 * @module
 */

export { type FileRandomAccess, fileRandomAccess } from './file-random-access.js';
export {
  type FolderPackageWritten,
  type FolderSink,
  type FolderSinkOptions,
  folderSink,
} from './folder-sink.js';
export { folderSource } from './folder-source.js';
export { openPackagePath } from './open-package-path.js';
export { type ZipFileSinkOptions, zipFileSink } from './zip-file-sink.js';
