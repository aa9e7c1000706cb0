import { describe, expect, it } from 'vitest';
import { useChromium } from './support/fixture.js';
import { shoot, tableCells } from './support/views.js';

// A Kolada file as the API gives it: one data page of 2021 figures, with the KPI's definition beside it.
const figures: [string, number][] = [
  ['0483', 4.1],
  ['0000', 3.8],
  ['0484', 5.2],
];
const FILE = JSON.stringify({
  data: {
    count: figures.length,
    values: figures.map(([municipality, value]) => ({ kpi: 'N31807', municipality, period: 2021, values: [{ gender: 'T', count: 1, status: '', value }] })),
  },
  kpi: { count: 1, values: [{ id: 'N31807', title: 'Hushåll med ekonomiskt bistånd, andel (exempel)' }] },
  municipality: { count: 1, values: [{ id: '0484', title: 'Eskilstuna', type: 'K' }] },
});

describe('Kolada in Chromium: an admin loads, chooses and maps; the KPI view shows it', () => {
  const e2e = useChromium();

  it('loads a file, says what it stored, and a KPI mapped to it shows the own municipality beside Riket and the chosen one', async () => {
    const page = await e2e.open('/admin/import');
    await page.getByTestId('import-kolada-link').click();
    await page.waitForURL(/\/admin\/import\/kolada$/);
    // The notice says how the last action went; wait for the words of this one.
    const says = (text: string | RegExp) => page.getByTestId('kolada-notice').filter({ hasText: text }).waitFor();

    await page.getByTestId('kolada-load').click();
    await says('Välj en fil först.');
    await page.getByTestId('kolada-file').setInputFiles({ name: 'kolada.json', mimeType: 'application/json', buffer: Buffer.from(FILE) });
    await page.getByTestId('kolada-load').click();
    await says(/Inläst: 3 nya värden, 0 reviderade .* 0 oförändrade\./);

    await page.getByTestId('kolada-own').fill('0483');
    await page.getByLabel('Andra kommuner').fill('0484');
    await page.getByTestId('kolada-save-compare').click();
    await says('Jämförelsen är sparad.');

    await page.getByTestId('kolada-map-kpi').selectOption('hushall-utbetalt');
    await page.getByTestId('kolada-map-id').fill('hushåll');
    await page.getByTestId('kolada-map').click();
    await says(/en bokstav och fem siffror/);
    await page.getByTestId('kolada-map-id').fill('N31807');
    await page.getByLabel('Hur definitionerna skiljer sig').fill('Kolada: andel av invånarna, helår.');
    await page.getByTestId('kolada-map').click();
    await says('jämförs nu med N31807');
    await expect(page.getByTestId('kolada-mappings').textContent()).resolves.toContain('N31807');
    await shoot(page, 'admin-kolada');

    const detail = await e2e.open('/kpi/hushall-utbetalt?enhet=SOC&period=2021');
    await detail.getByTestId('kolada-comparison').waitFor();
    const rows = await tableCells(detail, 'kolada-comparison');
    expect(rows.map((r) => r.join(' | '))).toEqual(['Kommun | 2021', 'Katrineholm egen kommun | 4,1', 'Riket hela landet | 3,8', 'Eskilstuna vald jämförelse | 5,2']);
    await expect(detail.getByTestId('kolada-comparison').textContent()).resolves.toContain('Källa: Kolada (RKA), 2021.');
  });

  it('links a goal indicator to a Kolada KPI: the goals view then shows Riket from Kolada beside it', async () => {
    // "Praktikanter" prints no Riket in 004; linked to the demo's sick-leave figure (D00497, Riket 6,5 in 2020) it shows that one.
    const name = 'Praktikanter i kommunala verksamheter, antal';
    const goals = await e2e.open('/mal?enhet=SOC&period=2020-D');
    const row = goals.getByTestId('goal-indicators').locator('tr', { hasText: name });
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe('–');

    const page = await e2e.open('/admin/import/kolada');
    await page.getByTestId('kolada-indicator').selectOption({ label: name });
    await page.getByTestId('kolada-indicator-id').fill('D00497');
    await page.getByTestId('kolada-indicator-link').click();
    await page
      .getByTestId('kolada-notice')
      .filter({ hasText: `${name} jämförs nu med D00497.` })
      .waitFor();
    await expect(page.getByTestId('kolada-indicator-links').textContent()).resolves.toContain(`${name} (Ökad sysselsättning) → D00497`);

    await goals.reload();
    await expect.poll(() => row.locator('td').nth(1).textContent()).toBe('6,5');
    await shoot(page, 'admin-kolada-indicators');
  });
});
