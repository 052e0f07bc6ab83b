import type { XmlElementEvent } from '@dangan/core';
import type { ChildBinding, ContainerBinding } from './binding.js';
import { DAT48_NAMESPACE } from './namespaces.js';
import type { ReadContext } from './read-context.js';
import { CollectFrame, ContainerFrame, type Frame, openElement, SKIP } from './read-frames.js';

type Obj = Record<string, unknown>;

/** What an EEP holds besides 文件实体's own elements, gathered while reading and mapped at the end. */
export interface EepParts {
  readonly record: Obj;
  /** 编码/电子属性, in document order. */
  readonly attributes: Obj[];
  /** 编码/数字化属性, in document order. */
  readonly scans: Obj[];
  /** 文件实体/信息系统描述 (DA/T 46 has it in 电子属性). */
  readonly systems: string[];
  /** 文档/文档序号 (DA/T 46 has it in 档号). */
  readonly sequences: string[];
}

/** What each EEP structural element may hold: skip it, descend into it, or read a record part from it. */
type Step = 'skip' | 'descend' | ((ctx: ReadContext, parts: EepParts, e: XmlElementEvent) => Frame);

const item =
  (key: string) =>
  (ctx: ReadContext, parts: EepParts, e: XmlElementEvent): Frame => {
    const child = ctx.root.byKey.get(key);
    if (child === undefined) {
      notMapped(ctx, e, `方案 ${ctx.scheme.id} 没有 ${key}`, `scheme ${ctx.scheme.id} has no ${key}`);
      return SKIP;
    }
    return openElement(ctx, child, parts.record, e);
  };

const fileEntity = (
  ctx: ReadContext,
  parts: EepParts,
  e: XmlElementEvent,
  onEnd?: () => void | Promise<void>,
): Frame => {
  const child = ctx.root.byKey.get('文件实体');
  if (child === undefined || parts.record[child.key] !== undefined) {
    if (child === undefined) ctx.unknown(e, ctx.root);
    else
      ctx.report(
        'METADATA_XML_DUPLICATE',
        'error',
        '封装包中有多个文件实体',
        'The EEP holds more than one 文件实体',
        e,
      );
    return SKIP;
  }
  ctx.countElement(e);
  const value: Obj = {};
  parts.record[child.key] = value;
  return new EepFileEntityFrame(ctx, parts, ctx.binding.container(child.element.id), value, onEnd);
};

const part =
  (key: '电子属性' | '数字化属性', into: (parts: EepParts) => Obj[]) =>
  (ctx: ReadContext, parts: EepParts, e: XmlElementEvent): Frame => {
    const child = fileChild(ctx, key);
    if (child === undefined) {
      notMapped(
        ctx,
        e,
        `方案 ${ctx.scheme.id} 的文件实体没有 ${key}`,
        `scheme ${ctx.scheme.id} has no 文件实体/${key}`,
      );
      return SKIP;
    }
    ctx.countElement(e);
    const value: Obj = {};
    into(parts).push(value);
    return new ContainerFrame(ctx, ctx.binding.container(child.element.id), value);
  };

const content: Readonly<Record<string, Step>> = {
  文件实体块: 'descend',
  业务实体块: 'descend',
  机构人员实体块: 'descend',
};

let steps: Readonly<Record<string, Readonly<Record<string, Step>>>> | undefined;

/** The steps of each EEP structural element, built on first use. */
const eepSteps = (): Readonly<Record<string, Readonly<Record<string, Step>>>> => ({
  电子文件封装包: {
    封装包格式描述: 'skip',
    版本: 'skip',
    被签名对象: 'descend',
    电子签名块: 'skip',
    锁定签名: 'skip',
  },
  被签名对象: {
    封装包类型: 'skip',
    封装包类型描述: 'skip',
    封装包创建时间: 'skip',
    封装包创建单位: 'skip',
    封装内容: 'descend',
    修改封装内容: 'descend',
  },
  封装内容: content,
  // 修改型: the current content is in 修订内容; 原封装包 is the earlier layer, kept for its signatures.
  修改封装内容: { 修改标识符: 'skip', 原封装包: 'skip', 修订内容: 'descend' },
  修订内容: content,
  文件实体块: { 文件实体: fileEntity, 文件实体关系: item('实体关系') },
  业务实体块: { 业务实体: item('业务实体') },
  机构人员实体块: {
    机构人员实体: item('机构人员实体'),
    机构人员实体关系: (ctx, _parts, e) => {
      notMapped(ctx, e, 'DA/T 46 记录中没有机构人员实体关系', 'a DA/T 46 record has no agent relations');
      return SKIP;
    },
  },
  文件数据: { 文档: 'descend' },
  文档: {
    文档标识符: 'skip',
    文档序号: (ctx, parts) => new CollectFrame(ctx, parts.sequences),
    文档主从声明: 'skip',
    题名: 'skip',
    文档数据: 'descend',
  },
  文档数据: { 编码: 'descend' },
  编码: {
    电子属性: part('电子属性', (p) => p.attributes),
    数字化属性: part('数字化属性', (p) => p.scans),
    编码描述: 'skip',
    反编码关键字: 'skip',
    编码数据: 'skip', // Base64 content: its text is dropped piece by piece, never buffered
  },
});

