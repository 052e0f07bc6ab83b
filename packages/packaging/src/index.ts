/**
 * @dangan/packaging — DA/T 48 EEP, 归档信息包 and 移交信息包, manifests, registration forms, the streaming
 * ZIP64 engine, and package sinks and sources.
 *
 * This first release carries the package kinds as data; the builders and readers arrive with their issue.
 *
 * @module
 */
export { PACKAGE_KINDS, type PackageKind } from './package-kinds.js';
