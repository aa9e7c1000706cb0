import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { importErrorText } from './import-errors.js';

/** An error as the client builds it from the server's JSON answer. */
const answer = (message: string, data: Record<string, unknown>) => TRPCClientError.from({ error: { code: -32600, message, data } });
const FALLBACK = 'Servern svarade inte som väntat. Försök igen om en stund.';

describe('the text of a failed import call', () => {
  it('passes the server’s Swedish message through', () => {
    expect(importErrorText(answer('Filen tom.csv är tom.', { code: 'BAD_REQUEST', httpStatus: 400, zod: null }), FALLBACK)).toBe('Filen tom.csv är tom.');
    expect(importErrorText(answer('Importen 4 (x.csv) är redan återställd; inget ändras.', { code: 'BAD_REQUEST', httpStatus: 400 }), FALLBACK)).toContain('redan återställd');
  });

  it('takes the file’s own check out of a refused input, and keeps the sentence for other fields', () => {
    const big = answer('Ogiltig uppgift: Filen är för stor: högst 40 MB kan importeras åt gången (contentBase64).', {
      code: 'BAD_REQUEST',
      httpStatus: 400,
      zod: [{ path: ['contentBase64'], message: 'Filen är för stor: högst 40 MB kan importeras åt gången.' }],
    });
    expect(importErrorText(big, FALLBACK)).toBe('Filen är för stor: högst 40 MB kan importeras åt gången.');
    const year = answer('Ogiltig uppgift: För stort värde: förväntade att nummer skulle ha <=2100 (year).', {
      code: 'BAD_REQUEST',
      httpStatus: 400,
      zod: [{ path: ['year'], message: 'För stort värde' }],
    });
    expect(importErrorText(year, FALLBACK)).toBe('Ogiltig uppgift: För stort värde: förväntade att nummer skulle ha <=2100 (year).');
  });

  it('says something of its own when the server did not answer or failed inside', () => {
    expect(importErrorText(TRPCClientError.from(new TypeError('Failed to fetch')), FALLBACK)).toBe(FALLBACK);
    expect(importErrorText(answer('Internal server error', { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 }), FALLBACK)).toBe(FALLBACK);
    expect(importErrorText('nope', FALLBACK)).toBe(FALLBACK);
  });
});
