/**
 * The 归档信息包 layout of the demo: dangan's provisional `dangan-ywtb` (one package per 办件) with two changes a
 * host makes for packages that will travel inside a 移交信息包 — layouts are data, so it spreads the shipped one
 * and replaces what differs:
 *
 * - content files keep their original names (the 计算机文件名 of their 电子属性), so the checks find each file
 *   a record names wherever the package goes;
 * - no 说明文件 of its own: the transfer carrier has its 说明文件.TXT, and a plain-text file among the records
 *   would be content in a format outside the archival list.
 */
import { ARCHIVAL_LAYOUTS, type ArchivalLayoutProfile } from '@dangan/packaging';

const { readme: _noReadme, ...ywtb } = ARCHIVAL_LAYOUTS['dangan-ywtb'];

/**
 * The layout every 办件 is filed with (`buildArchivalPackage` validates it first); pass it to
 * `readArchivalPackage` and `runChecks` too, so they recognise it.
 */
export const CASE_LAYOUT: ArchivalLayoutProfile = {
  ...ywtb,
  id: 'pudong-ywtb',
  name: '浦东新区一网通办归档信息包（按办件，文件保留原名）',
  content: { ...ywtb.content, fileName: { kind: 'original' } },
};
