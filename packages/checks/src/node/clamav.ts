import { type ByteSource, chunks, DanganError, isDanganError, knownSize, throwIfAborted } from '@dangan/core';
import { notScannedSuffix, parseClamdReply, parseClamdVersion } from '../scanner/clamd-reply.js';
import type { ScanOptions, ScanResult, VirusScanner } from '../scanner/types.js';
import { type ClamdAddress, ClamdConnection, ClamdFailure, describeAddress } from './clamd-connection.js';

/** Options of {@link clamavScanner}. Give `socket`, or `host`/`port`, not both. */
export interface ClamavScannerOptions {
  /** clamd's `LocalSocket`. Default `/var/run/clamav/clamd.ctl` (Debian/Ubuntu) when no `host`/`port` is given. */
  readonly socket?: string;
  /** clamd's `TCPAddr`; default `127.0.0.1` when only `port` is given. */
  readonly host?: string;
  /** clamd's `TCPSocket`; default 3310 when `host` is given. */
  readonly port?: number;
  /**
   * Longest wait for clamd once connected, in ms: for it to take more data (backpressure) or to reply after the
   * stream ends (its scan time). Default 180 000, above clamd's default `MaxScanTime` (120 s) so clamd's own
   * limit answers first. Time spent reading the caller's source does not count.
   */
  readonly timeoutMs?: number;
  /** Longest wait to connect, in ms. Default 10 000. */
  readonly connectTimeoutMs?: number;
  /**
   * clamd's `StreamMaxLength` in bytes (clamd cannot be asked for it). Default 25 MiB, clamd's default. A file
   * larger than this is not sent and is reported `error` (`not-scanned`), never `clean`; if clamd's real limit is
   * smaller, its "size limit exceeded" reply gives the same result. `Infinity` leaves the check to clamd.
   */
  readonly maxStreamSize?: number;
  /** Bytes per `INSTREAM` chunk. Default 256 KiB. */
  readonly chunkSize?: number;
}

/** Options of {@link ClamavScanner.version} and {@link ClamavScanner.ping}. */
export interface ClamdCommandOptions {
  /** Aborting rejects with `DanganError('ABORTED')`. */
  readonly signal?: AbortSignal;
}

/** A {@link VirusScanner} backed by clamd, with clamd's `VERSION` and `PING`. */
export interface ClamavScanner extends VirusScanner {
  /** `ClamAV`, then engine and database version (`ClamAV 1.0.3/27100`) once {@link version} has answered. */
  readonly name: string;
  /** Where clamd is expected, as shown in messages (a socket path or `host:port`). */
  readonly address: string;
  /**
   * clamd's `VERSION` reply, e.g. `ClamAV 1.0.3/27100/Mon Nov 20 08:23:45 2023`. Rejects with
   * `DanganError('SCANNER_UNAVAILABLE')` when clamd cannot be reached or does not answer like clamd.
   */
  version(options?: ClamdCommandOptions): Promise<string>;
  /** Whether clamd answers `PING` with `PONG` (false when unreachable; rejects only on abort). */
  ping(options?: ClamdCommandOptions): Promise<boolean>;
}

const DEFAULT_SOCKET = '/var/run/clamav/clamd.ctl';
const DEFAULT_PORT = 3310;
const DEFAULT_TIMEOUT_MS = 180_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_STREAM_SIZE = 25 * 1024 * 1024;
const DEFAULT_CHUNK_SIZE = 256 * 1024;
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A virus scanner on ClamAV's daemon (ClamAV 病毒扫描器), for the GD-4-2 check (病毒检测). Each scan opens one
 * connection to clamd (local socket or TCP) and streams the bytes with `zINSTREAM`: 4-byte big-endian length
 * chunks ended by a zero-length chunk, waiting whenever the socket is full, so a file of any size is sent with
 * bounded memory. Nothing is done until the first call.
 *
 * `scan` never answers `clean` for bytes clamd did not scan: clamd down or missing, timeouts, a file over
 * `maxStreamSize` or clamd's `StreamMaxLength`, clamd's own limits (`Heuristics.Limits.Exceeded.*`, with
 * `AlertExceedsMax yes`), unreadable sources and unknown replies are `error` with a Chinese reason (and English
 * `reasonEn`). clamd refuses a stream over its `StreamMaxLength` by replying and closing the connection; when a
 * write meets the closed socket before the reply is read, the result is `unreachable` rather than `not-scanned`,
 * with a reason naming StreamMaxLength as the likely cause (set `maxStreamSize` to clamd's limit to refuse such
 * files before sending). Without `AlertExceedsMax yes`, clamd itself answers OK for a file over `MaxFileSize`/`MaxScanSize`
 * without scanning it all: keep those at least as large as `StreamMaxLength` (scripts/clamd/setup.sh does).
 *
 * @example
 * import { fromFile } from '@dangan/core/node';
 * import { clamavScanner } from '@dangan/checks/node';
 *
 * const scanner = clamavScanner({ socket: '/run/clamav/clamd.ctl' });
 * await scanner.version(); // 'ClamAV 1.0.3/27100/…'; scanner.name is now 'ClamAV 1.0.3/27100'
 * const result = await scanner.scan(fromFile('content/1.pdf'), { path: 'content/1.pdf' });
 * if (result.status === 'infected') console.log(result.signature);
 */
