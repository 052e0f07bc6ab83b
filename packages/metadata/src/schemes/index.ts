import { dat46 } from './dat46.js';

/**
 * The metadata schemes dangan ships, as data: `dat46` (文书类, DA/T 46-2009).
 *
 * @example
 * schemes.dat46.elements.length; // 88 numbered elements plus entity roots and DA/T 48 identifiers
 */
export const schemes = { dat46 } as const;

export { dat46 };
