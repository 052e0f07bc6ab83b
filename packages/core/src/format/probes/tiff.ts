import { firstIfdOffset, readIfd, tiffLayout } from '../tiff-ifd.js';
import type { Probe } from './probe.js';

/**
 * TIFF (`II*\0`, `MM\0*`) and BigTIFF (`II+\0`, `MM\0+`): width, height, bits per sample and compression
 * from the first IFD, and whether an EXIF IFD (tag 34665) is present.
 */
export const probeTiff: Probe = async ({ reader, head }) => {
  const layout = tiffLayout(head);
  if (layout === undefined) return undefined;
  const ifd = await readIfd((o, n) => reader.read(o, n), firstIfdOffset(head, layout), layout);
  const read = ifd.size > 0;
  return {
    id: layout.big ? 'bigtiff' : 'tiff',
    pronom: layout.big ? undefined : 'fmt/353',
    flags: { exif: read ? ifd.has(34665) : undefined },
    details: {
      width: ifd.get(256)?.value,
      height: ifd.get(257)?.value,
      bitDepth: ifd.get(258)?.count === 1 ? ifd.get(258)?.value : undefined,
      compression: ifd.get(259)?.value,
    },
  };
};
