import { describe, expect, it } from 'vitest';
import { HeaderCollector } from '../../src/capture/collector.js';

describe('HeaderCollector memory', () => {
  it('holds no more than its limits however long the file (regression: dropped tail chunks stayed referenced)', () => {
    const limits = { prefixBytes: 4 << 20, tailBytes: 1 << 20, maxMoovBytes: 64 << 20 };
    const collector = new HeaderCollector(limits);
    const chunk = new Uint8Array(1 << 20); // not an ISO-BMFF file: no moov window
    for (let i = 0; i < 600; i++) collector.push(chunk);
    expect(collector.retainedBytes).toBeLessThanOrEqual(limits.prefixBytes + limits.tailBytes + (1 << 20));
    const small = new HeaderCollector(limits);
    const piece = new Uint8Array(4096);
    for (let i = 0; i < 5000; i++) small.push(piece);
    expect(small.retainedBytes).toBeLessThanOrEqual(limits.prefixBytes + limits.tailBytes + 4096);
    expect(small.finish().size).toBe(5000 * 4096);
  });
});
