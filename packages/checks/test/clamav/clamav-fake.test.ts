/**
 * clamavScanner against stand-in servers: what a real clamd cannot be made to do on demand (hang, stall, lie,
 * vanish), and backpressure measured in bytes, not time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DanganError, isDanganError } from '@dangan/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clamavScanner } from '../../src/node/clamav.js';
import { freePort } from './clamd-fixture.js';

type Handler = (socket: Socket) => void;

const hasPython = process.platform === 'linux' && spawnSync('python3', ['--version']).status === 0;

/** A TCP server on 127.0.0.1 running `handler` for each connection; closed (with its sockets) after each test. */
const servers: { server: Server; sockets: Set<Socket> }[] = [];
async function serve(handler: Handler): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    handler(socket);
  });
  servers.push({ server, sockets });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return address.port;
}

afterEach(async () => {
  for (const { server, sockets } of servers.splice(0)) {
    for (const s of sockets) s.destroy();
    await new Promise<void>((ok) => server.close(() => ok()));
  }
});

/** Parses INSTREAM framing as a server would: calls `onChunk` per chunk, `onEnd` on the zero-length one. */
function instreamReader(onChunk: (length: number) => void, onEnd: () => void): (data: Buffer) => void {
  let buffered = Buffer.alloc(0);
  let commandSeen = false;
  let remaining = 0;
  return (data) => {
    buffered = Buffer.concat([buffered, data]);
    while (true) {
      if (!commandSeen) {
        const nul = buffered.indexOf(0);
        if (nul === -1) return;
        expect(buffered.subarray(0, nul).toString('latin1')).toBe('zINSTREAM');
        buffered = buffered.subarray(nul + 1);
        commandSeen = true;
        continue;
      }
      if (remaining > 0) {
        const take = Math.min(remaining, buffered.length);
        if (take === 0) return;
        remaining -= take;
        buffered = buffered.subarray(take);
        continue;
      }
      if (buffered.length < 4) return;
      const length = buffered.readUInt32BE(0);
      buffered = buffered.subarray(4);
      if (length === 0) {
        onEnd();
        return;
      }
      onChunk(length);
      remaining = length;
    }
  };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dangan-clamav-fake-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('clamavScanner: clamd unreachable gives error, never clean', () => {
  it('a missing socket', async () => {
    const scanner = clamavScanner({ socket: join(dir, 'no-such.sock') });
    const r = await scanner.scan(new Uint8Array([1, 2, 3]), { path: 'content/a.pdf' });
    expect(r.status).toBe('error');
    if (r.status !== 'error') return;
    expect(r.code).toBe('unreachable');
    expect(r.reason).toContain('不存在');
    expect(r.reason).toContain('content/a.pdf');
    expect(r.reason).toContain('未被扫描');
    expect(r.reasonEn).toContain('NOT scanned');
  });

  it('a port nobody listens on', async () => {
    const port = await freePort();
    const scanner = clamavScanner({ host: '127.0.0.1', port });
    const r = await scanner.scan(new Uint8Array([1, 2, 3]));
    expect(r).toMatchObject({ status: 'error', code: 'unreachable' });
    if (r.status === 'error') expect(r.reason).toContain('连接被拒绝');
    expect(await scanner.ping()).toBe(false);
    await expect(scanner.version()).rejects.toSatisfy((e) => isDanganError(e, 'SCANNER_UNAVAILABLE'));
  });

  it('a server that closes without replying', async () => {
    const port = await serve((s) => s.end());
    const r = await clamavScanner({ port }).scan(new Uint8Array(10));
    expect(r.status).toBe('error');
  });

  it('a server that closes while the stream is being sent', async () => {
    let got = 0;
    const port = await serve((s) =>
      s.on('data', (d: Buffer) => {
        got += d.length;
        if (got > 1 << 20) s.destroy();
      }),
    );
    const r = await clamavScanner({ port, maxStreamSize: Infinity }).scan(new Uint8Array(32 << 20));
    expect(r).toMatchObject({ status: 'error', code: 'unreachable' });
  });
});

describe('clamavScanner: timeouts', () => {
  it('a server that takes the stream but never replies', async () => {
    const port = await serve((s) => s.resume());
    const r = await clamavScanner({ port, timeoutMs: 200 }).scan(new Uint8Array(1000), { path: 'x.txt' });
    expect(r).toMatchObject({ status: 'error', code: 'timeout' });
    if (r.status === 'error') expect(r.reason).toContain('超时');
  });

  it('a server that stops reading (the send waits, then times out)', async () => {
    const port = await serve((s) => s.pause());
    const r = await clamavScanner({ port, timeoutMs: 300, maxStreamSize: Infinity }).scan(
      new Uint8Array(64 << 20),
    );
    expect(r).toMatchObject({ status: 'error', code: 'timeout' });
  });

  it.skipIf(!hasPython)('a connect that never completes (a full accept queue) times out', async () => {
    // A listener with backlog 0 that never accepts: Linux queues one connection, then drops further SYNs, so the
    // next connect hangs — what a firewalled or overloaded clamd host looks like.
    const python = spawn('python3', [
      '-c',
      'import socket,time; s=socket.socket(); s.bind(("127.0.0.1",0)); s.listen(0); print(s.getsockname()[1], flush=True); time.sleep(60)',
    ]);
    try {
      const port = await new Promise<number>((ok) =>
        python.stdout.once('data', (d: Buffer) => ok(Number(String(d).trim()))),
      );
      const filler = connect(port, '127.0.0.1');
      filler.on('error', () => undefined);
      await new Promise((ok) => filler.once('connect', ok));
      const r = await clamavScanner({ port, connectTimeoutMs: 300 }).scan(new Uint8Array(1));
      filler.destroy();
      expect(r).toMatchObject({ status: 'error', code: 'timeout' });
      if (r.status === 'error') expect(r.reason).toContain('未连接');
    } finally {
      python.kill();
    }
  });
});

describe('clamavScanner: abort', () => {
  it('rejects with DanganError ABORTED while waiting for clamd', async () => {
    const port = await serve((s) => s.resume());
    const controller = new AbortController();
    const scan = clamavScanner({ port }).scan(new Uint8Array(100), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(scan).rejects.toSatisfy((e) => isDanganError(e, 'ABORTED'));
  });

  it('rejects when the source itself never yields', async () => {
    const port = await serve((s) => s.resume());
    const controller = new AbortController();
    const stuck: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: () => new Promise<IteratorResult<Uint8Array>>(() => undefined),
      }),
    };
    const scan = clamavScanner({ port }).scan(stuck, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(scan).rejects.toBeInstanceOf(DanganError);
  });

  it('rejects at once when already aborted', async () => {
    const scanner = clamavScanner({ socket: join(dir, 'none.sock') });
    await expect(scanner.scan(new Uint8Array(1), { signal: AbortSignal.abort() })).rejects.toSatisfy((e) =>
      isDanganError(e, 'ABORTED'),
    );
    await expect(scanner.ping({ signal: AbortSignal.abort() })).rejects.toSatisfy((e) =>
      isDanganError(e, 'ABORTED'),
    );
  });
});

