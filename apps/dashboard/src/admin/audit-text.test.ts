import { describe, expect, it } from 'vitest';
import { enMessages } from '../i18n/en-catalogue.js';
import { createAppI18n } from '../i18n/index.js';
import { auditDetail, auditTarget, type AuditWords } from './audit-text.js';

function words(locale: 'sv' | 'en'): AuditWords {
  const { global } = createAppI18n(locale, enMessages);
  const names: Record<string, string> = { sjukfranvaro: locale === 'en' ? 'Sick leave' : 'Sjukfrånvaro' };
  return { t: (k, n) => global.t(k, n ?? {}), te: (k) => global.te(k), kpiName: (id) => names[id] };
}

describe('an audit entry in words', () => {
  const sv = words('sv');
  it('names the target instead of its stored key, a KPI by its name', () => {
    expect(auditTarget('board:12', sv)).toBe('Tavla 12');
    expect(auditTarget('device:3', sv)).toBe('Skärm 3');
    expect(auditTarget('target:sjukfranvaro:BU:2022', sv)).toBe('Mål för Sjukfrånvaro · BU · 2022');
    expect(auditTarget('report:SOC:2020-D', sv)).toBe('Rapport SOC · 2020-D');
    expect(auditTarget('batch:', sv)).toBe('Import');
    // What the catalogue does not know is shown as stored, never dropped.
    expect(auditTarget('okänd:1', sv)).toBe('okänd:1');
    expect(auditTarget(null, sv)).toBe('');
  });

  it('writes the details as named fields, not JSON', () => {
    const text = auditDetail({ name: 'Entrén', slides: 4, roles: ['admin', 'enhetschef'], kpi: 'sjukfranvaro', sessions: 1200, x: true }, sv);
    expect(text).toBe('Namn: Entrén · Bilder: 4 · Roller: admin, enhetschef · Nyckeltal: Sjukfrånvaro · Sessioner: 1\u00a0200 · x: ja');
    expect(text).not.toMatch(/[{}"]/);
    expect(auditDetail({ restored: { K: 1 } }, sv)).toBe('Återställda värden: (K: 1)');
    expect(auditDetail({ roles: [{ role: 'enhetschef', unit: 'VUX' }, { role: 'admin' }] }, sv)).toBe('Roller: Enhetschef (VUX), Administratör');
    expect(auditDetail(null, sv)).toBe('');
  });

  it('in English too', () => {
    const en = words('en');
    expect(auditTarget('target:sjukfranvaro:BU:2022', en)).toBe('Target for Sick leave · BU · 2022');
    expect(auditDetail({ fileName: 'a.csv', inserted: 3 }, en)).toBe('File: a.csv · New values: 3');
  });
});
