import { type CliIo, nodeIo } from '../../src/index.js';

/** The real file system with stdout and stderr captured. */
export function capture(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const real = nodeIo();
  return {
    io: {
      ...real,
      stdout: (t) => {
        out += t;
      },
      stderr: (t) => {
        err += t;
      },
    },
    out: () => out,
    err: () => err,
  };
}
