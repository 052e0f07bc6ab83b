import { type DigestAlgorithm, utf8, type XmlWriter, xmlToString } from '@dangan/core';
import type { ArchivalManifest } from './types.js';

/**
 * Namespace of dangan's 归档信息包清单 (manifest) format. PROVISIONAL (dangan convention): no published
 * standard fixes a manifest for 归档信息包; the format is identified by this URI and `格式版本`.
 */
export const MANIFEST_NAMESPACE = 'urn:dangan:package:manifest';

/** Root element of the manifest. */
export const MANIFEST_ROOT = '归档信息包清单';

/** The manifest format version this code writes and reads. */
export const MANIFEST_FORMAT_VERSION = '1';

/** How the manifest names each algorithm (`算法="SM3"`); readers accept every spelling `parseDigestAlgorithm` does. */
export const DIGEST_ALGORITHM_LABELS: Readonly<Record<DigestAlgorithm, string>> = {
  sm3: 'SM3',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
  sha1: 'SHA-1',
  md5: 'MD5',
};

/** Writes the manifest's elements into an open writer (no declaration). */
export function writeManifest(w: XmlWriter, manifest: ArchivalManifest): void {
  w.startElement(MANIFEST_ROOT, { xmlns: MANIFEST_NAMESPACE, 格式版本: manifest.formatVersion });
  w.startElement('信息包');
  w.element('名称', manifest.packageName);
  w.startElement('布局', {
    标识: manifest.layout.id,
    版本: manifest.layout.version,
    暂定: manifest.layout.provisional ? '是' : '否',
  });
  w.text(manifest.layout.name);
  w.endElement();
  w.element('组织单元', manifest.unit);
  w.element('元数据方案', manifest.scheme);
  w.element('归档时间', manifest.archivedAt);
  for (const a of manifest.algorithms) w.element('摘要算法', DIGEST_ALGORITHM_LABELS[a]);
  const s = manifest.summary;
  w.startElement('汇总', {
    件数: String(s.itemCount),
    文件数: String(s.fileCount),
    字节数: String(s.totalBytes),
    内容文件数: String(s.contentFileCount),
    内容字节数: String(s.contentBytes),
  });
  w.endElement();
  w.endElement();
  w.startElement('件列表');
  manifest.items.forEach((item, i) => {
    w.startElement('件', {
      序号: String(i + 1),
      档号: item.archivalCode,
      ...(item.recordId === undefined ? {} : { 电子文件号: item.recordId }),
      目录: item.folder,
    });
    w.endElement();
  });
  w.endElement();
  w.startElement('文件列表');
  for (const e of manifest.entries) {
    const attributes: Record<string, string> = { 路径: e.path, 类型: e.kind, 字节数: String(e.size) };
    if (e.itemIndex !== undefined) attributes.件序号 = String(e.itemIndex + 1);
    if (e.attributeIndex !== undefined) attributes.电子属性序号 = String(e.attributeIndex + 1);
    if (e.originalName !== undefined) attributes.原文件名 = e.originalName;
    w.startElement('文件', attributes);
    for (const a of manifest.algorithms) {
      const value = e.digests[a];
      if (value !== undefined) w.element('摘要', value, { 算法: DIGEST_ALGORITHM_LABELS[a] });
    }
    w.endElement();
  }
  w.endElement();
  w.endElement();
}

/**
 * The manifest (归档信息包清单) as UTF-8 XML bytes, in dangan's documented format (PROVISIONAL, namespace
 * {@link MANIFEST_NAMESPACE}):
 *
 * ```xml
 * <?xml version="1.0" encoding="UTF-8"?>
 * <归档信息包清单 xmlns="urn:dangan:package:manifest" 格式版本="1">
 *   <信息包>
 *     <名称>310115202603160001</名称>
 *     <布局 标识="dangan-ywtb" 版本="1" 暂定="是">一网通办归档信息包（暂定，按办件）</布局>
 *     <组织单元>办件</组织单元>
 *     <元数据方案>ywtb</元数据方案>
 *     <归档时间>2026-03-20T10:00:00+08:00</归档时间>
 *     <摘要算法>SM3</摘要算法>
 *     <汇总 件数="3" 文件数="8" 字节数="…" 内容文件数="3" 内容字节数="…"/>
 *   </信息包>
 *   <件列表><件 序号="1" 档号="Z109-WS·2026-D30-DJK-0001" 电子文件号="…" 目录="电子文件/Z109-WS·2026-D30-DJK-0001"/>…</件列表>
 *   <文件列表>
 *     <文件 路径="电子文件/…/….pdf" 类型="内容" 字节数="183302" 件序号="1" 电子属性序号="1" 原文件名="申请书.pdf">
 *       <摘要 算法="SM3">66c7f0f4…</摘要>
 *     </文件>
 *     …
 *   </文件列表>
 * </归档信息包清单>
 * ```
 *
 * Every file of the package except the manifest itself is listed once; every 摘要 names its algorithm; 件序号
 * and 电子属性序号 count from 1 (the typed object's `itemIndex`/`attributeIndex` from 0). 类型 is one of 内容,
 * 封装包, 元数据, 目录, 登记表, 说明. {@link readManifest} reads it back.
 *
 * @example
 * const bytes = manifestToXml(result.manifest);
 * (await readManifest(bytes)).entries.length === result.manifest.entries.length; // true
 */
export function manifestToXml(manifest: ArchivalManifest): Uint8Array {
  return utf8(
    xmlToString(
      (w) => {
        w.declaration();
        writeManifest(w, manifest);
      },
      { pretty: true },
    ),
  );
}
