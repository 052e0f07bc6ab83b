import { type CliIo, nodeIo } from '../../src/index.js';

/**
 * The real file system with stdout and stderr captured. stderr is not a terminal unless `tty` (then progress
 * bars are drawn into the captured stderr).
 */
export function capture(options: { readonly tty?: boolean } = {}): {
  io: CliIo;
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  const real = nodeIo();
  return {
    io: {
      ...real,
      stderrIsTTY: options.tty ?? false,
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