export function clamavScanner(options: ClamavScannerOptions = {}): ClamavScanner {
  const address = resolveAddress(options);
  const timeoutMs = timerOption(options.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs');
  const connectTimeoutMs = timerOption(
    options.connectTimeoutMs,
    DEFAULT_CONNECT_TIMEOUT_MS,
    'connectTimeoutMs',
  );
  const maxStreamSize = options.maxStreamSize ?? DEFAULT_MAX_STREAM_SIZE;
  if (
    !(
      maxStreamSize === Number.POSITIVE_INFINITY ||
      (Number.isSafeInteger(maxStreamSize) && maxStreamSize > 0)
    )
  ) {
    throw new RangeError(
      `maxStreamSize must be a positive integer or Infinity, got ${String(maxStreamSize)}`,
    );
  }
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isSafeInteger(chunkSize) || chunkSize <= 0 || chunkSize > 0xffff_ffff) {
    throw new RangeError(`chunkSize must be an integer from 1 to 2^32 - 1, got ${String(chunkSize)}`);
  }
  const shown = describeAddress(address);
  let name = 'ClamAV';

  const open = (signal: AbortSignal | undefined): Promise<ClamdConnection> =>
    ClamdConnection.open(address, { connectTimeoutMs, timeoutMs, signal });

  async function command(text: string, signal: AbortSignal | undefined): Promise<string> {
    const connection = await open(signal);
    try {
      await connection.write([new TextEncoder().encode(text)]);
      return await connection.reply();
    } finally {
      connection.close();
    }
  }

  async function scan(source: ByteSource, scanOptions: ScanOptions = {}): Promise<ScanResult> {
    const { path, signal } = scanOptions;
    throwIfAborted(signal);
    const file = notScannedSuffix(path);
    const size = knownSize(source);
    if (size !== undefined && size > maxStreamSize) return tooLarge(size, maxStreamSize, file);
    let connection: ClamdConnection;
    try {
      connection = await open(signal);
    } catch (error) {
      return failed(error, file);
    }
    try {
      return await instream(connection, source, path, signal, file);
    } catch (error) {
      return failed(error, file);
    } finally {
      connection.close();
    }
  }

  async function instream(
    connection: ClamdConnection,
    source: ByteSource,
    path: string | undefined,
    signal: AbortSignal | undefined,
    file: { zh: string; en: string },
  ): Promise<ScanResult> {
    await connection.write([INSTREAM()]);
    const iterator = chunks(source, signal === undefined ? { chunkSize } : { chunkSize, signal })[
      Symbol.asyncIterator
    ]();
    let sent = 0;
    let complete = false;
    try {
      while (true) {
        const step = await connection.during(iterator.next());
        if (step === undefined) break; // clamd answered early (it refused the stream)
        if (step.value.done === true) {
          complete = true;
          break;
        }
        const chunk = step.value.value;
        if (sent + chunk.length > maxStreamSize) return tooLarge(undefined, maxStreamSize, file);
        if (!(await connection.write([chunkHeader(chunk.length), chunk]))) break;
        sent += chunk.length;
      }
    } finally {
      // Stop the source when leaving early; a source stuck in a read must not hold the scan.
      if (!complete) iterator.return(undefined).catch(() => undefined);
    }
    if (complete) await connection.write([chunkHeader(0)]);
    const result = parseClamdReply(await connection.reply(), path);
    if (result.status === 'clean' && !complete) {
      // Only a broken or hostile peer says OK before the stream ended; the rest of the file was never scanned.
      return {
        status: 'error',
        code: 'protocol',
        reason: `clamd（${shown}）在数据发送完之前就回复了 OK，${file.zh}未被完整扫描`,
        reasonEn: `clamd (${shown}) answered OK before the whole stream was sent: ${file.en} was NOT fully scanned`,
      };
    }
    return result;
  }

  return {
    get name() {
      return name;
    },
    address: shown,
    scan,
    async version(commandOptions: ClamdCommandOptions = {}): Promise<string> {
      let reply: string;
      try {
        reply = await command('zVERSION\0', commandOptions.signal);
      } catch (error) {
        if (error instanceof ClamdFailure) {
          throw new DanganError('SCANNER_UNAVAILABLE', `无法取得 clamd 版本：${error.reason}`, {
            messageEn: `Cannot get the clamd version: ${error.reasonEn}`,
            cause: error,
          });
        }
        throw error;
      }
      const parsed = parseClamdVersion(reply);
      if (parsed === undefined) {
        const text = reply.slice(0, 200);
        throw new DanganError(
          'SCANNER_UNAVAILABLE',
          `${shown} 对 VERSION 的回复不是 ClamAV 的：「${text}」`,
          {
            messageEn: `The VERSION reply from ${shown} is not ClamAV's: "${text}"`,
          },
        );
      }
      name = `ClamAV ${parsed.engine}${parsed.database === undefined ? '' : `/${parsed.database}`}`;
      return parsed.text;
    },
    async ping(commandOptions: ClamdCommandOptions = {}): Promise<boolean> {
      try {
        return (await command('zPING\0', commandOptions.signal)).trim() === 'PONG';
      } catch (error) {
        if (error instanceof ClamdFailure) return false;
        throw error;
      }
    },
  };
}

