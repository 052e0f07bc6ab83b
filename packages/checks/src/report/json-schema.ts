import type { JsonSchema, JsonValue } from '@dangan/metadata';

/** The `$id` of {@link reportJsonSchema}; the last segment is the schema's major version. */
export const REPORT_JSON_SCHEMA_ID = 'https://dangan.dev/schemas/check-report/1.json';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const STATUS_ENUM = ['pass', 'fail', 'warning', 'manual', 'not-applicable', 'error'] as const;
const NON_EMPTY = { type: 'string', minLength: 1 } as const;
const COUNT = { type: 'integer', minimum: 0 } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;

/**
 * The JSON Schema (draft 2020-12) of a {@link CheckReport} (四性检测报告) as `JSON.stringify` writes it, for
 * hosts in other languages and for archiving the report beside the package. It describes the TypeScript
 * contract exactly: every status, property, stage, subject kind and severity is an `enum`, required fields
 * are `required`, objects allow no other keys (`additionalProperties: false`), counts are non-negative
 * integers, times are `date-time`, and an item whose status is `not-applicable` or `error` must carry a
 * non-empty `reason` (`if`/`then`). Identifiers, names, finding codes and messages and the attester are
 * non-empty strings. What JSON Schema cannot say is left to the producer: the summary's counts equal the
 * items' (use `summarise`), and each finding's `item` equals its item's `id`.
 *
 * The object is deeply frozen; the same document is published as `docs/checks/report.schema.json`.
 *
 * @example
 * import Ajv2020 from 'ajv/dist/2020.js';
 * import addFormats from 'ajv-formats';
 * const validate = addFormats(new Ajv2020()).compile(reportJsonSchema);
 * validate(JSON.parse(reportJson)); // true for every report runChecks produces
 */
