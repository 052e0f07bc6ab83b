import type { MetadataScheme } from '../scheme/model.js';
import { dat46 } from './dat46.js';
import { dat54 } from './dat54.js';
import { dat63 } from './dat63.js';
import { ywtb } from './ywtb.js';

/**
 * The metadata schemes dangan ships, as data: `dat46` (文书类, DA/T 46-2009), `dat54` (照片类, DA/T 54-2014,
 * provisional numbering), `dat63` (录音录像类, DA/T 63-2017, mostly provisional) and `ywtb` (一网通办 办件
 * profile on top of DA/T 46, provisional).
 *
 * @example
 * schemes.dat46.elements.length; // 88 numbered elements plus entity roots and DA/T 48 identifiers
 * schemes.ywtb.elements.some((e) => e.id === 'YW-事项编码'); // true
 */
export const schemes = { dat46, dat54, dat63, ywtb } as const;

export { dat46, dat54, dat63, ywtb };

/**
 * The shipped scheme with this id (内置元数据方案: `dat46`, `dat54`, `dat63`, `ywtb`), or `undefined` for no id
 * or one dangan does not ship (a host's own scheme is passed as an object instead).
 *
 * @example
 * schemeById('ywtb') === schemes.ywtb; // true
 * schemeById('toString'); // undefined
 */
export function schemeById(id: string | undefined): MetadataScheme | undefined {
  return id !== undefined && Object.hasOwn(schemes, id)
    ? (schemes as Readonly<Record<string, MetadataScheme>>)[id]
    : undefined;
}
