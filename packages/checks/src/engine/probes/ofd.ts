import { type Finding, parseXmlToTree, type XmlElement } from '@dangan/core';
import { openZip, type ZipArchive } from '@dangan/packaging';
import type { OfdFact, ReadabilityFact } from '../facts.js';

/** Largest OFD part read into memory (OFD.xml, Document.xml, Signatures.xml). */
const MAX_PART_BYTES = 8 * 1024 * 1024;

const CHECKED =
  'OFD 容器（ZIP 目录）、OFD.xml 可解析、DocRoot 指向的 Document.xml 存在并可解析、各页 BaseLoc 指向的页面文件存在';
const CHECKED_EN =
  'OFD container (ZIP directory), OFD.xml parses, the Document.xml each DocRoot names exists and parses, every page file named by BaseLoc exists';

/** What the OFD probe found. */
export interface OfdProbe {
  readonly readability: ReadabilityFact;
  readonly ofd?: OfdFact;
}

/**
 * Probes an OFD (GB/T 33190) held whole in memory (OFD 可读性探测): the ZIP container opens through the safe
 * reader, `OFD.xml` parses, every `DocBody/DocRoot` names a `Document.xml` that exists and parses, and each
 * page's `BaseLoc` names an existing file; the signatures each document declares (`DocBody/Signatures` →
 * `Signatures.xml`) are counted and reported, **not verified** (GB/T 38540 seal verification needs a
 * dedicated verifier). It does not parse page content or resources and renders nothing.
 *
 * @example
 * (await ofdProbe(bytes, '电子文件/1.ofd')).ofd?.signatures; // 1
 */
export async function ofdProbe(bytes: Uint8Array, path: string): Promise<OfdProbe> {
  const findings: Finding[] = [];
  const fail = (code: string, message: string, messageEn: string): OfdProbe => ({
    readability: {
      status: 'unreadable',
      checked: CHECKED,
      checkedEn: CHECKED_EN,
      findings: [...findings, { code, severity: 'error', message, messageEn, path }],
    },
  });
  let zip: ZipArchive;
  try {
    zip = await openZip(bytes, { limits: { maxEntries: 100_000 } });
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    return fail(
      'CHECK_OFD_CONTAINER',
      `OFD 容器无法打开：${text}`,
      `The OFD container does not open: ${text}`,
    );
  }
  const names = new Set(zip.entries.filter((e) => !e.isDirectory).map((e) => e.name));
  const root = await part(zip, 'OFD.xml');
  if (root.kind === 'missing')
    return fail('CHECK_OFD_ROOT', '缺少 OFD.xml 入口文件', 'OFD.xml (the entry point) is missing');
  if (root.kind === 'error') {
    return fail(
      'CHECK_OFD_ROOT',
      `OFD.xml 无法解析：${root.message}`,
      `OFD.xml does not parse: ${root.message}`,
    );
  }
  const bodies = root.tree.children.filter((c) => local(c) === 'DocBody');
  if (bodies.length === 0) {
    return fail('CHECK_OFD_DOCBODY', 'OFD.xml 中没有 DocBody（文档入口）', 'OFD.xml has no DocBody');
  }
  let signatures = 0;
  const signatureLists: string[] = [];
  for (const body of bodies) {
    const docRoot = textOf(body, 'DocRoot');
    if (docRoot === undefined)
      return fail('CHECK_OFD_DOCROOT', 'DocBody 缺少 DocRoot', 'A DocBody has no DocRoot');
    const docPath = resolve('', docRoot);
    if (!names.has(docPath)) {
      return fail(
        'CHECK_OFD_DOCUMENT',
        `DocRoot 指向的 ${docPath} 不存在`,
        `${docPath}, named by DocRoot, does not exist`,
      );
    }
    const doc = await part(zip, docPath);
    if (doc.kind !== 'ok') {
      const why = doc.kind === 'error' ? doc.message : '缺失';
      return fail('CHECK_OFD_DOCUMENT', `${docPath} 无法解析：${why}`, `${docPath} does not parse: ${why}`);
    }
    const folder = docPath.includes('/') ? docPath.slice(0, docPath.lastIndexOf('/') + 1) : '';
    const pages = doc.tree.children
      .filter((c) => local(c) === 'Pages')
      .flatMap((p) => p.children.filter((c) => local(c) === 'Page'));
    for (const page of pages) {
      const loc = page.attributes.BaseLoc;
      if (loc === undefined) continue;
      const pagePath = resolve(folder, loc);
      if (!names.has(pagePath)) {
        return fail('CHECK_OFD_PAGE', `页面文件 ${pagePath} 不存在`, `Page file ${pagePath} does not exist`);
      }
    }
    const signs = textOf(body, 'Signatures');
    if (signs !== undefined) {
      const signsPath = resolve('', signs);
      signatureLists.push(signsPath);
      const list = await part(zip, signsPath);
      if (list.kind === 'ok') {
        signatures += list.tree.children.filter((c) => local(c) === 'Signature').length;
      } else {
        findings.push({
          code: 'CHECK_OFD_SIGNATURES',
          severity: 'warning',
          message: `声明的签章列表 ${signsPath} 无法读取`,
          messageEn: `The declared signature list ${signsPath} cannot be read`,
          path,
        });
      }
    }
  }
  return {
    readability: { status: 'readable', checked: CHECKED, checkedEn: CHECKED_EN, findings },
    ofd: { documents: bodies.length, signatures, signatureLists },
  };
}

type Part =
  | { readonly kind: 'ok'; readonly tree: XmlElement }
  | { readonly kind: 'missing' }
  | { readonly kind: 'error'; readonly message: string };

async function part(zip: ZipArchive, name: string): Promise<Part> {
  const entry = zip.get(name);
  if (entry === undefined) return { kind: 'missing' };
  try {
    if (entry.size > MAX_PART_BYTES) return { kind: 'error', message: `超过 ${MAX_PART_BYTES} 字节` };
    const tree = await parseXmlToTree(() => entry.open(), { name, maxBytes: MAX_PART_BYTES });
    return { kind: 'ok', tree };
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

function local(e: XmlElement): string {
  const i = e.name.indexOf(':');
  return i < 0 ? e.name : e.name.slice(i + 1);
}

function textOf(e: XmlElement, name: string): string | undefined {
  const child = e.children.find((c) => local(c) === name);
  const text = child?.text.trim();
  return text === undefined || text === '' ? undefined : text;
}

/** Resolves an OFD location (absolute from the container root when it starts with `/`) against a folder. */
function resolve(folder: string, loc: string): string {
  const raw = loc.startsWith('/') ? loc.slice(1) : folder + loc;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}