describe('clamavScanner: the stream', () => {
  it('frames chunks as 4-byte big-endian lengths, ends with a zero-length chunk and reads the reply', async () => {
    const lengths: number[] = [];
    const port = await serve((s) =>
      s.on(
        'data',
        instreamReader(
          (n) => lengths.push(n),
          () => s.end('stream: Some.Signature FOUND\0'),
        ),
      ),
    );
    const r = await clamavScanner({ port, chunkSize: 1000 }).scan(new Uint8Array(2500));
    expect(r).toEqual({ status: 'infected', signature: 'Some.Signature' });
    expect(lengths).toEqual([1000, 1000, 500]);
  });

  it('streams with bounded memory: the source is never read far ahead of what clamd took', async () => {
    let received = 0;
    let maxAhead = 0;
    const port = await serve((s) => {
      const read = instreamReader(
        () => undefined,
        () => s.end('stream: OK\0'),
      );
      s.on('data', (d: Buffer) => {
        received += d.length;
        read(d);
        // A slow reader: pause now and then so the sender meets a full socket.
        s.pause();
        setTimeout(() => s.resume(), 1);
      });
    });
    const total = 96 << 20;
    let produced = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      const block = new Uint8Array(1 << 20);
      while (produced < total) {
        maxAhead = Math.max(maxAhead, produced - received);
        produced += block.length;
        yield block;
      }
    }
    const r = await clamavScanner({ port, maxStreamSize: Infinity }).scan(source());
    expect(r).toEqual({ status: 'clean' });
    expect(received).toBeGreaterThan(total);
    // Kernel and Node socket buffers hold a few MiB at most; without backpressure this would approach 96 MiB.
    expect(maxAhead).toBeLessThan(24 << 20);
  });

  it('refuses a stream over maxStreamSize as error "not scanned", for known and unknown sizes', async () => {
    const port = await serve((s) =>
      s.on(
        'data',
        instreamReader(
          () => undefined,
          () => s.end('stream: OK\0'),
        ),
      ),
    );
    const scanner = clamavScanner({ port, maxStreamSize: 1000, chunkSize: 300 });
    const known = await scanner.scan(new Uint8Array(1001), { path: 'big.bin' });
    expect(known).toMatchObject({ status: 'error', code: 'not-scanned' });
    if (known.status === 'error') {
      expect(known.reason).toContain('未被扫描');
      expect(known.reason).toContain('big.bin');
    }
    async function* unknown(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 4; i++) yield new Uint8Array(300);
    }
    expect(await scanner.scan(unknown())).toMatchObject({ status: 'error', code: 'not-scanned' });
    // At the limit exactly, the file is sent and scanned.
    expect(await scanner.scan(new Uint8Array(1000))).toEqual({ status: 'clean' });
  });

  it('a file over the limit is refused without connecting (so even a missing clamd says not-scanned)', async () => {
    const r = await clamavScanner({ socket: join(dir, 'none.sock'), maxStreamSize: 10 }).scan(
      new Uint8Array(11),
    );
    expect(r).toMatchObject({ status: 'error', code: 'not-scanned' });
  });

  it('clamd refusing the stream early is error "not scanned"', async () => {
    const port = await serve((s) => {
      let got = 0;
      s.on('data', (d: Buffer) => {
        got += d.length;
        if (got > 100_000) s.end('INSTREAM size limit exceeded. ERROR\0');
      });
    });
    const r = await clamavScanner({ port, maxStreamSize: Infinity }).scan(new Uint8Array(8 << 20));
    expect(r.status).toBe('error');
  });

  it('an OK before the stream ended is not trusted', async () => {
    const port = await serve((s) => {
      s.once('data', () => s.write('stream: OK\0'));
      s.resume();
    });
    async function* slow(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 50; i++) {
        yield new Uint8Array(1000);
        await new Promise((ok) => setTimeout(ok, 5));
      }
    }
    const r = await clamavScanner({ port }).scan(slow());
    expect(r).toMatchObject({ status: 'error', code: 'protocol' });
  });

  it('an unknown or endless reply is error "protocol"', async () => {
    const port1 = await serve((s) =>
      s.on(
        'data',
        instreamReader(
          () => undefined,
          () => s.end('HELLO\0'),
        ),
      ),
    );
    expect(await clamavScanner({ port: port1 }).scan(new Uint8Array(5))).toMatchObject({
      status: 'error',
      code: 'protocol',
    });
    const port2 = await serve((s) => {
      s.resume();
      s.write(Buffer.alloc(200_000, 0x41));
    });
    expect(await clamavScanner({ port: port2 }).scan(new Uint8Array(5))).toMatchObject({
      status: 'error',
      code: 'protocol',
    });
  });

  it('an unreadable source is error "source-unreadable"', async () => {
    const port = await serve((s) => s.resume());
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(10);
      throw new Error('disk gone');
    }
    const r = await clamavScanner({ port }).scan(failing(), { path: 'c.pdf' });
    expect(r).toMatchObject({ status: 'error', code: 'source-unreadable' });
    if (r.status === 'error') expect(r.reason).toContain('disk gone');
  });
});

describe('clamavScanner: options', () => {
  it('rejects bad options naming them', () => {
    expect(() => clamavScanner({ socket: '/x', port: 3310 })).toThrow(TypeError);
    expect(() => clamavScanner({ port: 0 })).toThrow(/port/);
    expect(() => clamavScanner({ port: 70000 })).toThrow(/port/);
    expect(() => clamavScanner({ timeoutMs: -1 })).toThrow(/timeoutMs/);
    expect(() => clamavScanner({ maxStreamSize: 0 })).toThrow(/maxStreamSize/);
    expect(() => clamavScanner({ chunkSize: 0 })).toThrow(/chunkSize/);
    expect(() => clamavScanner({ chunkSize: 2 ** 32 })).toThrow(/chunkSize/);
  });

  it('defaults to the Debian socket, TCP port 3310 for a host, 127.0.0.1 for a port', () => {
    expect(clamavScanner().address).toBe('/var/run/clamav/clamd.ctl');
    expect(clamavScanner({ host: 'av.local' }).address).toBe('av.local:3310');
    expect(clamavScanner({ port: 3311 }).address).toBe('127.0.0.1:3311');
    expect(clamavScanner().name).toBe('ClamAV');
  });
});