/** `zINSTREAM\0`: the z-form of the command, so clamd ends its reply with a NUL. */
function INSTREAM(): Uint8Array {
  return new TextEncoder().encode('zINSTREAM\0');
}

function chunkHeader(length: number): Uint8Array {
  const header = new Uint8Array(4);
  new DataView(header.buffer).setUint32(0, length, false);
  return header;
}

function tooLarge(size: number | undefined, limit: number, file: { zh: string; en: string }): ScanResult {
  const sizeZh = size === undefined ? '' : `（${size} 字节）`;
  const sizeEn = size === undefined ? '' : ` (${size} bytes)`;
  return {
    status: 'error',
    code: 'not-scanned',
    reason: `${file.zh}${sizeZh}超过 clamd 可接收的流长度上限 ${limit} 字节（StreamMaxLength / maxStreamSize），未被扫描`,
    reasonEn: `${file.en.charAt(0).toUpperCase()}${file.en.slice(1)}${sizeEn} is larger than clamd's stream limit of ${limit} bytes (StreamMaxLength / maxStreamSize) and was NOT scanned`,
  };
}

/** A failure as a result; aborts and programmer errors are thrown on. */
function failed(error: unknown, file: { zh: string; en: string }): ScanResult {
  if (error instanceof ClamdFailure) {
    return {
      status: 'error',
      code: error.code,
      reason: `${error.reason}；${file.zh}未被扫描`,
      reasonEn: `${error.reasonEn}; ${file.en} was NOT scanned`,
    };
  }
  if (isDanganError(error, 'ABORTED')) throw error;
  if (error instanceof DanganError) {
    return {
      status: 'error',
      code: 'source-unreadable',
      reason: `读取${file.zh}失败，未被扫描：${error.message}`,
      reasonEn: `Reading ${file.en} failed, so it was NOT scanned: ${error.messageEn ?? error.message}`,
    };
  }
  throw error;
}

function resolveAddress(options: ClamavScannerOptions): ClamdAddress {
  const { socket, host, port } = options;
  if (socket !== undefined && (host !== undefined || port !== undefined)) {
    throw new TypeError('clamavScanner: give either socket or host/port, not both');
  }
  if (socket !== undefined) {
    if (typeof socket !== 'string' || socket === '') throw new TypeError('socket must be a non-empty path');
    return { socket };
  }
  if (host === undefined && port === undefined) return { socket: DEFAULT_SOCKET };
  if (host !== undefined && (typeof host !== 'string' || host === '')) {
    throw new TypeError('host must be a non-empty string');
  }
  const p = port ?? DEFAULT_PORT;
  if (!Number.isInteger(p) || p < 1 || p > 65535) {
    throw new RangeError(`port must be an integer from 1 to 65535, got ${String(port)}`);
  }
  return { host: host ?? '127.0.0.1', port: p };
}

function timerOption(value: number | undefined, fallback: number, label: string): number {
  const ms = value ?? fallback;
  if (!Number.isFinite(ms) || ms <= 0 || ms > MAX_TIMER_MS) {
    throw new RangeError(
      `${label} must be a positive number of milliseconds up to 2^31 - 1, got ${String(value)}`,
    );
  }
  return ms;
}
