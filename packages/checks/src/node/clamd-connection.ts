import { connect, type Socket } from 'node:net';
import { DanganError } from '@dangan/core';
import type { ScanErrorCode } from '../scanner/types.js';

/** Where clamd listens: a local (Unix) socket or a TCP host and port. */
export type ClamdAddress = { readonly socket: string } | { readonly host: string; readonly port: number };

/** Why talking to clamd failed, with reasons in both languages (without "the file was not scanned"). */
export class ClamdFailure extends Error {
  constructor(
    readonly code: ScanErrorCode,
    readonly reason: string,
    readonly reasonEn: string,
    options?: { cause?: unknown },
  ) {
    super(reasonEn, options);
  }
}

/** Timeouts and cancellation of one connection. */
export interface ClamdConnectionOptions {
  readonly connectTimeoutMs: number;
  /** Longest wait for clamd once connected (a drain, the reply). */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
}

/** `addr` as shown in messages. */
export function describeAddress(address: ClamdAddress): string {
  return 'socket' in address ? address.socket : `${address.host}:${address.port}`;
}

/**
 * One clamd connection (clamd 连接): writes with backpressure, reads the NUL-terminated reply, and turns socket
 * errors, timeouts and aborts into {@link ClamdFailure} / `DanganError('ABORTED')`. A timer runs only while this
 * side waits for clamd (connect, drain, reply), not while the caller reads its own source.
 */
export class ClamdConnection {
  readonly #socket: Socket;
  readonly #address: string;
  readonly #options: ClamdConnectionOptions;
  readonly #received: Uint8Array[] = [];
  #reply: string | undefined;
  #failure: ClamdFailure | DanganError | undefined;
  #connected = false;
  #drained = true;
  #wakers = new Set<() => void>();
  readonly #onAbort: () => void;

