import { utf8, xmlToString } from '@dangan/core';

/**
 * The six check columns of the 电子文件归档登记表 (GB/T 18894-2016 表A.1; medium confidence, as one
 * implementation has them). The package builder leaves them {@link REGISTRATION_PENDING}; the checks fill them.
 */
export const REGISTRATION_CHECK_COLUMNS = [
  '载体外观检测',
  '病毒检测',
  '真实性检测',
  '可靠性检测',
  '完整性检测',
  '可用性检测',
] as const;

/** A check column of the registration form. */
export type RegistrationCheckColumn = (typeof REGISTRATION_CHECK_COLUMNS)[number];

/** What a check column holds until the checks fill it. */
export const REGISTRATION_PENDING = '待检测';

/** 归档方式: online (network) or offline (carrier). */
export type ArchivingMethod = '在线' | '离线';

/**
 * The 电子文件归档登记表 (archiving registration form, GB/T 18894-2016 表A.1) as data. Field names are the
 * form's own; the quantities are what the package really holds, so DA/T 70 GD-2-1 (件数) and GD-2-2 (字节数)
 * can compare them with the received package.
 */
export interface ArchivalRegistrationForm {
  /** 单位名称: the filing unit. */
  readonly 单位名称: string;
  /** 归档时间, ISO 8601 with offset (`2026-03-20T10:00:00+08:00`). */
  readonly 归档时间: string;
  /** 归档电子文件门类 (文书, 一网通办办件 …). */
  readonly 归档电子文件门类: string;
  /** 卷: records whose 聚合层次 is 案卷. */
  readonly 卷: number;
  /** 件: records filed as 件 (聚合层次 文件). */
  readonly 件: number;
  /** 张: pages (页数, M43) of the records that record them; records without are not counted. */
  readonly 张: number;
  /** 分钟: audio/video duration in minutes (two decimals), where captured. */
  readonly 分钟: number;
  /** 字节: bytes of the content files (电子文件; not metadata, EEPs or the package's own files). */
  readonly 字节: number;
  readonly 归档方式: ArchivingMethod;
  /** The check columns: {@link REGISTRATION_PENDING} until checked. */
  readonly 检测: Readonly<Record<RegistrationCheckColumn, string>>;
  /** 说明 (notes). */
  readonly 说明: string;
  /** Sign-off: filled in by people; empty when the package is built. */
  readonly 填表人: string;
  readonly 填表日期: string;
  readonly 审核人: string;
  readonly 审核日期: string;
}

/** Namespace of dangan's registration-form XML (PROVISIONAL, dangan convention). */
export const REGISTRATION_FORM_NAMESPACE = 'urn:dangan:package:registration';

/** Root element of the registration-form XML. */
export const REGISTRATION_FORM_ROOT = '电子文件归档登记表';

/** Version of the registration-form XML this code writes and reads. */
export const REGISTRATION_FORM_VERSION = '1';

/** The quantity fields, in the form's order. */
export const REGISTRATION_QUANTITIES = ['卷', '件', '张', '分钟', '字节'] as const;

/** The sign-off fields, in order. */
export const REGISTRATION_SIGN_OFF = ['填表人', '填表日期', '审核人', '审核日期'] as const;

/**
 * The registration form as UTF-8 XML bytes, in dangan's format (PROVISIONAL; GB/T 18894-2016 gives the form
 * as a printed table, not as XML):
 *
 * ```xml
 * <电子文件归档登记表 xmlns="urn:dangan:package:registration" 格式版本="1" 依据="GB/T 18894-2016 表A.1">
 *   <单位名称>…</单位名称><归档时间>…</归档时间><归档电子文件门类>文书</归档电子文件门类>
 *   <归档数量><卷>0</卷><件>3</件><张>6</张><分钟>0</分钟><字节>243811</字节></归档数量>
 *   <归档方式>在线</归档方式>
 *   <检测><载体外观检测>待检测</载体外观检测>…<可用性检测>待检测</可用性检测></检测>
 *   <说明/><填表人/><填表日期/><审核人/><审核日期/>
 * </电子文件归档登记表>
 * ```
 *
 * @example
 * const bytes = registrationFormToXml({ ...result.registrationForm, 检测: { ...result.registrationForm.检测, 病毒检测: '通过' } });
 */
export function registrationFormToXml(form: ArchivalRegistrationForm): Uint8Array {
  return utf8(
    xmlToString(
      (w) => {
        w.declaration();
        w.startElement(REGISTRATION_FORM_ROOT, {
          xmlns: REGISTRATION_FORM_NAMESPACE,
          格式版本: REGISTRATION_FORM_VERSION,
          依据: 'GB/T 18894-2016 表A.1',
        });
        w.element('单位名称', form.单位名称);
        w.element('归档时间', form.归档时间);
        w.element('归档电子文件门类', form.归档电子文件门类);
        w.startElement('归档数量');
        for (const q of REGISTRATION_QUANTITIES) w.element(q, String(form[q]));
        w.endElement();
        w.element('归档方式', form.归档方式);
        w.startElement('检测');
        for (const c of REGISTRATION_CHECK_COLUMNS) w.element(c, form.检测[c]);
        w.endElement();
        w.element('说明', form.说明);
        for (const s of REGISTRATION_SIGN_OFF) w.element(s, form[s]);
        w.endElement();
      },
      { pretty: true },
    ),
  );
}
