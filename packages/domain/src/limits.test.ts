import { describe, expect, it } from 'vitest';
import { COMMENT_MAX_LENGTH, MAX_TOLERANCE_PERCENT, ORG_ID_PATTERN } from './limits.js';

describe('shared form rules', () => {
  it('takes organisation ids as they appear in a sign-in address, and nothing else', () => {
    for (const ok of ['flen', 'a', 'vard-och-omsorg', '9a', 'x'.repeat(64)]) expect(ORG_ID_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', 'Flen', '-flen', 'flen_1', 'flen ', 'x'.repeat(65), 'ö']) expect(ORG_ID_PATTERN.test(bad)).toBe(false);
  });

  it('keeps the limits the server and the forms were written against', () => {
    expect(COMMENT_MAX_LENGTH).toBe(2000);
    expect(MAX_TOLERANCE_PERCENT).toBe(100);
  });
});