  private constructor(address: ClamdAddress, options: ClamdConnectionOptions) {
    this.#address = describeAddress(address);
    this.#options = options;
    this.#socket =
      'socket' in address
        ? connect({ path: address.socket })
        : connect({ host: address.host, port: address.port });
    const socket = this.#socket;
    socket.on('connect', () => {
      this.#connected = true;
      this.#wake();
    });
    socket.on('data', (data: Buffer) => this.#onData(data));
    socket.on('drain', () => {
      this.#drained = true;
      this.#wake();
    });
    socket.on('end', () => {
      // clamd closed its side: whatever it sent is the reply (old clamd ends replies with '\n', or none at all).
      this.#reply ??= Buffer.concat(this.#received).toString('utf8');
      this.#wake();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.#fail(this.#classify(error));
    });
    socket.on('close', () => {
      if (this.#reply === undefined) {
        this.#fail(
          new ClamdFailure(
            'unreachable',
            `clamd（${this.#address}）未返回结果即关闭了连接`,
            `clamd (${this.#address}) closed the connection without a reply`,
          ),
        );
      }
      this.#wake();
    });
    this.#onAbort = () => {
      this.#fail(
        new DanganError('ABORTED', '操作已取消', {
          messageEn: 'The operation was aborted',
          cause: options.signal?.reason,
        }),
      );
    };
    options.signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /**
   * Connects to clamd. Rejects with a {@link ClamdFailure} (unreachable, timeout) or `DanganError('ABORTED')`.
   *
   * @example
   * const conn = await ClamdConnection.open({ socket: '/run/clamav/clamd.ctl' }, { connectTimeoutMs: 10_000, timeoutMs: 60_000 });
   */
  static async open(address: ClamdAddress, options: ClamdConnectionOptions): Promise<ClamdConnection> {
    if (options.signal?.aborted) {
      throw new DanganError('ABORTED', '操作已取消', {
        messageEn: 'The operation was aborted',
        cause: options.signal.reason,
      });
    }
    const connection = new ClamdConnection(address, options);
    try {
      await connection.#waitFor(() => connection.#connected, options.connectTimeoutMs, 'connect');
    } catch (error) {
      connection.close();
      throw error;
    }
    return connection;
  }

  /**
   * Writes `parts` as one unit and waits while the socket's buffer is full (backpressure), so memory stays
   * bounded however large the stream. Returns `false` when clamd has already replied (stop sending).
   *
   * @example
   * if (!(await conn.write([header, chunk]))) break;
   */
  async write(parts: readonly Uint8Array[]): Promise<boolean> {
    this.#throwIfFailed();
    if (this.#reply !== undefined) return false;
    const socket = this.#socket;
    socket.cork();
    let flowing = true;
    for (const part of parts) flowing = socket.write(part);
    socket.uncork();
    if (!flowing) {
      this.#drained = false;
      await this.#waitFor(() => this.#drained || this.#reply !== undefined, this.#options.timeoutMs, 'send');
    }
    return this.#reply === undefined;
  }

  /**
   * Waits for `promise` (the caller reading its source) without a timer, but stops early when the connection
   * fails, the signal aborts (both reject), or clamd replies first (resolves `undefined`: stop sending).
   *
   * @example
   * const step = await conn.during(iterator.next());
   * if (step === undefined) break; // clamd already answered
   */
  async during<T>(promise: Promise<T>): Promise<{ readonly value: T } | undefined> {
    this.#throwIfFailed();
    if (this.#reply !== undefined) return undefined;
    let waker: (() => void) | undefined;
    const interrupted = new Promise<undefined>((resolve, reject) => {
      waker = () => {
        if (this.#reply !== undefined) resolve(undefined);
        else if (this.#failure !== undefined) reject(this.#failure);
      };
      this.#wakers.add(waker);
    });
    const read = promise.then((value) => ({ value }));
    // Whichever loses the race must not surface later as an unhandled rejection.
    read.catch(() => undefined);
    try {
      return await Promise.race([read, interrupted]);
    } finally {
      this.#wakers.delete(waker!);
      interrupted.catch(() => undefined);
    }
  }

  /**
   * Waits for clamd's reply (up to its NUL terminator, or the end of the connection).
   *
   * @example
   * const text = await conn.reply();
   */
  async reply(): Promise<string> {
    await this.#waitFor(() => this.#reply !== undefined, this.#options.timeoutMs, 'reply');
    return this.#reply!;
  }

  /**
   * Closes the connection (idempotent).
   *
   * @example
   * conn.close();
   */
  close(): void {
    this.#options.signal?.removeEventListener('abort', this.#onAbort);
    this.#socket.destroy();
  }

  #onData(data: Buffer): void {
    if (this.#reply !== undefined) return;
    const nul = data.indexOf(0);
    if (nul === -1) {
      this.#received.push(data);
      // A reply is a line; a peer that streams without end is not clamd.
      if (this.#received.reduce((n, b) => n + b.length, 0) > 64 * 1024) {
        this.#fail(
          new ClamdFailure(
            'protocol',
            `clamd（${this.#address}）的回复过长，不是 clamd 的回复`,
            `The reply from ${this.#address} is too long to be clamd's`,
          ),
        );
        this.#socket.destroy();
      }
      return;
    }
    this.#received.push(data.subarray(0, nul));
    this.#reply = Buffer.concat(this.#received).toString('utf8');
    this.#wake();
  }

  #classify(error: NodeJS.ErrnoException): ClamdFailure {
    const addr = this.#address;
    const tail = { cause: error };
    switch (error.code) {
      case 'ENOENT':
        return new ClamdFailure(
          'unreachable',
          `clamd 套接字 ${addr} 不存在（clamd 未启动？）`,
          `The clamd socket ${addr} does not exist (is clamd running?)`,
          tail,
        );
      case 'ECONNREFUSED':
        return new ClamdFailure(
          'unreachable',
          `无法连接 clamd（${addr}）：连接被拒绝（clamd 未启动或未在此地址监听）`,
          `Cannot connect to clamd (${addr}): connection refused (clamd not running or not listening there)`,
          tail,
        );
      case 'EACCES':
      case 'EPERM':
        return new ClamdFailure(
          'unreachable',
          `无权访问 clamd 套接字 ${addr}`,
          `No permission to use the clamd socket ${addr}`,
          tail,
        );
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return new ClamdFailure(
          'unreachable',
          `无法解析 clamd 主机 ${addr}`,
          `Cannot resolve the clamd host ${addr}`,
          tail,
        );
      case 'EPIPE':
      case 'ECONNRESET':
        return new ClamdFailure(
          'unreachable',
          `clamd（${addr}）在接收数据时断开了连接（可能超过了 clamd 的 StreamMaxLength，或 clamd 已退出）`,
          `clamd (${addr}) dropped the connection while receiving (the stream may exceed its StreamMaxLength, or clamd exited)`,
          tail,
        );
      default:
        return new ClamdFailure(
          'unreachable',
          `与 clamd（${addr}）通信失败：${error.message}`,
          `Talking to clamd (${addr}) failed: ${error.message}`,
          tail,
        );
    }
  }

  #fail(failure: ClamdFailure | DanganError): void {
    // The first cause wins: an EPIPE after an abort is still an abort, and a reply already read stays the answer.
    if (this.#failure === undefined) this.#failure = failure;
    this.#socket.destroy();
    this.#wake();
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined && this.#reply === undefined) throw this.#failure;
  }

  #wake(): void {
    for (const waker of [...this.#wakers]) waker();
  }

  /** Resolves when `done()` holds; rejects on failure, abort, or `ms` without it holding. */
  #waitFor(done: () => boolean, ms: number, step: 'connect' | 'send' | 'reply'): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const finish = (error?: unknown): void => {
        clearTimeout(timer);
        this.#wakers.delete(check);
        if (error === undefined) resolve();
        else reject(error);
      };
      const check = (): void => {
        if (done()) finish();
        else if (this.#failure !== undefined) finish(this.#failure);
      };
      const timer = setTimeout(() => {
        const seconds = ms / 1000;
        const what = {
          connect: ['连接', 'connect'],
          send: ['接收数据', 'accept data'],
          reply: ['返回结果', 'reply'],
        }[step];
        this.#fail(
          new ClamdFailure(
            'timeout',
            `clamd（${this.#address}）在 ${seconds} 秒内未${what[0]}（超时）`,
            `clamd (${this.#address}) did not ${what[1]} within ${seconds} s (timeout)`,
          ),
        );
      }, ms);
      this.#wakers.add(check);
      check();
    });
  }
}
