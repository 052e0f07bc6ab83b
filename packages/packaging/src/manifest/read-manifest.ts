import {
  type ByteSource,
  DanganError,
  type DigestAlgorithm,
  digestLength,
  parseDigestAlgorithm,
  parseXmlToTree,
  type SafeResult,
  safelyAsync,
  type XmlElement,
} from '@dangan/core';
import { findingsError } from '../archival/codes.js';
import { entryPathKey, safeCheckEntryPath } from '../sinks/entry-path.js';
import { MANIFEST_FORMAT_VERSION, MANIFEST_NAMESPACE, MANIFEST_ROOT } from './manifest-xml.js';
import {
  type ArchivalManifest,
  MANIFEST_ENTRY_KINDS,
  type ManifestEntry,
  type ManifestEntryKind,
  type ManifestItem,
} from './types.js';
import { childrenNamed, localName, TreeReader } from './xml-tree.js';

/** Options of {@link readManifest}. */
export interface ReadManifestOptions {
  /** The document's name in finding paths (default `清单`). */
  readonly name?: string;
  /** Most bytes read (default 64 MiB: about 200,000 entries). */
  readonly maxBytes?: number;
  /** Stops reading with `DanganError('ABORTED')`. */
  readonly signal?: AbortSignal;
}

const HEX = /^[0-9a-f]+$/u;

/**
 * Reads a 归档信息包清单 (manifest, the format `manifestToXml` writes) into a typed {@link ArchivalManifest},
 * safely: core's XML reader (no DOCTYPE, no entities, size and depth limits). Digest algorithms are accepted
 * in any spelling `parseDigestAlgorithm` knows (`SM3`, `SHA-256`, OIDs …) and digests are returned in
 * lowercase hex. It checks the format, not the package: it does not compare the summary with the entries or
 * the entries with the files (`readArchivalPackage` and the checks do).
 *
 * Throws `DanganError('ARCHIVAL_MANIFEST_INVALID')` with one finding per problem, each with its `name:line:column`:
 * XML errors (core's codes), a wrong root or namespace (`ARCHIVAL_XML_ROOT`), an unknown 格式版本, missing or
 * invalid fields, an unsafe or repeated path (`ARCHIVAL_MANIFEST_PATH_INVALID`/`_DUPLICATE`), an unknown
 * algorithm or a digest of the wrong length, or an entry lacking a digest for a declared algorithm
 * (`ARCHIVAL_MANIFEST_DIGEST_INVALID`).
 *
 * @example
 * const manifest = await readManifest(source.read('归档信息包清单.xml'));
 * for (const e of manifest.entries) console.log(e.path, e.size, e.digests.sm3);
 */
