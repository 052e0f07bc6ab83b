import {
  type ByteSource,
  DanganError,
  parseXmlToTree,
  type SafeResult,
  safelyAsync,
  type XmlElement,
} from '@dangan/core';
import { localName, TreeReader } from '../manifest/xml-tree.js';
import { findingsError } from './codes.js';
import {
  type ArchivalRegistrationForm,
  type ArchivingMethod,
  REGISTRATION_CHECK_COLUMNS,
  REGISTRATION_FORM_NAMESPACE,
  REGISTRATION_FORM_ROOT,
  REGISTRATION_FORM_VERSION,
  REGISTRATION_SIGN_OFF,
  type RegistrationCheckColumn,
} from './registration-form.js';

/** Options of {@link readRegistrationForm}. */
export interface ReadRegistrationFormOptions {
  /** The document's name in finding paths (default `归档登记表`). */
  readonly name?: string;
  /** Most bytes read (default 1 MiB). */
  readonly maxBytes?: number;
}

/**
 * Reads a 电子文件归档登记表 written by `registrationFormToXml` back into an {@link ArchivalRegistrationForm},
 * safely (core's XML reader, with a size limit). Throws `DanganError('ARCHIVAL_REGISTRATION_FORM_INVALID')`
 * with one finding per problem (`name:line:column`): XML errors, a wrong root or namespace, an unknown 格式版本,
 * a missing field, a quantity that is not a non-negative number (分钟 may have decimals, the others are
 * integers), a 归档方式 other than 在线/离线.
 *
 * @example
 * const form = await readRegistrationForm(source.read('归档登记表.xml'));
 * form.件; // 3
 */
export async function readRegistrationForm(
  source: ByteSource,
  options: ReadRegistrationFormOptions = {},
): Promise<ArchivalRegistrationForm> {
  const name = options.name ?? '归档登记表';
  let root: XmlElement;
  try {
    root = await parseXmlToTree(source, { name, maxBytes: options.maxBytes ?? 1024 * 1024 });
  } catch (e) {
    if (e instanceof DanganError) {
      throw findingsError(
        'ARCHIVAL_REGISTRATION_FORM_INVALID',
        `归档登记表“${name}”无法解析`,
        `Registration form "${name}" cannot be parsed`,
        e.findings,
      );
    }
    throw e;
  }
  const r = new TreeReader(
    name,
    REGISTRATION_FORM_NAMESPACE,
    'ARCHIVAL_XML_FIELD_INVALID',
    'ARCHIVAL_XML_FIELD_MISSING',
  );
  const form = readRoot(r, root);
  if (form === undefined || r.findings.length > 0) {
    throw findingsError(
      'ARCHIVAL_REGISTRATION_FORM_INVALID',
      `归档登记表“${name}”不符合格式`,
      `Registration form "${name}" is invalid`,
      r.findings,
    );
  }
  return form;
}

/**
 * {@link readRegistrationForm} as a `SafeResult`.
 *
 * @example
 * const r = await safeReadRegistrationForm(bytes);
 * if (r.ok) console.log(r.value.字节);
 */
export function safeReadRegistrationForm(
  source: ByteSource,
  options: ReadRegistrationFormOptions = {},
): Promise<SafeResult<ArchivalRegistrationForm>> {
  return safelyAsync(() => readRegistrationForm(source, options));
}

function readRoot(r: TreeReader, root: XmlElement): ArchivalRegistrationForm | undefined {
  if (localName(root) !== REGISTRATION_FORM_ROOT || root.uri !== REGISTRATION_FORM_NAMESPACE) {
    r.report(
      'ARCHIVAL_XML_ROOT',
      root,
      `根元素应为命名空间 ${REGISTRATION_FORM_NAMESPACE} 中的 <${REGISTRATION_FORM_ROOT}>，实为 <${root.name}>`,
      `The root must be <${REGISTRATION_FORM_ROOT}> in ${REGISTRATION_FORM_NAMESPACE}, not <${root.name}>`,
    );
    return undefined;
  }
  const version = r.attribute(root, '格式版本');
  if (version !== undefined && version !== REGISTRATION_FORM_VERSION) {
    r.report(
      'ARCHIVAL_XML_VERSION',
      root,
      `登记表格式版本“${version}”不受支持（支持 ${REGISTRATION_FORM_VERSION}）`,
      `Registration form version "${version}" is not supported`,
    );
    return undefined;
  }
  const unit = r.text(root, '单位名称');
  const time = r.text(root, '归档时间');
  const category = r.text(root, '归档电子文件门类');
  const quantities = r.child(root, '归档数量');
  const integer = (field: '卷' | '件' | '张' | '字节'): number | undefined =>
    quantities === undefined ? undefined : r.count(quantities, field, r.text(quantities, field));
  const volumes = integer('卷');
  const items = integer('件');
  const pages = integer('张');
  const bytes = integer('字节');
  let minutes: number | undefined;
  const minutesText = quantities === undefined ? undefined : r.text(quantities, '分钟');
  if (minutesText !== undefined) {
    minutes = /^\d{1,15}(?:\.\d{1,6})?$/u.test(minutesText) ? Number(minutesText) : undefined;
    if (minutes === undefined) {
      r.report(
        'ARCHIVAL_XML_FIELD_INVALID',
        quantities!,
        `分钟“${minutesText}”不是非负数`,
        `分钟 "${minutesText}" is not a number`,
      );
    }
  }
  const method = r.text(root, '归档方式');
  if (method !== undefined && method !== '在线' && method !== '离线') {
    r.report(
      'ARCHIVAL_XML_FIELD_INVALID',
      r.child(root, '归档方式')!,
      `归档方式应为“在线”或“离线”，实为“${method}”`,
      '归档方式 must be 在线 or 离线',
    );
  }
  const checksEl = r.child(root, '检测');
  const checks = {} as Record<RegistrationCheckColumn, string>;
  for (const c of REGISTRATION_CHECK_COLUMNS) {
    const child = checksEl === undefined ? undefined : r.child(checksEl, c);
    checks[c] = child?.text.trim() ?? '';
  }
  const note = r.child(root, '说明')?.text.trim() ?? '';
  const signOff = {} as Record<(typeof REGISTRATION_SIGN_OFF)[number], string>;
  for (const s of REGISTRATION_SIGN_OFF) signOff[s] = r.child(root, s, false)?.text.trim() ?? '';
  if (
    unit === undefined ||
    time === undefined ||
    category === undefined ||
    volumes === undefined ||
    items === undefined ||
    pages === undefined ||
    minutes === undefined ||
    bytes === undefined ||
    (method !== '在线' && method !== '离线')
  ) {
    return undefined;
  }
  return Object.assign(
    {
      单位名称: unit,
      归档时间: time,
      归档电子文件门类: category,
      卷: volumes,
      件: items,
      张: pages,
      分钟: minutes,
      字节: bytes,
      归档方式: method as ArchivingMethod,
      检测: checks,
      说明: note,
    },
    signOff,
  );
}