function notMapped(ctx: ReadContext, e: XmlElementEvent, zh: string, en: string): void {
  ctx.report(
    'METADATA_XML_NOT_MAPPED',
    'warning',
    `<${e.name}> 在记录中没有位置（${zh}），已忽略`,
    `<${e.name}> has no place in the record (${en}) and was ignored`,
    e,
  );
}

function fileChild(ctx: ReadContext, key: string): ChildBinding | undefined {
  const top = ctx.root.byKey.get('文件实体');
  return top === undefined ? undefined : ctx.binding.container(top.element.id).byKey.get(key);
}

/** An element of the EEP's own structure (电子文件封装包, 被签名对象, 封装内容, 文档, 编码 …). */
export class EepFrame implements Frame {
  readonly #ctx: ReadContext;
  readonly #parts: EepParts;
  readonly #steps: Readonly<Record<string, Step>>;
  readonly #onEnd: (() => void | Promise<void>) | undefined;

  constructor(ctx: ReadContext, parts: EepParts, name: string, onEnd?: () => void | Promise<void>) {
    this.#ctx = ctx;
    this.#parts = parts;
    steps ??= eepSteps();
    this.#steps = steps[name] ?? {};
    this.#onEnd = onEnd;
  }

  child(e: XmlElementEvent): Frame {
    const step = Object.hasOwn(this.#steps, e.local) ? this.#steps[e.local] : undefined;
    if (step === undefined || (e.uri !== DAT48_NAMESPACE && !this.#ctx.ignoreNamespaces)) {
      this.#ctx.report(
        'METADATA_XML_UNKNOWN_ELEMENT',
        'error',
        `DA/T 48 封装包的此处不应有元素 <${e.name}>${e.uri === DAT48_NAMESPACE ? '' : `（命名空间 ${e.uri || '无'}）`}`,
        `DA/T 48 does not allow <${e.name}> here${e.uri === DAT48_NAMESPACE ? '' : ` (namespace ${e.uri || 'none'})`}`,
        e,
      );
      return SKIP;
    }
    if (step === 'skip') return SKIP;
    if (step === 'descend') return new EepFrame(this.#ctx, this.#parts, e.local);
    return step(this.#ctx, this.#parts, e);
  }

  text(): void {}

  end(): void | Promise<void> {
    return this.#onEnd?.();
  }
}

/** DA/T 48's 文件实体: the scheme's 文件实体 plus the EEP's 信息系统描述 and 文件数据. */
export class EepFileEntityFrame extends ContainerFrame {
  readonly #parts: EepParts;

  constructor(
    ctx: ReadContext,
    parts: EepParts,
    container: ContainerBinding,
    value: Obj,
    onEnd?: () => void | Promise<void>,
  ) {
    super(ctx, container, value, onEnd);
    this.#parts = parts;
  }

  override child(e: XmlElementEvent): Frame {
    if (!this.container.byLocal.has(e.local) && (e.uri === DAT48_NAMESPACE || this.ctx.ignoreNamespaces)) {
      if (e.local === '信息系统描述') return new CollectFrame(this.ctx, this.#parts.systems);
      if (e.local === '文件数据') return new EepFrame(this.ctx, this.#parts, '文件数据');
    }
    return super.child(e);
  }
}

/** Starts reading an EEP (root 电子文件封装包) or a bare DA/T 48 文件实体 into a new record. */
export function eepRoot(
  ctx: ReadContext,
  e: XmlElementEvent,
  onRecord: (record: Obj) => void | Promise<void>,
): Frame {
  const parts: EepParts = { record: {}, attributes: [], scans: [], systems: [], sequences: [] };
  const finish = () => {
    mapEepParts(ctx, parts, e);
    return onRecord(parts.record);
  };
  if (e.local === '文件实体') return fileEntity(ctx, parts, e, finish);
  return new EepFrame(ctx, parts, e.local, finish);
}

/** Puts what the EEP keeps outside 文件实体's elements back where DA/T 46 has it. */
function mapEepParts(ctx: ReadContext, parts: EepParts, e: XmlElementEvent): void {
  const top = ctx.root.byKey.get('文件实体');
  const file = top === undefined ? undefined : (parts.record[top.key] as Obj | undefined);
  if (top === undefined || file === undefined) return;
  const fileBinding = ctx.binding.container(top.element.id);
  // 电子属性: one per 编码, in document order.
  const attributes = fileBinding.byKey.get('电子属性');
  let items: Obj[] = [];
  if (attributes !== undefined) {
    const existing = file[attributes.key];
    const before =
      existing === undefined ? [] : attributes.repeatable ? (existing as Obj[]) : [existing as Obj];
    items = [...before, ...parts.attributes];
    if (items.length > 0) {
      if (attributes.repeatable) file[attributes.key] = items;
      else {
        file[attributes.key] = items[0];
        if (items.length > 1)
          notMapped(
            ctx,
            e,
            `方案的电子属性不可重复，只保留第一个`,
            `the scheme's 电子属性 is not repeatable; the first was kept`,
          );
      }
    }
  }
  // 信息系统描述: DA/T 48 lists it under 文件实体; DA/T 46 has one per 电子属性.
  if (parts.systems.length > 0) {
    const system =
      attributes === undefined
        ? undefined
        : ctx.binding.container(attributes.element.id).byKey.get('信息系统描述');
    if (system === undefined || items.length === 0) {
      notMapped(ctx, e, '没有电子属性可以承载信息系统描述', 'no 电子属性 to hold 信息系统描述');
    } else {
      const set = (item: Obj, value: string) => {
        if (item[system.key] === undefined) item[system.key] = system.repeatable ? [value] : value;
      };
      if (parts.systems.length === 1) for (const item of items) set(item, parts.systems[0]!);
      else {
        items.forEach((item, i) => {
          if (i < parts.systems.length) set(item, parts.systems[i]!);
        });
        if (parts.systems.length !== items.length) {
          notMapped(
            ctx,
            e,
            `${parts.systems.length} 个信息系统描述对应 ${items.length} 个电子属性，按顺序对应`,
            `${parts.systems.length} 信息系统描述 for ${items.length} 电子属性, matched in order`,
          );
        }
      }
    }
  }
  // 数字化属性: DA/T 48 has one per 编码; DA/T 46 one per 件.
  if (parts.scans.length > 0) {
    const scans = fileBinding.byKey.get('数字化属性')!;
    if (scans.repeatable) {
      const existing = (file[scans.key] as Obj[] | undefined) ?? [];
      file[scans.key] = [...existing, ...parts.scans];
    } else {
      if (file[scans.key] === undefined) file[scans.key] = parts.scans[0];
      const first = JSON.stringify(file[scans.key]);
      if (parts.scans.some((s) => JSON.stringify(s) !== first)) {
        notMapped(
          ctx,
          e,
          '各编码的数字化属性不同，只保留一个',
          'the 编码 differ in 数字化属性; one was kept',
        );
      }
    }
  }
  // 文档序号: DA/T 48 has one per 文档; DA/T 46 has it in 档号.
  if (parts.sequences.length > 0) {
    const code = fileBinding.byKey.get('档号');
    const sequence =
      code === undefined ? undefined : ctx.binding.container(code.element.id).byKey.get('文档序号');
    const holder = code === undefined ? undefined : (file[code.key] as Obj | undefined);
    if (sequence === undefined || holder === undefined || Array.isArray(holder)) {
      notMapped(ctx, e, '方案的档号没有文档序号', "the scheme's 档号 has no 文档序号");
    } else if (holder[sequence.key] === undefined) {
      holder[sequence.key] = sequence.repeatable ? [...parts.sequences] : parts.sequences[0];
    }
  }
}
