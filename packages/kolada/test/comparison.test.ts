import { describe, expect, it } from 'vitest';
import { comparisonTable } from '../src/index.js';

describe('comparisonTable', () => {
  it('puts the own municipality first, then Riket, the group mean and the chosen ones', () => {
    const t = comparisonTable({
      values: [
        { municipality: '0483', year: 2020, gender: 'T', value: 67, status: '' },
        { municipality: '0483', year: 2019, gender: 'T', value: null, status: 'Saknas' },
        { municipality: '0000', year: 2020, gender: 'T', value: 78, status: '' },
        { municipality: '0000', year: 2020, gender: 'K', value: 76.2, status: '' },
        { municipality: '0484', year: 2020, gender: 'T', value: 70, status: '' },
        { municipality: '0486', year: 2020, gender: 'T', value: 74, status: '' },
        { municipality: '0488', year: 2020, gender: 'T', value: null, status: 'Saknas' },
      ],
      own: '0483',
      group: { id: 'G1', title: 'Pendlingskommun', members: ['0484', '0486', '0488'] },
      chosen: ['0484', '0483'],
      names: { '0483': 'Katrineholm', '0484': 'Eskilstuna' },
    });
    expect(t.years).toEqual([2019, 2020]);
    expect(t.rows.map((r) => `${r.role}:${r.name}`)).toEqual(['own:Katrineholm', 'riket:Riket', 'group:Pendlingskommun', 'chosen:Eskilstuna']);
    expect(t.rows[0]?.years[2019]?.T).toEqual({ value: null, note: 'Saknas' });
    expect(t.rows[1]?.years[2020]?.K?.value).toBe(76.2);
    // A member without a value is left out of the mean, and the note says so.
    expect(t.rows[2]?.years[2020]?.T).toEqual({ value: 72, note: 'medel av 2 av 3 kommuner' });
  });

  it('shows Riket even when the organisation chose nothing', () => {
    const t = comparisonTable({ values: [], own: null, group: null, chosen: [], names: {} });
    expect(t).toEqual({ years: [], rows: [{ id: '0000', name: 'Riket', role: 'riket', years: {} }] });
  });
});
