import { type MetadataElement, type MetadataRecord, schemeIndex, schemes } from '@dangan/metadata';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AudioVisualAttributes } from '../../src/capture/types.js';

const { dat63 } = schemes;
type Record63 = MetadataRecord<typeof dat63>;
const find = (id: string): MetadataElement | undefined => dat63.elements.find((e) => e.id === id);

describe('dat63 table (DA/T 63-2017, mostly provisional)', () => {
  it('numbers exactly the anchored elements M7, M83, M87, M88 and M93, with high confidence', () => {
    const numbered = dat63.elements.filter((e) => 'number' in e);
    expect(numbered.map((e) => [e.number, e.name])).toEqual([
      ['M7', '题名'],
      ['M83', '管理活动标识符'],
      ['M87', '关联实体标识符'],
      ['M88', '机构人员标识符'],
      ['M93', '授权标识符'],
    ]);
    for (const e of numbered) expect(e.confidence.numberAndName, e.id).toBe('high');
  });

  it('gives everything else a provisional DAT63:<group>-<n> id (or E:/DANGAN:) and never high confidence', () => {
    for (const e of dat63.elements) {
      if ('number' in e) continue;
      expect(e.id).toMatch(/^(E:.+|DANGAN:.+|DAT63:[a-z]+-[1-9][0-9]*)$/);
      if (e.id.startsWith('DAT63:')) expect(e.confidence.numberAndName, e.id).not.toBe('high');
    }
    expect(dat63.description).toContain('不是标准编号');
  });

  it('records M83 as 条件选 (when the business entity is used), 不可重复, 字符型', () => {
    const m83 = find('M83');
    expect(m83?.obligation).toEqual({
      kind: '条件选',
      condition: '业务实体被选用时必选',
      when: { present: 'E:业务实体' },
    });
    expect(m83?.repeatable).toBe(false);
    expect(m83?.type).toBe('string');
    expect(schemeIndex(dat63).paths.get('M83')).toEqual(['业务实体', '管理活动', '管理活动标识符']);
  });

  it('puts the audio/video technical elements under 文件实体 with the keys captureAttributes writes', () => {
    const { paths, byId } = schemeIndex(dat63);
    const at = (path: string) => {
      for (const [id, p] of paths) if (p.join('.') === `文件实体.${path}`) return byId.get(id);
      return undefined;
    };
    const expected: readonly (readonly [string, string])[] = [
      ['时间长度', 'string'],
      ['时长秒', 'decimal'],
      ['总帧数', 'integer'],
      ['视频参数.视频编码标准', 'string'],
      ['视频参数.色彩空间', 'string'],
      ['视频参数.分辨率', 'string'],
      ['视频参数.帧率', 'decimal'],
      ['视频参数.视频比特率', 'integer'],
      ['视频参数.色度采样率', 'string'],
      ['视频参数.视频量化位数', 'positiveInteger'],
      ['视频参数.画面高宽比', 'string'],
      ['音频参数.音频编码标准', 'enum'],
      ['音频参数.音频比特率', 'integer'],
      ['音频参数.音频采样率', 'integer'],
      ['音频参数.音频量化位数', 'positiveInteger'],
      ['音频参数.声道', 'positiveInteger'],
    ];
    for (const [path, type] of expected) expect(at(path)?.type, path).toBe(type);
    expect(at('时长秒')?.id).toBe('DANGAN:时长秒');
    expect(at('时长秒')?.note).toContain('dangan 扩展');
  });

  it('checks 时间长度 as hh:mm:ss and 分辨率 as width×height', () => {
    const duration = new RegExp(find('DAT63:time-5')?.domain?.pattern ?? '(?!)', 'u');
    for (const ok of ['00:00:00', '01:02:03', '123:59:59']) expect(duration.test(ok), ok).toBe(true);
    for (const bad of ['1:02:03', '01:60:00', '01:02', '01:02:03.5'])
      expect(duration.test(bad), bad).toBe(false);
    const resolution = new RegExp(find('DAT63:video-4')?.domain?.pattern ?? '(?!)', 'u');
    for (const ok of ['1920×1080', '720x576']) expect(resolution.test(ok), ok).toBe(true);
    for (const bad of ['1920*1080', '×1080', '0×0']) expect(resolution.test(bad), bad).toBe(false);
  });

  it('lists the vendor audio codecs as an open domain and the sampling rate in Hz', () => {
    expect(find('DAT63:audio-2')?.domain).toEqual({
      enum: ['PCM', 'MPEG-1 Layer', 'MPEG-4 ALS', 'AAC', 'HE-AAC', 'OGG', 'APE', 'FLAC'],
      open: true,
    });
    expect(find('DAT63:audio-4')?.definition).toContain('Hz');
  });

  it('derives the record type from the table', () => {
    expectTypeOf<Record63['文件实体']['题名']>().toEqualTypeOf<string>();
    expectTypeOf<Record63['文件实体']['时长秒']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<NonNullable<Record63['文件实体']['音频参数']>['声道']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<NonNullable<Record63['业务实体']>['管理活动']>().toEqualTypeOf<
      | readonly {
          readonly 管理活动标识符?: string;
          readonly 管理行为?: string;
          readonly 行为时间?: string;
          readonly 行为描述?: string;
          readonly 关联实体标识符?: string;
        }[]
      | undefined
    >();
  });

  it('accepts what captureAttributes produces for audio and video', () => {
    type Technical = Pick<Record63['文件实体'], '时间长度' | '时长秒' | '总帧数' | '视频参数' | '音频参数'>;
    expectTypeOf<AudioVisualAttributes>().toExtend<Technical>();
  });
});
