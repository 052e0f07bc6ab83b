import type { Finding } from '@dangan/core';
import { type MetadataElement, type MetadataScheme, schemeIndex } from '@dangan/metadata';
import type { RecordFact, RuleEvaluator } from '../../engine/rule.js';
import { detectMojibake, MOJIBAKE_KIND_TEXT, type MojibakeHit } from './mojibake.js';
import { guarded, outcomeOf, pointerKey, recordPath } from './outcome.js';
import { elementLabel, isObject } from './record-access.js';

/** Deepest nesting walked; a record nested deeper is reported, not followed. */
const MAX_DEPTH = 64;

const byKeyPath = new WeakMap<MetadataScheme, ReadonlyMap<string, MetadataElement>>();

/** The element at a key path of the scheme (array indices left out), for labelling findings. */
function elementAt(scheme: MetadataScheme, keys: readonly string[]): MetadataElement | undefined {
  let map = byKeyPath.get(scheme);
  if (map === undefined) {
    const index = schemeIndex(scheme);
    const m = new Map<string, MetadataElement>();
    for (const [id, path] of index.paths) {
      const element = index.byId.get(id);
      if (element !== undefined) m.set(path.join('\u0000'), element);
    }
    map = m;
    byKeyPath.set(scheme, map);
  }
  return map.get(keys.join('\u0000'));
}

function shorten(text: string, max = 24): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function mojibakeFinding(
  fact: RecordFact,
  pointer: string,
  element: MetadataElement | undefined,
  hit: MojibakeHit,
  what: 'value' | 'key',
): Finding {
  const text = MOJIBAKE_KIND_TEXT[hit.kind];
  const name = element === undefined ? '' : `${elementLabel(element)} ${element.name}：`;
  const nameEn = element === undefined ? '' : `${elementLabel(element)} ${element.nameEn}: `;
  const where = what === 'key' ? '元素名' : '值';
  const repaired = hit.repaired === undefined ? '' : `，按正确编码读应为“${shorten(hit.repaired)}”`;
  const repairedEn = hit.repaired === undefined ? '' : `; re-read it says "${shorten(hit.repaired)}"`;
  const out: { -readonly [K in keyof Finding]: Finding[K] } = {
    code: 'CHECK_METADATA_MOJIBAKE',
    severity: hit.severity,
    message: `${name}${where}疑似乱码：${text.zh}（“${shorten(hit.text)}”）${repaired}`,
    messageEn: `${nameEn}the ${what} looks garbled: ${text.en} ("${shorten(hit.text)}")${repairedEn}`,
    path: recordPath(fact, pointer),
  };
  if (element !== undefined) out.element = elementLabel(element);
  return out;
}

/** The walk's position: keys (for the element) and keys and indices (for the pointer, built on a hit). */
interface Position {
  readonly keys: string[];
  readonly segments: (string | number)[];
}

function pointerAt(position: Position): string {
  let out = '';
  for (const s of position.segments) out += `/${typeof s === 'number' ? s : pointerKey(s)}`;
  return out;
}

function walk(fact: RecordFact, node: unknown, at: Position, depth: number, findings: Finding[]): void {
  if (typeof node === 'string') {
    const hit = detectMojibake(node);
    if (hit !== undefined)
      findings.push(mojibakeFinding(fact, pointerAt(at), elementAt(fact.scheme, at.keys), hit, 'value'));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  if (depth >= MAX_DEPTH) {
    findings.push({
      code: 'CHECK_METADATA_UNREADABLE',
      severity: 'error',
      message: `元数据嵌套超过 ${MAX_DEPTH} 层，无法读取`,
      messageEn: `the metadata is nested deeper than ${MAX_DEPTH} levels`,
      path: recordPath(fact, pointerAt(at)),
    });
    return;
  }
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      at.segments.push(i);
      walk(fact, node[i], at, depth + 1, findings);
      at.segments.pop();
    }
    return;
  }
  for (const key of Object.keys(node)) {
    at.keys.push(key);
    at.segments.push(key);
    const hit = detectMojibake(key);
    if (hit !== undefined) findings.push(mojibakeFinding(fact, pointerAt(at), undefined, hit, 'key'));
    walk(fact, (node as Record<string, unknown>)[key], at, depth + 1, findings);
    at.segments.pop();
    at.keys.pop();
  }
}

/**
 * `metadata.readable` (GD-3-1 信息包中元数据的可读性检测): every record read from the package is an object
 * and every value (and element name) reads as text — no mojibake: U+FFFD, `锟斤拷`, UTF-8 or GBK read as
 * Latin-1 / Windows-1252 (`å…³äºŽ`, `ÖÐÎÄ`), `烫烫烫`, runs of `???` (see `detectMojibake`). Each finding
 * carries the element number and the record path, and says what the text should read where it can be
 * repaired. Whether the metadata XML parsed at all is the engine's fact (a document that fails to parse yields
 * no record).
 *
 * @example
 * metadataRules['metadata.readable'](context, catalogue.byId('GD-3-1')!);
 * // { status: 'fail', findings: [{ code: 'CHECK_METADATA_MOJIBAKE', element: 'M22', path: '元数据.xml#1/文件实体/内容描述/题名', … }] }
 */
export const readableRule: RuleEvaluator = (context, item) =>
  guarded(context, () => {
    const findings: Finding[] = [];
    for (const fact of context.facts.records) {
      if (!isObject(fact.record)) {
        findings.push({
          code: 'CHECK_METADATA_UNREADABLE',
          severity: 'error',
          message: '元数据记录无法读取：不是对象',
          messageEn: 'the metadata record cannot be read: not an object',
          path: fact.path,
        });
        continue;
      }
      walk(fact, fact.record, { keys: [], segments: [] }, 0, findings);
    }
    return outcomeOf(findings, item);
  });