export async function readManifest(
  source: ByteSource,
  options: ReadManifestOptions = {},
): Promise<ArchivalManifest> {
  const name = options.name ?? '清单';
  let root: XmlElement;
  try {
    root = await parseXmlToTree(source, {
      name,
      maxBytes: options.maxBytes ?? 64 * 1024 * 1024,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (e) {
    if (e instanceof DanganError && e.code !== 'ABORTED') {
      throw findingsError(
        'ARCHIVAL_MANIFEST_INVALID',
        `清单“${name}”无法解析`,
        `Manifest "${name}" cannot be parsed`,
        e.findings,
      );
    }
    throw e;
  }
  const r = new TreeReader(
    name,
    MANIFEST_NAMESPACE,
    'ARCHIVAL_XML_FIELD_INVALID',
    'ARCHIVAL_XML_FIELD_MISSING',
  );
  const manifest = readRoot(r, root);
  if (manifest === undefined || r.findings.length > 0) {
    throw findingsError(
      'ARCHIVAL_MANIFEST_INVALID',
      `清单“${name}”不符合格式`,
      `Manifest "${name}" is invalid`,
      r.findings,
    );
  }
  return manifest;
}

/**
 * {@link readManifest} as a `SafeResult`.
 *
 * @example
 * const r = await safeReadManifest(bytes, { name: '归档信息包清单.xml' });
 * if (!r.ok) console.log(r.findings);
 */
export function safeReadManifest(
  source: ByteSource,
  options: ReadManifestOptions = {},
): Promise<SafeResult<ArchivalManifest>> {
  return safelyAsync(() => readManifest(source, options));
}

function readRoot(r: TreeReader, root: XmlElement): ArchivalManifest | undefined {
  if (localName(root) !== MANIFEST_ROOT || root.uri !== MANIFEST_NAMESPACE) {
    r.report(
      'ARCHIVAL_XML_ROOT',
      root,
      `根元素应为命名空间 ${MANIFEST_NAMESPACE} 中的 <${MANIFEST_ROOT}>，实为 <${root.name}>（${root.uri || '无命名空间'}）`,
      `The root must be <${MANIFEST_ROOT}> in ${MANIFEST_NAMESPACE}, not <${root.name}> (${root.uri || 'no namespace'})`,
    );
    return undefined;
  }
  const version = r.attribute(root, '格式版本');
  if (version !== undefined && version !== MANIFEST_FORMAT_VERSION) {
    r.report(
      'ARCHIVAL_XML_VERSION',
      root,
      `清单格式版本“${version}”不受支持（支持 ${MANIFEST_FORMAT_VERSION}）`,
      `Manifest format version "${version}" is not supported`,
    );
    return undefined;
  }
  const info = r.child(root, '信息包');
  const itemList = r.child(root, '件列表');
  const fileList = r.child(root, '文件列表');
  if (info === undefined || itemList === undefined || fileList === undefined) return undefined;

  const packageName = r.text(info, '名称');
  const layoutEl = r.child(info, '布局');
  const layoutId = layoutEl === undefined ? undefined : r.attribute(layoutEl, '标识');
  const layoutVersion = layoutEl === undefined ? undefined : r.attribute(layoutEl, '版本');
  const provisional = layoutEl === undefined ? undefined : r.attribute(layoutEl, '暂定');
  if (layoutEl !== undefined && provisional !== undefined && provisional !== '是' && provisional !== '否') {
    r.report(
      'ARCHIVAL_XML_FIELD_INVALID',
      layoutEl,
      `暂定 应为“是”或“否”，实为“${provisional}”`,
      `暂定 must be 是 or 否`,
    );
  }
  const unit = r.text(info, '组织单元');
  if (unit !== undefined && unit !== '办件' && unit !== '件') {
    r.report(
      'ARCHIVAL_XML_FIELD_INVALID',
      r.child(info, '组织单元')!,
      `组织单元 应为“办件”或“件”，实为“${unit}”`,
      'unit must be 办件 or 件',
    );
  }
  const scheme = r.text(info, '元数据方案');
  const archivedAt = r.text(info, '归档时间');
  const algorithms: DigestAlgorithm[] = [];
  const algorithmElements = childrenNamed(info, '摘要算法', MANIFEST_NAMESPACE);
  if (algorithmElements.length === 0) {
    r.report('ARCHIVAL_XML_FIELD_MISSING', info, '<信息包> 缺少 <摘要算法>', '<信息包> has no <摘要算法>');
  }
  for (const el of algorithmElements) {
    const a = algorithm(r, el, el.text.trim());
    if (a === undefined) continue;
    if (algorithms.includes(a)) {
      r.report(
        'ARCHIVAL_MANIFEST_DIGEST_INVALID',
        el,
        `摘要算法 ${el.text.trim()} 重复`,
        'algorithm repeated',
      );
    } else algorithms.push(a);
  }
  const summaryEl = r.child(info, '汇总');
  const summaryCount = (attr: string) =>
    summaryEl === undefined ? undefined : r.count(summaryEl, `汇总 ${attr}`, r.attribute(summaryEl, attr));
  const itemCount = summaryCount('件数');
  const fileCount = summaryCount('文件数');
  const totalBytes = summaryCount('字节数');
  const contentFileCount = summaryCount('内容文件数');
  const contentBytes = summaryCount('内容字节数');

  const items: ManifestItem[] = [];
  childrenNamed(itemList, '件', MANIFEST_NAMESPACE).forEach((el, i) => {
    const number = r.count(el, '件 序号', r.attribute(el, '序号'), 1);
    if (number !== undefined && number !== i + 1) {
      r.report(
        'ARCHIVAL_XML_FIELD_INVALID',
        el,
        `件 序号应为 ${i + 1}，实为 ${number}`,
        `件 序号 must be ${i + 1}`,
      );
    }
    const archivalCode = r.attribute(el, '档号');
    const folder = r.attribute(el, '目录');
    const recordId = el.attributes.电子文件号;
    if (folder !== undefined) checkPath(r, el, folder, true);
    if (archivalCode !== undefined && folder !== undefined) {
      items.push({ archivalCode, folder, ...(recordId === undefined ? {} : { recordId }) });
    }
  });

  const entries: ManifestEntry[] = [];
  const seen = new Map<string, string>();
  for (const el of childrenNamed(fileList, '文件', MANIFEST_NAMESPACE)) {
    const entry = readEntry(r, el, algorithms, items.length);
    if (entry === undefined) continue;
    const key = entryPathKey(entry.path);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      r.report(
        'ARCHIVAL_MANIFEST_PATH_DUPLICATE',
        el,
        `清单中路径“${entry.path}”与“${earlier}”重复（或仅大小写不同）`,
        `Path "${entry.path}" repeats "${earlier}"`,
      );
      continue;
    }
    seen.set(key, entry.path);
    entries.push(entry);
  }
  if (
    packageName === undefined ||
    layoutId === undefined ||
    layoutVersion === undefined ||
    (unit !== '办件' && unit !== '件') ||
    scheme === undefined ||
    archivedAt === undefined ||
    itemCount === undefined ||
    fileCount === undefined ||
    totalBytes === undefined ||
    contentFileCount === undefined ||
    contentBytes === undefined
  ) {
    return undefined;
  }
  return {
    formatVersion: MANIFEST_FORMAT_VERSION,
    packageName,
    layout: {
      id: layoutId,
      version: layoutVersion,
      name: layoutEl?.text.trim() ?? '',
      provisional: provisional === '是',
    },
    unit,
    scheme,
    archivedAt,
    algorithms,
    summary: { itemCount, fileCount, totalBytes, contentFileCount, contentBytes },
    items,
    entries,
  };
}

function readEntry(
  r: TreeReader,
  el: XmlElement,
  algorithms: readonly DigestAlgorithm[],
  itemCount: number,
): ManifestEntry | undefined {
  const path = r.attribute(el, '路径');
  const kind = r.attribute(el, '类型');
  const size = r.count(el, '文件 字节数', r.attribute(el, '字节数'));
  let ok = path !== undefined && kind !== undefined && size !== undefined;
  if (path !== undefined && !checkPath(r, el, path, false)) ok = false;
  if (kind !== undefined && !(MANIFEST_ENTRY_KINDS as readonly string[]).includes(kind)) {
    r.report(
      'ARCHIVAL_XML_FIELD_INVALID',
      el,
      `文件 类型“${kind}”无效（应为 ${MANIFEST_ENTRY_KINDS.join('、')}）`,
      `Unknown file kind "${kind}"`,
    );
    ok = false;
  }
  const itemText = el.attributes.件序号;
  const itemNumber = itemText === undefined ? undefined : r.count(el, '件序号', itemText, 1);
  if (itemNumber !== undefined && itemNumber > itemCount) {
    r.report(
      'ARCHIVAL_XML_FIELD_INVALID',
      el,
      `件序号 ${itemNumber} 超出件列表（${itemCount} 件）`,
      `件序号 ${itemNumber} is beyond the item list`,
    );
    ok = false;
  }
  const attributeText = el.attributes.电子属性序号;
  const attributeNumber =
    attributeText === undefined ? undefined : r.count(el, '电子属性序号', attributeText, 1);
  if ((kind === '内容' || kind === '封装包') && itemText === undefined) {
    r.report(
      'ARCHIVAL_XML_FIELD_MISSING',
      el,
      `类型为${kind}的文件缺少 件序号`,
      `a ${kind} file needs 件序号`,
    );
    ok = false;
  }
  if (kind === '内容' && attributeText === undefined) {
    r.report(
      'ARCHIVAL_XML_FIELD_MISSING',
      el,
      '内容文件缺少 电子属性序号',
      'a content file needs 电子属性序号',
    );
    ok = false;
  }
  const digests: Partial<Record<DigestAlgorithm, string>> = {};
  for (const d of childrenNamed(el, '摘要', MANIFEST_NAMESPACE)) {
    const label = r.attribute(d, '算法');
    if (label === undefined) continue;
    const a = algorithm(r, d, label);
    if (a === undefined) continue;
    const value = d.text.trim().toLowerCase();
    if (!HEX.test(value) || value.length !== digestLength(a) * 2) {
      r.report(
        'ARCHIVAL_MANIFEST_DIGEST_INVALID',
        d,
        `${label} 摘要值应为 ${digestLength(a) * 2} 位十六进制，实为“${value.slice(0, 80)}”`,
        `a ${label} digest must be ${digestLength(a) * 2} hex digits`,
      );
      ok = false;
    } else if (digests[a] !== undefined) {
      r.report('ARCHIVAL_MANIFEST_DIGEST_INVALID', d, `${label} 摘要重复`, `${label} digest repeated`);
      ok = false;
    } else digests[a] = value;
  }
  for (const a of algorithms) {
    if (digests[a] === undefined) {
      r.report(
        'ARCHIVAL_MANIFEST_DIGEST_INVALID',
        el,
        `文件“${path ?? ''}”缺少 ${a.toUpperCase()} 摘要`,
        `"${path ?? ''}" has no ${a} digest`,
      );
      ok = false;
    }
  }
  if (!ok || path === undefined || size === undefined) return undefined;
  const originalName = el.attributes.原文件名;
  return {
    path,
    size,
    kind: kind as ManifestEntryKind,
    digests,
    ...(itemNumber === undefined ? {} : { itemIndex: itemNumber - 1 }),
    ...(attributeNumber === undefined ? {} : { attributeIndex: attributeNumber - 1 }),
    ...(originalName === undefined ? {} : { originalName }),
  };
}

function algorithm(r: TreeReader, el: XmlElement, label: string): DigestAlgorithm | undefined {
  try {
    return parseDigestAlgorithm(label);
  } catch (e) {
    if (!(e instanceof DanganError)) throw e;
    r.report(
      'ARCHIVAL_MANIFEST_DIGEST_INVALID',
      el,
      `未知的摘要算法“${label}”`,
      `Unknown digest algorithm "${label}"`,
    );
    return undefined;
  }
}

function checkPath(r: TreeReader, el: XmlElement, path: string, folder: boolean): boolean {
  const checked = safeCheckEntryPath(path);
  if (checked.ok) return true;
  r.report(
    'ARCHIVAL_MANIFEST_PATH_INVALID',
    el,
    `清单中的${folder ? '目录' : '文件'}路径不安全：${checked.error.message}`,
    `Unsafe ${folder ? 'folder' : 'file'} path in the manifest: ${checked.error.messageEn ?? ''}`,
  );
  return false;
}
