import type { MetadataElement, MetadataScheme } from './model.js';

/**
 * Types derived from a scheme's table (one source of truth): `MetadataRecord<typeof schemes.dat46>` is the
 * typed record a host builds, with the standard's Chinese element names as keys, containers as nested
 * objects, repeatable elements as arrays, and 必选 elements required.
 */

type Rows<S> = S extends MetadataScheme<infer E> ? E[number] : never;

// Roots are the rows without a parent. (`Extract<R, { parent?: undefined }>` would find none: an all-optional
// target is a "weak type", to which a row sharing no property is not assignable.)
type ChildrenOf<R, P> = [P] extends [undefined]
  ? Exclude<R, { readonly parent: string }>
  : Extract<R, { readonly parent: P }>;

type Mandatory<R> = Extract<R, { readonly obligation: { readonly kind: '必选' } }>;

/** The value of one simple element of row `E`. */
export type ElementValue<E> = E extends { readonly type: 'integer' | 'positiveInteger' | 'decimal' }
  ? number
  : E extends {
        readonly type: 'enum';
        readonly domain: { readonly enum: readonly (infer V)[]; readonly open: true };
      }
    ? V | (string & {})
    : E extends { readonly type: 'enum'; readonly domain: { readonly enum: readonly (infer V)[] } }
      ? V
      : string;

type Value<R, E> = E extends { readonly type: 'container'; readonly id: infer Id }
  ? ContainerOf<R, Id>
  : ElementValue<E>;

type Slot<R, E> = E extends { readonly repeatable: true } ? readonly Value<R, E>[] : Value<R, E>;

type Expand<T> = T extends object ? { [K in keyof T]: T[K] } : T;

type ContainerOf<R, P> = Expand<
  {
    readonly [E in Mandatory<ChildrenOf<R, P>> as E extends { readonly key: infer K extends string }
      ? K
      : never]: Slot<R, E>;
  } & {
    readonly [E in Exclude<ChildrenOf<R, P>, Mandatory<R>> as E extends {
      readonly key: infer K extends string;
    }
      ? K
      : never]?: Slot<R, E>;
  }
>;

/**
 * The record type of a scheme: what `validateRecord` accepts without structural findings.
 *
 * @example
 * type 文书记录 = MetadataRecord<typeof schemes.dat46>;
 * const r: 文书记录 = validateRecord(JSON.parse(text), schemes.dat46);
 * r.文件实体.内容描述.题名; // string (M22 题名 is mandatory)
 */
export type MetadataRecord<S extends MetadataScheme> = ContainerOf<Rows<S>, undefined>;

/** The record type below one container of a scheme, e.g. `RecordPart<typeof schemes.dat46, 'M21'>` (内容描述). */
export type RecordPart<S extends MetadataScheme, ContainerId extends string> = ContainerOf<
  Rows<S>,
  ContainerId
>;

/** Any record: JSON-like values under string keys (what validation takes before it is known to be valid). */
export type UnknownRecord = { readonly [key: string]: unknown };

/** Ids of a scheme's elements, for autocompletion in `extendScheme` and conditions. */
export type ElementId<S extends MetadataScheme> =
  Rows<S> extends infer E extends MetadataElement ? E['id'] : never;
