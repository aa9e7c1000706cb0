import type { UnitChange } from '@lagesbild/domain';
import { describe, expect, it } from 'vitest';
import { enMessages } from '../i18n/en-catalogue.js';
import { createAppI18n } from '../i18n/index.js';
import { unitChangeText } from './unit-change-text.js';

const translate = (locale: 'sv' | 'en') => {
  const i18n = createAppI18n(locale, enMessages);
  return (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {});
};

const moved: UnitChange = { kind: 'moved', from: 'Avdelning 1', to: 'Avdelning 2', month: '2021-06' };
const renamed: UnitChange = { kind: 'renamed', from: 'Försörjningsstöd', to: 'Ekonomiskt bistånd', month: '2020-01' };
const closed: UnitChange = { kind: 'closed', month: '2022-01' };

describe('a reorganisation in the reader’s language', () => {
  it('words each kind in Swedish as the drill-down always has', () => {
    const t = translate('sv');
    expect(unitChangeText(moved, t)).toBe('Flyttad från Avdelning 1 till Avdelning 2 2021-06');
    expect(unitChangeText(renamed, t)).toBe('Bytte namn från Försörjningsstöd till Ekonomiskt bistånd 2020-01');
    expect(unitChangeText(closed, t)).toBe('Upphörde 2022-01');
  });

  it('words each kind in English, the unit names as they are', () => {
    const t = translate('en');
    expect(unitChangeText(moved, t)).toBe('Moved from Avdelning 1 to Avdelning 2 2021-06');
    expect(unitChangeText(renamed, t)).toBe('Renamed from Försörjningsstöd to Ekonomiskt bistånd 2020-01');
    expect(unitChangeText(closed, t)).toBe('Closed 2022-01');
  });
});
