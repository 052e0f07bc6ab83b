/**
 * A private clamd for the tests: scripts/clamd/setup.sh installs clamav-daemon when missing and writes our own
 * EICAR-only database and a clamd.conf; `start()` spawns clamd in the foreground and waits until it answers PING;
 * `stop()` ends it and removes its directory. Nothing is left running.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clamavScanner } from '../../src/node/clamav.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The EICAR test file (68 bytes), assembled at run time so no file in the repository holds it. */
export function eicar(): Uint8Array {
  const parts = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$EIC', 'AR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'];
  return new TextEncoder().encode(parts.join(''));
}

/** A port nothing listens on (bound, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  await new Promise<void>((ok) => server.close(() => ok()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

export interface ClamdSetup {
  readonly dir: string;
  readonly socket: string;
  readonly port: number;
  readonly clamd: string;
}

export type Prepared =
  | { readonly ok: true; readonly setup: ClamdSetup }
  | { readonly ok: false; readonly reason: string };

/**
 * Runs scripts/clamd/setup.sh for a fresh directory (installing clamav-daemon with apt when missing and
 * possible). `ok: false` only when clamd cannot be installed here (setup.sh exit 3); any other failure throws.
 */
export async function prepareClamd(options: { streamMax: string }): Promise<Prepared> {
  const dir = runDir();
  const port = await freePort();
  const { code, output } = await run('bash', [join(repo, 'scripts/clamd/setup.sh')], {
    DANGAN_CLAMD_DIR: dir,
    DANGAN_CLAMD_STREAM_MAX: options.streamMax,
    DANGAN_CLAMD_TCP_PORT: String(port),
  });
  if (code === 3) {
    rmSync(dir, { recursive: true, force: true });
    return { ok: false, reason: output.trim() };
  }
  if (code !== 0) throw new Error(`scripts/clamd/setup.sh failed (${String(code)}):\n${output}`);
  const clamd =
    ['/usr/sbin/clamd', '/usr/local/sbin/clamd', '/usr/bin/clamd'].find((p) => existsSync(p)) ?? 'clamd';
  return { ok: true, setup: { dir, socket: join(dir, 'clamd.sock'), port, clamd } };
}

/** A running clamd started by {@link startClamd}. */
export interface RunningClamd {
  stop(): Promise<void>;
}

/** Spawns clamd with the setup's clamd.conf and waits (up to `waitMs`) until it answers PING on its socket. */
export async function startClamd(setup: ClamdSetup, waitMs = 90_000): Promise<RunningClamd> {
  const child = spawn(setup.clamd, [`--config-file=${join(setup.dir, 'clamd.conf')}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-4000);
  });
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `clamd exited (${String(code ?? signal)})`;
  });
  child.on('error', (error) => {
    exited = `clamd could not be started: ${error.message}`;
  });
  const running: RunningClamd = { stop: () => stopChild(child, setup.dir) };
  const scanner = clamavScanner({ socket: setup.socket, connectTimeoutMs: 1000, timeoutMs: 5000 });
  const deadline = Date.now() + waitMs;
  while (!(await scanner.ping())) {
    if (exited !== undefined || Date.now() > deadline) {
      await running.stop();
      throw new Error(
        `${exited ?? `clamd did not answer PING within ${waitMs} ms`}\n${stderr}${logTail(setup.dir)}`,
      );
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return running;
}

async function stopChild(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    const gone = new Promise<void>((ok) => child.once('exit', () => ok()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }
  rmSync(dir, { recursive: true, force: true });
}

function logTail(dir: string): string {
  try {
    return readFileSync(join(dir, 'clamd.log'), 'utf8').slice(-2000);
  } catch {
    return '';
  }
}

/** A fresh directory under <repo>/.cache/clamd (or the system temp dir when a socket path there would be too long). */
function runDir(): string {
  const name = `vitest-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  let base = join(repo, '.cache', 'clamd');
  if (join(base, name, 'clamd.sock').length > 100) base = join(tmpdir(), 'dangan-clamd');
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString('utf8');
    });
    child.on('error', fail);
    child.on('close', (code) => ok({ code, output }));
  });
}
