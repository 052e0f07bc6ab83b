import { describe, expect, it } from 'vitest';
import { encodeText } from '../../../src/filing/catalogue/index.js';

describe('catalogue text encodings', () => {
  it('encodes UTF-8 and GB18030 as asked (GB18030 through core’s encoder)', () => {
    expect(Buffer.from(encodeText('目录', 'gb18030')).toString('hex')).toBe('c4bfc2bc');
    expect(Buffer.from(encodeText('目录', 'utf-8')).toString('hex')).toBe('e79baee5bd95');
  });
});
