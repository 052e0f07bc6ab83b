import { hasBytes, latin1 } from '../binary.js';
import type { Probe } from './probe.js';

/** RTF: `{\rtf` and its major version; the ANSI code page (`\ansicpg936` for GBK) when declared early. */
export const probeRtf: Probe = async ({ head }) => {
  if (!hasBytes(head, '{\\rtf')) return undefined;
  const text = latin1(head, 0, 4096);
  const version = /^\{\\rtf(\d+)/.exec(text)?.[1];
  const codePage = /\\ansicpg(\d+)/.exec(text)?.[1];
  return { id: 'rtf', version, details: { codePage: codePage === undefined ? undefined : Number(codePage) } };
};
