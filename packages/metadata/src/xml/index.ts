/**
 * Metadata records as XML: dangan's standalone metadata document (`<dg:电子文件元数据>`, and batches in
 * `<dg:元数据集>`) and DA/T 48's own structure (文件实体, 业务实体块, 机构人员实体块, 文件实体关系) for EEPs,
 * with the DA/T 48 element names and namespace. Reading accepts either layout and whole EEPs, as a stream.
 *
 * @module
 */
export type { ChildBinding, ContainerBinding, SchemeBinding, XmlLayout, XmlName } from './binding.js';
export { schemeBinding } from './binding.js';
export {
  DAT48_CHILDREN,
  EEP_ENCODING_DESCRIPTION,
  EEP_FORMAT_DESCRIPTION,
  EEP_PACKAGE_TYPE_DESCRIPTIONS,
  isDat48Element,
} from './dat48-elements.js';
export { ENTITY_XML_NAMES, type EntityXmlName } from './entity-names.js';
export { METADATA_XML_FINDING_CODES, type MetadataXmlFindingCode } from './findings.js';
export {
  DAT48_NAMESPACE,
  EEP_ROOT,
  METADATA_EXT_NAMESPACE,
  METADATA_EXT_PREFIX,
  METADATA_ROOT,
  METADATA_SET_ROOT,
} from './namespaces.js';
export type { RecordFromXmlOptions } from './read-context.js';
export { recordFromXml, recordsFromXml, safeRecordFromXml } from './read-record.js';
export { type RecordToXmlOptions, recordsToXml, recordToXml, writeRecordSetXml } from './record-to-xml.js';
export { formatXmlNumber, parseXmlNumber } from './values.js';
export {
  writeEepAgentBlock,
  writeEepBusinessBlock,
  writeEepElectronicAttributes,
  writeEepFileEntityRelations,
} from './write-eep.js';
export { type WriteFileData, type WriteRecordXmlOptions, writeRecordXml } from './write-record.js';
