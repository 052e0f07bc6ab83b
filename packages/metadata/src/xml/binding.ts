import { DanganError, isXmlNcName } from '@dangan/core';
import type { MetadataElement, MetadataScheme } from '../scheme/model.js';
import { schemeIndex } from '../scheme/scheme-index.js';
import { DAT48_CHILDREN, isDat48Element } from './dat48-elements.js';
import { ENTITY_XML_NAMES } from './entity-names.js';
import { DAT48_NAMESPACE, METADATA_EXT_NAMESPACE, METADATA_EXT_PREFIX } from './namespaces.js';

/**
 * `'metadata'`: dangan's standalone metadata document (every element of the record, scheme order).
 * `'eep'`: DA/T 48's own structure (only what DA/T 48 defines, in the schema's order).
 */
export type XmlLayout = 'metadata' | 'eep';

/** An element name in XML: local name, namespace URI and the name as written. */
export interface XmlName {
  readonly local: string;
  readonly ns: string;
  /** `dg:件数` for extension elements, `题名` for DA/T 48 ones (the default namespace). */
  readonly qname: string;
}

/** How one scheme element is written below its container. */
export interface ChildBinding {
  readonly element: MetadataElement;
  readonly key: string;
  readonly xml: XmlName;
  /** Wrapper of the repeated items (机构人员实体块 …), if any. */
  readonly block: XmlName | undefined;
  readonly container: boolean;
  readonly repeatable: boolean;
  /** integer, positiveInteger or decimal: read back as a number. */
  readonly numeric: boolean;
}

/** The children of one container (or of the record itself, id `''`) in one layout. */
export interface ContainerBinding {
  readonly id: string;
  /** Children in the order they are written. */
  readonly children: readonly ChildBinding[];
  /** Children by XML local name (block wrappers included). */
  readonly byLocal: ReadonlyMap<string, ChildBinding>;
  /** Children by record key. */
  readonly byKey: ReadonlyMap<string, ChildBinding>;
  /** DA/T 48 declares the element mixed (档号): stray text is a warning, not an error. */
  readonly mixed: boolean;
}

/** Every container of a scheme, bound for one layout. */
export interface SchemeBinding {
  readonly layout: XmlLayout;
  /** The binding of a container id (`''` for the record). Unknown ids give an empty binding. */
  container(id: string): ContainerBinding;
}

const isNumeric = (type: string) => type === 'integer' || type === 'positiveInteger' || type === 'decimal';
let cache: Record<XmlLayout, WeakMap<MetadataScheme, SchemeBinding>> | undefined;
let empty: ContainerBinding | undefined;

function xmlName(local: string, parentNs: string): XmlName {
  const ns = parentNs === DAT48_NAMESPACE && isDat48Element(local) ? DAT48_NAMESPACE : METADATA_EXT_NAMESPACE;
  return { local, ns, qname: ns === DAT48_NAMESPACE ? local : `${METADATA_EXT_PREFIX}:${local}` };
}

/**
 * The XML binding of a scheme for a layout, built once per scheme on first use. Throws
 * `DanganError('METADATA_SCHEME_INVALID')` when a key is not a valid XML name or two children of one
 * container would have the same element name.
 *
 * @example
 * schemeBinding(schemes.dat46, 'metadata').container('M40').byKey.get('件数')?.xml.qname; // 'dg:件数'
 */
export function schemeBinding(scheme: MetadataScheme, layout: XmlLayout): SchemeBinding {
  cache ??= { metadata: new WeakMap(), eep: new WeakMap() };
  let binding = cache[layout].get(scheme);
  if (binding === undefined) {
    binding = build(scheme, layout);
    cache[layout].set(scheme, binding);
  }
  return binding;
}

function build(scheme: MetadataScheme, layout: XmlLayout): SchemeBinding {
  const index = schemeIndex(scheme);
  const problems: string[] = [];
  const containers = new Map<string, ContainerBinding>();
  /** Builds the binding of container `id`, whose element is named `self` (undefined for the record). */
  const visit = (
    id: string,
    self: XmlName | undefined,
    renames: Readonly<Record<string, string>> | undefined,
  ) => {
    const parentNs = self === undefined ? DAT48_NAMESPACE : self.ns;
    const allowed = layout === 'eep' && self !== undefined ? DAT48_CHILDREN[self.local] : undefined;
    const children: ChildBinding[] = [];
    const byLocal = new Map<string, ChildBinding>();
    const byKey = new Map<string, ChildBinding>();
    for (const element of index.children.get(id) ?? []) {
      const entity = id === '' ? ENTITY_XML_NAMES[element.key] : undefined;
      const local = renames?.[element.key] ?? entity?.element ?? element.key;
      const blockLocal = entity?.block !== undefined && element.repeatable ? entity.block : undefined;
      for (const name of blockLocal === undefined ? [local] : [local, blockLocal]) {
        if (!isXmlNcName(name)) problems.push(`元素名 ${name}（${element.id}）不是合法的 XML 名称`);
      }
      const block = blockLocal === undefined ? undefined : xmlName(blockLocal, parentNs);
      const xml = xmlName(local, block === undefined ? parentNs : block.ns);
      const child: ChildBinding = {
        element,
        key: element.key,
        xml,
        block,
        container: element.type === 'container',
        repeatable: element.repeatable,
        numeric: isNumeric(element.type),
      };
      // Containers are bound even where the EEP leaves them out (电子属性 is written inside 编码).
      if (child.container) visit(element.id, xml, entity?.children);
      if (layout === 'eep' && self !== undefined) {
        // Only what DA/T 48 defines here, and of the same kind (a simple 档号 string cannot stand for DA/T 48's
        // 档号 with its parts).
        if (xml.ns !== DAT48_NAMESPACE || allowed === undefined || !allowed.includes(local)) continue;
        if ((DAT48_CHILDREN[local] !== undefined) !== child.container) continue;
      }
      children.push(child);
      byKey.set(child.key, child);
      for (const name of block === undefined ? [local] : [local, block.local]) {
        if (byLocal.has(name)) problems.push(`${id || '根'} 下有两个元素都写作 <${name}>`);
        byLocal.set(name, child);
      }
    }
    if (allowed !== undefined)
      children.sort((a, b) => allowed.indexOf(a.xml.local) - allowed.indexOf(b.xml.local));
    containers.set(id, {
      id,
      children,
      byLocal,
      byKey,
      mixed: self?.local === '档号' && self.ns === DAT48_NAMESPACE,
    });
  };
  visit('', undefined, undefined);
  if (problems.length > 0) {
    throw new DanganError(
      'METADATA_SCHEME_INVALID',
      `元数据方案 ${scheme.id} 不能映射为 XML：${problems.join('；')}`,
      {
        messageEn: `Metadata scheme ${scheme.id} cannot be mapped to XML: ${problems.length} problem(s)`,
        findings: problems.map((message) => ({
          code: 'METADATA_SCHEME_INVALID',
          severity: 'error' as const,
          message,
        })),
      },
    );
  }
  return {
    layout,
    container(id) {
      const found = containers.get(id);
      if (found !== undefined) return found;
      empty ??= { id: '', children: [], byLocal: new Map(), byKey: new Map(), mixed: false };
      return empty;
    },
  };
}
