import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSitePath } from './site-path.js';

describe('isSitePath', () => {
  it('lets paths of this site through', () => {
    for (const p of ['/', '/?period=2022-T1', '/kpi/hushall-utbetalt?enhet=BU', '/admin/import']) expect(isSitePath(p)).toBe(true);
  });

  it('refuses every form a browser reads as another host', () => {
    for (const p of ['//evil.example/', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'https://evil.example/', 'evil.example', '']) expect(isSitePath(p)).toBe(false);
  });

  it('never passes an address that the URL parser resolves to another origin', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('/', '\\', 'a', '.', ':', '\t', '@', '?', '#', '%'), maxLength: 12 }), (s) => {
        if (!isSitePath(s)) return;
        expect(new URL(s, 'https://lagesbild.example').origin).toBe('https://lagesbild.example');
      }),
      { numRuns: 2000 },
    );
  });
});
