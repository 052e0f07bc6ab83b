/**
 * The plain input the filing functions take for one 办件 (government-service case). Build it from a 一网通办
 * record with `caseFromYwtbRecord`, or directly from the host's own data. Every filing function also accepts a
 * ywtb record (an object with a `办件` block) and reads it the same way.
 */

/** Which of the two 件 a component belongs to when 来文 and 复文 are filed apart (DA/T 22-2015 §5.1). */
export type CaseRole = '来文' | '复文';

/** One 办件材料 (`办件.材料[]`). */
export interface CaseMaterial {
  /** 材料名称. */
  readonly name?: string;
  /** 材料类别 as written (`依据性材料`, `程序性`, the alias `证据性材料`…); read by `parseMaterialClass`. */
  readonly materialClass?: string;
  /** 计算机文件名 (M48 of the matching 电子属性). */
  readonly fileName?: string;
  /** 来文 or 复文, when the host knows it (used by the `incoming-reply` split). */
  readonly role?: CaseRole;
  /** In a joint case (联合办理), the agency whose part this material belongs to (its name or code). */
  readonly agency?: string;
  /** Where the material is in the source record (JSON pointer); derived (`/办件/材料/{i}`) when absent. */
  readonly ref?: string;
}

/** One 电子证照 (`办件.电子证照[]`): a licence the case produced, or one called by data sharing (数据共享调用). */
export interface CaseLicence {
  /** 证照名称. */
  readonly name?: string;
  /** 证照编号. */
  readonly number?: string;
  /** 证照类型代码. */
  readonly typeCode?: string;
  /** 颁发机构. */
  readonly issuer?: string;
  /** 调用方式, e.g. `数据共享调用`. */
  readonly retrieval?: string;
  /** The material class the licence counts as when a schedule has no 电子证照 rule (default 结果性材料). */
  readonly materialClass?: string;
  readonly role?: CaseRole;
  readonly agency?: string;
  /** JSON pointer in the source record; derived (`/办件/电子证照/{i}`) when absent. */
  readonly ref?: string;
}

/** One 办件 as the filing functions read it. */
export interface FilingCase {
  /** 办件编号 (业务流水号); identifies the case and, without an 电子文件号, its 件. */
  readonly caseNumber: string;
  /** 事项编码 (实施清单编码): the key of the retention schedule. */
  readonly itemCode: string;
  /** 事项名称. */
  readonly itemName?: string;
  /** 事项类型 (行政许可, 行政确认, 行政给付, 公共服务…). */
  readonly itemType?: string;
  /** 办件名称. */
  readonly caseTitle?: string;
  /** 受理部门: the agency that files the case (the lead agency of a joint case). */
  readonly acceptingAgency?: string;
  /** 联合办理部门: the other agencies of a joint case. */
  readonly jointAgencies?: readonly string[];
  /** 受理时间 (ISO 8601). */
  readonly acceptedAt?: string;
  /** 办结时间 (ISO 8601 dateTime or `YYYY-MM-DD`): the start of the filing deadline. */
  readonly completedAt?: string;
  /** 归档时间 (ISO 8601), when the case has been filed. */
  readonly archivedAt?: string;
  /** 电子文件号 of the record: the base of the 件 identifiers (实体标识符). */
  readonly electronicFileNumber?: string;
  /** 保管期限 already written on the record (档号.保管期限), compared with the schedule's answer. */
  readonly declaredRetention?: string;
  /** 年度 already written on the record (档号.年度). */
  readonly year?: string;
  /** 办件材料. */
  readonly materials?: readonly CaseMaterial[];
  /** 电子证照 produced or called by the case. */
  readonly licences?: readonly CaseLicence[];
}
