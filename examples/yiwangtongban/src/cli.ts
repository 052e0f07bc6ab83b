/** Command line of the demo: `pnpm demo [-- --out <dir>] [--lang en]`. */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Language of the printed lines and the reports. */
export type Lang = 'zh' | 'en';

/** What the demo was asked to do. */
export interface DemoOptions {
  /** Absolute folder for the packages and reports (created). */
  readonly outDir: string;
  /** Language of the printed lines and the HTML reports. */
  readonly lang: Lang;
}

/**
 * Reads `--out <dir>` (relative to where `pnpm` was run: pnpm sets `INIT_CWD`) and `--lang zh|en`; without
 * `--out`, a new folder under the system's temporary directory. `pnpm demo -- --out x` may pass the `--`
 * through, so it is ignored.
 */
export async function readOptions(argv: readonly string[], env = process.env): Promise<DemoOptions> {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: { out: { type: 'string' }, lang: { type: 'string', default: 'zh' } },
    allowPositionals: false,
  });
  if (values.lang !== 'zh' && values.lang !== 'en') throw new RangeError('--lang must be zh or en');
  const callerDir = env.INIT_CWD ?? process.cwd();
  const outDir =
    values.out === undefined
      ? await mkdtemp(join(tmpdir(), 'dangan-ywtb-demo-'))
      : resolve(callerDir, values.out);
  await mkdir(outDir, { recursive: true });
  return { outDir, lang: values.lang };
}
