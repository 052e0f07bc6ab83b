import { DanganError } from '@dangan/core';

/** 保管期限代码 as 档号 segments write it: `Y` 永久, `D30` 定期30年, `D10` 定期10年, other `D{n}`. */
export type RetentionCode = 'Y' | `D${number}`;

/** 保管期限 as metadata (M12) writes it: `永久`, `定期30年`, `定期10年`, other `定期{n}年`. */
export type RetentionPeriod = '永久' | `定期${number}年`;

/**
 * A retention period read from any of the forms met in data (`永久`, `Y`, `定期30年`, `D30`, `30年`, `30`):
 * `years` is `undefined` for 永久. Legacy 长期/短期 have no fixed length and are refused (keep them as legacy
 * metadata values; appraisal decides their period).
 */
export interface Retention {
  readonly code: RetentionCode;
  readonly period: RetentionPeriod;
  readonly years: number | undefined;
}

const PERMANENT: Retention = { code: 'Y', period: '永久', years: undefined };

/**
 * Parses a retention period in any common form into code, words and years.
 * Throws `DanganError('FILING_RETENTION_INVALID')` for what cannot be read (including legacy 长期/短期).
 *
 * @example
 * parseRetention('D30');      // { code: 'D30', period: '定期30年', years: 30 }
 * parseRetention('永久').code; // 'Y'
 */
export function parseRetention(value: string): Retention {
  if (typeof value !== 'string') throw new TypeError('retention must be a string');
  const text = value.normalize('NFKC').trim();
  if (text === '永久' || text === 'Y') return PERMANENT;
  const match = /^(?:D|定期)?(\d{1,3})(?:年)?$/.exec(text);
  const years = match === null ? Number.NaN : Number(match[1]);
  if (!Number.isInteger(years) || years <= 0) {
    const legacy = text === '长期' || text === '短期';
    throw new DanganError(
      'FILING_RETENTION_INVALID',
      legacy
        ? `保管期限“${value}”是 2006 年以前的旧值，没有确定年限，需经鉴定确定新的保管期限`
        : `无法识别的保管期限：“${value}”（应为 永久/Y、定期N年/DN）`,
      { messageEn: `Unrecognised retention period: "${value}"` },
    );
  }
  return { code: `D${years}`, period: `定期${years}年`, years };
}

/**
 * The 档号 code of a retention period (`定期30年` → `D30`).
 *
 * @example
 * retentionCode('定期10年'); // 'D10'
 */
export function retentionCode(value: string): RetentionCode {
  return parseRetention(value).code;
}

/**
 * The metadata words of a retention period (`D30` → `定期30年`).
 *
 * @example
 * retentionPeriod('Y'); // '永久'
 */
export function retentionPeriod(value: string): RetentionPeriod {
  return parseRetention(value).period;
}
