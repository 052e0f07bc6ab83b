/**
 * @dangan/cli — the `dangan` command: a thin shell over the dangan packages.
 *
 * @module
 */
export { runCli } from './cli.js';
export { type CliIo, EXIT, type GlobalOptions } from './io.js';
export { nodeIo } from './node-io.js';
export { VERSION } from './version.js';
