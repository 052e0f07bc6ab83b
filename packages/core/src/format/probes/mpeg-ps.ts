import { hasBytes } from '../binary.js';
import type { Probe } from './probe.js';

/**
 * MPEG program stream: pack start code `00 00 01 BA`; the next byte's marker bits tell MPEG-1
 * (`0010xxxx`, PRONOM x-fmt/385) from MPEG-2 (`01xxxxxx`, x-fmt/386).
 */
export const probeMpegPs: Probe = async ({ head }) => {
  if (!hasBytes(head, [0x00, 0x00, 0x01, 0xba]) || head.length < 5) return undefined;
  const b = head[4]!;
  if ((b & 0xc0) === 0x40) return { id: 'mpeg-ps', version: '2', pronom: 'x-fmt/386' };
  if ((b & 0xf0) === 0x20) return { id: 'mpeg-ps', version: '1', pronom: 'x-fmt/385' };
  return undefined;
};
