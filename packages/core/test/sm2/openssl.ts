import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether an `openssl` with SM2 support is on the PATH (probed once). */
export const opensslVersion: string | undefined = (() => {
  const probe = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  if (probe.status !== 0) return undefined;
  const curves = spawnSync('openssl', ['ecparam', '-list_curves'], { encoding: 'utf8' });
  return curves.status === 0 && /\bSM2\b/.test(curves.stdout) ? probe.stdout.trim() : undefined;
})();

/**
 * Why the OpenSSL interop tests cannot run, or `undefined` when they can. Under CI the tests run anyway and
 * fail (a missing openssl must not silently turn interop coverage off); elsewhere they are skipped with
 * this reason in their title.
 */
export const opensslMissing: string | undefined =
  opensslVersion === undefined ? 'openssl with SM2 support not found on PATH' : undefined;

/** Runs openssl; returns stdout. Throws with stderr on a non-zero exit. */
export function openssl(args: readonly string[], options: { cwd?: string; input?: Uint8Array } = {}): string {
  if (opensslVersion === undefined) throw new Error(`interop test needs openssl: ${opensslMissing}`);
  return execFileSync('openssl', args, {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Runs openssl and reports only whether it exited 0. */
export function opensslSucceeds(args: readonly string[], cwd: string): boolean {
  if (opensslVersion === undefined) throw new Error(`interop test needs openssl: ${opensslMissing}`);
  return spawnSync('openssl', args, { cwd, encoding: 'utf8' }).status === 0;
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dangan-sm2-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The hex of a key field (`priv:` or `pub:`) in `openssl pkey -text` output. */
export function opensslKeyField(text: string, field: 'priv' | 'pub'): string {
  const match = new RegExp(`${field}:\\n((?:\\s+[0-9a-f:]+\\n)+)`).exec(text);
  if (match === null) throw new Error(`no ${field} in openssl output:\n${text}`);
  return match[1]!.replace(/[\s:]/g, '');
}
