/**
 * Names and namespaces of dangan's metadata XML.
 *
 * - Elements DA/T 48-2009 defines (the XSD's global elements: 文件实体, 题名, 机构人员实体块 …) are written in the
 *   DA/T 48 namespace, {@link DAT48_NAMESPACE}, as the default namespace (no prefix).
 * - Everything else — the document roots below, and scheme elements DA/T 48 does not define (DA/T 46's 件数,
 *   一网通办's 办件 block, an institution's own elements) — is in dangan's extension namespace
 *   {@link METADATA_EXT_NAMESPACE} with the prefix `dg`. An element in the extension namespace puts its whole
 *   subtree there, so a DA/T 48 name never appears where DA/T 48 does not define its parent.
 *
 * The DA/T 48 EEP layout (`layout: 'eep'`) never writes extension elements: the EEP schema has no extension
 * points, so anything else would make the package invalid. Extension elements are reported (info findings)
 * instead and belong in the standalone metadata document.
 *
 * PROVISIONAL (dangan convention): GB/T 42727-2023 Annex E (元数据描述格式示例) was not available. The root
 * names and the extension namespace may change when it is; the format is identified by the namespace URI.
 */

/** The DA/T 48-2009 namespace (`elementFormDefault="qualified"`). */
export const DAT48_NAMESPACE = 'http://www.saac.gov.cn/standards/ERM/encapsulation';

/** dangan's extension namespace: document roots and elements DA/T 48 does not define. PROVISIONAL. */
export const METADATA_EXT_NAMESPACE = 'urn:dangan:metadata:ext';

/** Prefix written for {@link METADATA_EXT_NAMESPACE}. */
export const METADATA_EXT_PREFIX = 'dg';

/** Root of a standalone metadata document (one record), in the extension namespace. PROVISIONAL. */
export const METADATA_ROOT = '电子文件元数据';

/** Root of a batch of metadata documents (many records), in the extension namespace. PROVISIONAL. */
export const METADATA_SET_ROOT = '元数据集';

/** Root of a DA/T 48 electronic records encapsulation package. */
export const EEP_ROOT = '电子文件封装包';
