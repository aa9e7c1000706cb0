import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { errorDetail, errorText } from './error-text.js';
import { useNotice } from './useNotice.js';

describe('errorText', () => {
  it("shows the server's own Swedish message", () => {
    expect(errorText(new TRPCClientError('Fel användarnamn eller lösenord.'), 'Inloggningen misslyckades.')).toBe('Fel användarnamn eller lösenord.');
    expect(errorText(new Error('Namnet är upptaget.'), 'x')).toBe('Namnet är upptaget.');
  });

  it('falls back to the view’s words for a validation dump, an empty message or something not an error', () => {
    expect(errorText(new TRPCClientError('[{"code":"too_small","path":["name"]}]'), 'Försök igen.')).toBe('Försök igen.');
    expect(errorText(new Error(''), 'Försök igen.')).toBe('Försök igen.');
    expect(errorText('boom', 'Försök igen.')).toBe('Försök igen.');
    expect(errorText(null, 'Försök igen.')).toBe('Försök igen.');
  });

  it('errorDetail quotes whatever the error says', () => {
    expect(errorDetail(new Error('[dump]'))).toBe('[dump]');
    expect(errorDetail('boom')).toBe('boom');
  });
});

describe('useNotice', () => {
  const describeErr = (err: unknown) => errorText(err, 'Det gick inte.');

  it('says what failed, in its own wording, and resolves to null', async () => {
    const n = useNotice(describeErr);
    expect(await n.run(() => Promise.reject(new Error('Servern sa nej.')))).toBeNull();
    expect(n.notice.value).toEqual({ kind: 'error', text: 'Servern sa nej.' });
    expect(n.message.value).toBe('Servern sa nej.');
    expect(await n.run(() => Promise.reject(new Error('')))).toBeNull();
    expect(n.message.value).toBe('Det gick inte.');
    await n.run(() => Promise.reject(new Error('x')), { failed: (err) => `Kunde inte hämta: ${errorDetail(err)}` });
    expect(n.message.value).toBe('Kunde inte hämta: x');
  });

  it('resolves to the result and says ok, clears, or leaves the notice as asked', async () => {
    const n = useNotice(describeErr);
    n.error('Gammalt fel');
    expect(await n.run(() => Promise.resolve(3))).toBe(3);
    expect(n.notice.value).toEqual({ kind: 'error', text: 'Gammalt fel' });
    expect(await n.run(() => Promise.resolve(4), { ok: (r) => `Sparade ${r}` })).toBe(4);
    expect(n.notice.value).toEqual({ kind: 'ok', text: 'Sparade 4' });
    await n.run(() => Promise.resolve(), { ok: () => null });
    expect(n.notice.value).toBeNull();
    expect(n.message.value).toBeNull();
  });

  it('sets and clears by hand', () => {
    const n = useNotice(describeErr);
    n.ok('Klart');
    expect(n.notice.value).toEqual({ kind: 'ok', text: 'Klart' });
    n.fail(new Error('Nej'));
    expect(n.notice.value).toEqual({ kind: 'error', text: 'Nej' });
    n.clear();
    expect(n.notice.value).toBeNull();
  });
});
