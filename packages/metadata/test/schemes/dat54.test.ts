import {
  type MetadataElement,
  type MetadataRecord,
  type RecordPart,
  schemeIndex,
  schemes,
} from '@dangan/metadata';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PhotoAttributes } from '../../src/capture/types.js';

const { dat54 } = schemes;
type Record54 = MetadataRecord<typeof dat54>;

/** Paths `captureAttributes` writes photo data to (below 文件实体), with the element type expected there. */
const CAPTURED: readonly (readonly [string, string])[] = [
  ['时间.摄影时间', 'dateTime'],
  ['拍摄位置.GPS版本', 'string'],
  ['拍摄位置.纬度基准', 'enum'],
  ['拍摄位置.纬度', 'decimal'],
  ['拍摄位置.经度基准', 'enum'],
  ['拍摄位置.经度', 'decimal'],
  ['拍摄位置.海拔基准', 'enum'],
  ['拍摄位置.海拔', 'decimal'],
  ['拍摄位置.方向基准', 'enum'],
  ['拍摄位置.镜头方向', 'decimal'],
  ['拍摄位置.国际协调时间', 'string'],
  ['捕获设备.设备类型', 'string'],
  ['捕获设备.设备制造商', 'string'],
  ['捕获设备.设备型号', 'string'],
  ['捕获设备.设备序列号', 'string'],
  ['捕获设备.设备感光器', 'string'],
  ['软件.软件名称', 'string'],
  ['图像参数.图像宽度', 'positiveInteger'],
  ['图像参数.图像高度', 'positiveInteger'],
  ['图像参数.水平分辨率', 'decimal'],
  ['图像参数.垂直分辨率', 'decimal'],
  ['图像参数.色彩空间', 'enum'],
  ['图像参数.位深度', 'positiveInteger'],
  ['图像参数.每样本位数', 'string'],
  ['图像参数.每像素样本数', 'positiveInteger'],
  ['图像参数.字节序', 'string'],
  ['图像参数.方向', 'integer'],
  ['图像参数.压缩方案', 'string'],
  ['图像参数.YCbCr二次采样', 'string'],
];

function elementAt(path: string) {
  const { paths, byId } = schemeIndex(dat54);
  const want = `文件实体.${path}`;
  for (const [id, p] of paths) if (p.join('.') === want) return byId.get(id);
  return undefined;
}

describe('dat54 table (DA/T 54-2014, provisional numbering)', () => {
  it('never claims the standard’s numbers', () => {
    expect(dat54.elements.every((e) => !('number' in e))).toBe(true);
    for (const e of dat54.elements) expect(e.id, e.id).toMatch(/^(E:.+|DAT54:([1-9][0-9]*|软件))$/);
    expect(dat54.description).toContain('不是标准编号');
    for (const e of dat54.elements) expect(e.confidence.numberAndName, e.id).not.toBe('high');
  });

  it('keeps the implementer’s order: DAT54:n rise through the table, within 1–135', () => {
    const ns = dat54.elements.flatMap((e) => {
      const m = /^DAT54:([0-9]+)$/.exec(e.id);
      return m === null ? [] : [Number(m[1])];
    });
    expect(ns[0]).toBe(1);
    expect(ns.at(-1)).toBe(135);
    for (let i = 1; i < ns.length; i++) expect(ns[i]).toBeGreaterThan(ns[i - 1] ?? 0);
  });

  it('makes 题名 the only mandatory element below the roots; the rest are unknown', () => {
    const mandatory = dat54.elements.filter((e) => 'parent' in e && e.obligation.kind === '必选');
    expect(mandatory.map((e) => e.key)).toEqual(['题名']);
    for (const e of dat54.elements) {
      if ('parent' in e && e.key !== '题名') expect(e.confidence.obligation, e.id).toBe('unknown');
    }
  });

  it('has every path captureAttributes writes, with a matching type', () => {
    for (const [path, type] of CAPTURED) {
      const e = elementAt(path);
      expect(e, path).toBeDefined();
      expect(e?.type, path).toBe(type);
    }
    expect(elementAt('软件.软件类型')?.id).toBe('DAT54:46');
    expect(elementAt('格式.格式转换于')?.id).toBe('DAT54:68');
  });

  it('places the other entities as the notes group them', () => {
    const { paths } = schemeIndex(dat54);
    expect(paths.get('DAT54:7')).toEqual(['文件实体', '题名']);
    expect(paths.get('DAT54:115')).toEqual(['业务实体', '文件业务', '处置历史', '处置时间']);
    expect(paths.get('DAT54:121')).toEqual(['业务实体', '职能业务', '业务结束时间']);
    expect(paths.get('DAT54:126')).toEqual(['机构人员实体', '机构人员名称']);
    expect(paths.get('DAT54:128')).toEqual(['授权实体', '授权标识符']);
    expect(paths.get('DAT54:135')).toEqual(['实体关系', '实体关系']);
  });

  it('uses 件/组 for 聚合层次 and the open colour-space list', () => {
    const find = (id: string): MetadataElement | undefined => dat54.elements.find((e) => e.id === id);
    expect(find('DAT54:5')?.domain).toEqual({ enum: ['件', '组'] });
    expect(find('DAT54:74')?.domain).toEqual({ enum: ['sRGB', 'AdobeRGB', 'ProPhoto RGB'], open: true });
  });

  it('derives the record type from the table', () => {
    expectTypeOf<Record54['文件实体']['题名']>().toEqualTypeOf<string>();
    expectTypeOf<RecordPart<typeof dat54, 'DAT54:19'>['纬度']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RecordPart<typeof dat54, 'DAT54:69'>['色彩空间']>().toEqualTypeOf<
      'sRGB' | 'AdobeRGB' | 'ProPhoto RGB' | (string & {}) | undefined
    >();
    expectTypeOf<Record54['文件实体']['聚合层次']>().toEqualTypeOf<'件' | '组' | undefined>();
    expectTypeOf<Record54['文件实体']['编码数字签名']>().toEqualTypeOf<
      | readonly {
          readonly 签名格式描述?: string;
          readonly 签名时间?: string;
          readonly 签名者?: string;
          readonly 签名?: string;
          readonly 证书?: string;
          readonly 证书引证?: string;
          readonly 签名算法?: string;
        }[]
      | undefined
    >();
  });

  it('accepts what captureAttributes produces, container by container', () => {
    type File54 = Record54['文件实体'];
    expectTypeOf<NonNullable<PhotoAttributes['时间']>>().toExtend<NonNullable<File54['时间']>>();
    expectTypeOf<NonNullable<PhotoAttributes['拍摄位置']>>().toExtend<NonNullable<File54['拍摄位置']>>();
    expectTypeOf<NonNullable<PhotoAttributes['捕获设备']>>().toExtend<NonNullable<File54['捕获设备']>>();
    expectTypeOf<NonNullable<PhotoAttributes['软件']>>().toExtend<NonNullable<File54['软件']>>();
    expectTypeOf<PhotoAttributes['图像参数']>().toExtend<NonNullable<File54['图像参数']>>();
  });
});