export const reportJsonSchema: JsonSchema = /* @__PURE__ */ deepFreeze({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: REPORT_JSON_SCHEMA_ID,
  title: '四性检测报告 · Four-property check report (DA/T 70-2018)',
  description:
    'dangan 按 DA/T 70-2018《文书类电子档案检测一般要求》对归档、移交与接收、长期保存环节所做真实性、完整性、可用性、安全性检测的结果。' +
    ' The result of the DA/T 70-2018 authenticity, integrity, usability and security checks of a package at archiving, transfer and reception, or long-term preservation, as produced by dangan.',
  type: 'object',
  required: ['stage', 'profile', 'subject', 'startedAt', 'finishedAt', 'summary', 'items'],
  additionalProperties: false,
  properties: {
    stage: {
      description: '检测环节：archiving 归档 · transfer 移交与接收 · preservation 长期保存. The check stage.',
      enum: ['archiving', 'transfer', 'preservation'],
    },
    profile: { ...NON_EMPTY, description: '检测方案标识，如 dat70. The check profile id.' },
    subject: { $ref: '#/$defs/subject' },
    startedAt: { ...DATE_TIME, description: '开始时间（ISO 8601）. When the checks started.' },
    finishedAt: { ...DATE_TIME, description: '结束时间（ISO 8601）. When the checks finished.' },
    summary: { $ref: '#/$defs/summary' },
    items: {
      description: '各检测项结果，按检测方案顺序. Every item result, in catalogue order.',
      type: 'array',
      items: { $ref: '#/$defs/item' },
    },
    generator: { type: 'string', description: '生成程序及版本，如 dangan 0.1.0. Producer and version.' },
  },
  $defs: {
    status: {
      description:
        '检测结论：pass 通过 · fail 不通过 · warning 警告 · manual 待人工检测 · not-applicable 不适用 · error 检测出错. An item outcome.',
      enum: [...STATUS_ENUM],
    },
    property: {
      description:
        '四性：authenticity 真实性 · integrity 完整性 · usability 可用性 · security 安全性. The property.',
      enum: ['authenticity', 'integrity', 'usability', 'security'],
    },
    statusCounts: {
      description: '各检测结论的项数. Item counts by status.',
      type: 'object',
      required: [...STATUS_ENUM],
      additionalProperties: false,
      properties: {
        pass: COUNT,
        fail: COUNT,
        warning: COUNT,
        manual: COUNT,
        'not-applicable': COUNT,
        error: COUNT,
      },
    },
    subject: {
      description: '检测对象. What was checked.',
      type: 'object',
      required: ['name', 'kind'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', description: '名称（信息包名或文件名）. A name for people.' },
        kind: {
          description:
            '类型：archival 归档信息包 · transfer 移交信息包 · eep 电子文件封装包 · unknown 未知. The kind of package.',
          enum: ['archival', 'transfer', 'eep', 'unknown'],
        },
        entries: { ...COUNT, description: '条目数. Entries in the package.' },
        bytes: { ...COUNT, description: '总字节数. Total bytes of the entries.' },
        digest: {
          description: '整包数字摘要（须注明算法）. Digest of the whole package, with its algorithm.',
          type: 'object',
          required: ['algorithm', 'value'],
          additionalProperties: false,
          properties: { algorithm: NON_EMPTY, value: NON_EMPTY },
        },
      },
    },
    summary: {
      description:
        '检测汇总；passed 表示无不通过、无出错项. Counts by status and by property; passed means no item failed or ended in error.',
      type: 'object',
      required: ['total', 'byStatus', 'byProperty', 'passed'],
      additionalProperties: false,
      properties: {
        total: COUNT,
        byStatus: { $ref: '#/$defs/statusCounts' },
        byProperty: {
          type: 'object',
          required: ['authenticity', 'integrity', 'usability', 'security'],
          additionalProperties: false,
          properties: {
            authenticity: { $ref: '#/$defs/statusCounts' },
            integrity: { $ref: '#/$defs/statusCounts' },
            usability: { $ref: '#/$defs/statusCounts' },
            security: { $ref: '#/$defs/statusCounts' },
          },
        },
        passed: { type: 'boolean' },
      },
    },
    finding: {
      description:
        '发现项：path 为文件或 XML 路径，element 为元数据元素编号（如 M22），item 为检测项编号. A finding with its location, element number and item.',
      type: 'object',
      required: ['code', 'severity', 'message'],
      additionalProperties: false,
      properties: {
        code: NON_EMPTY,
        severity: { enum: ['error', 'warning', 'info'] },
        message: { ...NON_EMPTY, description: '说明（中文）. Message in Chinese.' },
        messageEn: { type: 'string', description: 'Message in English.' },
        path: { type: 'string' },
        element: { type: 'string' },
        item: { type: 'string' },
      },
    },
    attestation: {
      description: '人工检测确认：谁、何时、结论、说明、证据. A person’s attestation of a manual item.',
      type: 'object',
      required: ['item', 'result', 'by', 'at'],
      additionalProperties: false,
      properties: {
        item: NON_EMPTY,
        result: { enum: ['pass', 'fail'] },
        by: { ...NON_EMPTY, description: '确认人. Who attested.' },
        at: { ...DATE_TIME, description: '确认时间. When.' },
        note: { type: 'string' },
        evidence: { type: 'string', description: '证据引用（文件、摘要等）. Evidence reference.' },
      },
    },
    item: {
      description:
        '检测项结果；not-applicable 与 error 必须给出 reason. One item result; not-applicable and error items carry a reason.',
      type: 'object',
      required: ['id', 'group', 'property', 'name', 'status', 'findings'],
      additionalProperties: false,
      properties: {
        id: { ...NON_EMPTY, description: '检测项编号，如 GD-1-7. Item id.' },
        group: { ...NON_EMPTY, description: '检测项目（组）编号，如 1-2. Group key.' },
        property: { $ref: '#/$defs/property' },
        name: { ...NON_EMPTY, description: '检测内容名称. Item name.' },
        status: { $ref: '#/$defs/status' },
        findings: { type: 'array', items: { $ref: '#/$defs/finding' } },
        reason: { type: 'string', description: '原因（中文）. Why not applicable, error or manual.' },
        reasonEn: { type: 'string' },
        attestation: { $ref: '#/$defs/attestation' },
        provisional: { type: 'boolean', description: '编号为暂定. The item id is provisional.' },
      },
      if: { required: ['status'], properties: { status: { enum: ['not-applicable', 'error'] } } },
      // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword
      then: { required: ['reason'], properties: { reason: NON_EMPTY } },
    },
  },
} satisfies Record<string, JsonValue>);
