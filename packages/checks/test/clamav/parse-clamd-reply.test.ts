import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClamdReply, parseClamdVersion } from '../../src/scanner/clamd-reply.js';

describe('parseClamdReply', () => {
  it('reads OK as clean, with or without terminator', () => {
    expect(parseClamdReply('stream: OK\0')).toEqual({ status: 'clean' });
    expect(parseClamdReply('stream: OK\n')).toEqual({ status: 'clean' });
    expect(parseClamdReply('stream: OK')).toEqual({ status: 'clean' });
    expect(parseClamdReply('12: stream: OK\0')).toEqual({ status: 'clean' });
  });

  it('reads FOUND as infected with the signature name', () => {
    expect(parseClamdReply('stream: Eicar-Test-Signature FOUND\0')).toEqual({
      status: 'infected',
      signature: 'Eicar-Test-Signature',
    });
    expect(parseClamdReply('stream: Eicar-Test-Signature.UNOFFICIAL FOUND\0')).toEqual({
      status: 'infected',
      signature: 'Eicar-Test-Signature.UNOFFICIAL',
    });
    expect(parseClamdReply('stream: Win.Test.EICAR_HDB-1 FOUND')).toEqual({
      status: 'infected',
      signature: 'Win.Test.EICAR_HDB-1',
    });
  });

  it('drops the (md5:size) that ExtendedDetectionInfo appends', () => {
    expect(parseClamdReply('stream: Eicar-Signature(44d88612fea8a8f36de82e1278abb02f:68) FOUND\0')).toEqual({
      status: 'infected',
      signature: 'Eicar-Signature',
    });
  });

  it('reads the size-limit reply as error "not scanned", never clean', () => {
    const r = parseClamdReply('INSTREAM size limit exceeded. ERROR\0', 'content/big.mp4');
    expect(r.status).toBe('error');
    if (r.status !== 'error') return;
    expect(r.code).toBe('not-scanned');
    expect(r.reason).toContain('未被扫描');
    expect(r.reason).toContain('StreamMaxLength');
    expect(r.reason).toContain('content/big.mp4');
    expect(r.reasonEn).toContain('NOT scanned');
  });

  it('reads Heuristics.Limits.Exceeded.* as error (not fully scanned), not as a virus', () => {
    const r = parseClamdReply('stream: Heuristics.Limits.Exceeded.MaxFileSize FOUND\0');
    expect(r.status).toBe('error');
    if (r.status !== 'error') return;
    expect(r.code).toBe('not-scanned');
    expect(r.reason).toContain('Heuristics.Limits.Exceeded.MaxFileSize');
    expect(r.reason).toContain('未被完整扫描');
  });

  it('reads clamd errors, timeouts and unknown replies as error', () => {
    const cases: [string, string][] = [
      ["stream: Can't create temporary file ERROR\0", 'protocol'],
      ['Error processing command. ERROR\0', 'protocol'],
      ['COMMAND READ TIMED OUT\0', 'timeout'],
      ['UNKNOWN COMMAND\0', 'protocol'],
      ['PONG\0', 'protocol'],
      ['\0', 'protocol'],
      ['', 'protocol'],
      ['stream:  FOUND', 'protocol'],
      ['stream: OK but not really', 'protocol'],
      ['STREAM: OK', 'protocol'],
    ];
    for (const [text, code] of cases) {
      const r = parseClamdReply(text);
      expect(r.status, text).toBe('error');
      if (r.status === 'error') {
        expect(r.code, text).toBe(code);
        expect(r.reason.length).toBeGreaterThan(0);
        expect(r.reasonEn.length).toBeGreaterThan(0);
      }
    }
  });

  it('shows control characters of a hostile reply escaped and cuts long replies', () => {
    const r = parseClamdReply(`\u001b[31mboom${'x'.repeat(500)}`);
    expect(r.status).toBe('error');
    if (r.status !== 'error') return;
    expect(r.reason).toContain('\\x1b');
    expect(r.reason).not.toContain('\u001b');
    expect(r.reason.length).toBeLessThan(300);
  });

  it('takes the first reply when several are in the text', () => {
    expect(parseClamdReply('stream: A FOUND\0stream: OK\0')).toEqual({ status: 'infected', signature: 'A' });
  });

  it('is clean only for exactly "stream: OK", and never throws', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(
            fc.constantFrom('', '3: ', 'stream: ', 'stream: OK', ' stream: OK'),
            fc.string({ unit: 'binary', maxLength: 40 }),
            fc.constantFrom('', '\0', '\n', ' FOUND', ' ERROR', ' OK\0'),
          )
          .map((parts) => parts.join('')),
        (text) => {
          const r = parseClamdReply(text);
          const first = (text.includes('\0') ? text.slice(0, text.indexOf('\0')) : text)
            .trim()
            .replace(/^\d+: /, '');
          expect(r.status === 'clean').toBe(first === 'stream: OK');
          if (r.status === 'error') expect(r.reason).toMatch(/未被(完整)?扫描/);
        },
      ),
    );
  });
});

describe('parseClamdVersion', () => {
  it('reads engine, database version and date', () => {
    expect(parseClamdVersion('ClamAV 1.0.3/27100/Mon Nov 20 08:23:45 2023\0')).toEqual({
      engine: '1.0.3',
      database: 27100,
      databaseDate: 'Mon Nov 20 08:23:45 2023',
      text: 'ClamAV 1.0.3/27100/Mon Nov 20 08:23:45 2023',
    });
  });

  it('reads a clamd with only private databases', () => {
    expect(parseClamdVersion('ClamAV 1.4.6\0')).toEqual({ engine: '1.4.6', text: 'ClamAV 1.4.6' });
  });

  it('rejects what is not a ClamAV version', () => {
    expect(parseClamdVersion('PONG\0')).toBeUndefined();
    expect(parseClamdVersion('')).toBeUndefined();
    expect(parseClamdVersion('ClamAV')).toBeUndefined();
    expect(parseClamdVersion('ClamAV x/1')).toBeUndefined();
  });
});
