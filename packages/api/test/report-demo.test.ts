import { join } from 'node:path';
import { referenceRows } from '@lagesbild/db/testing';
import { ASSESSMENT_META, assessmentOfSymbol, type Assessment } from '@lagesbild/domain';
import { ASSESSMENT_COLOUR, inspectPdf, pixelsNear } from '@lagesbild/report-pdf/testing';
import { describe, expect, it } from 'vitest';
import { demoCallers } from './demo-callers.js';

const ARTIFACTS = join(import.meta.dirname, '..', 'test-artifacts');
/** The symbol as 004 prints it; "ej bedömd" is left blank there. */
const printed = (a: Assessment) => (a === 'ej-bedomd' ? '' : ASSESSMENT_META[a].symbol);

/** The demo's Delårsrapport 2020 set beside the one the förvaltning printed (004). */
describe('the demo’s delårsrapport 2020', () => {
  const { chef, admin } = demoCallers();
  const ask = { unit: 'SOC', period: '2020-D' };

  it('has 004’s målbedömning: every goal under its area with the printed status and prognos symbols and comment', async () => {
    const { document: doc } = await chef().report.get(ask);
    const areaOf = (id: number | null) => doc.goals.find((g) => g.id === id)?.title;
    const table = doc.goals.filter((g) => g.kind !== 'area').map((g) => [areaOf(g.parentId), g.title, printed(g.status), printed(g.prognos), g.comment]);
    expect(table).toEqual(referenceRows('goal_assessments').map((r) => [r.area, r.goal_sv, r.status_symbol, r.forecast_symbol, r.comment]));
  });

  it('prints Riket in the indicator annex from the Kolada file, with the source and year, as 004 prints it', async () => {
    const { document: doc } = await chef().report.get(ask);
    const printedRiket = referenceRows('indicators_2020').map((r) => [r.indicator_sv, r.riket ? { value: Number(r.riket), source: 'Kolada (RKA)', year: 2020 } : null]);
    expect(doc.bilaga.map((r) => [r.name, r.riket])).toEqual(printedRiket);
  });

  it('reads every figure from the protected release, for an exact role too: the admin’s report is the förvaltningschef’s', async () => {
    const [mine, theirs] = await Promise.all([chef().report.get(ask), admin().report.get(ask)]);
    for (const section of ['volymmatt', 'ekonomi', 'personal', 'bilaga'] as const) expect(theirs.document[section]).toEqual(mine.document[section]);
    const overview = await chef().overview.get(ask);
    const figures = [...mine.document.volymmatt, ...mine.document.ekonomi, ...mine.document.personal].map((r) => [r.kpi, r.value.value, r.value.hidden]);
    // The overview's cards for the delår itself (a yearly survey's card stands at its latest measurement instead, and
    // the overview leaves out KPIs with neither data nor target): each is the report's figure.
    const sameFigures = overview.cards.filter((c) => c.period === overview.period);
    expect(sameFigures.length).toBeGreaterThan(10);
    expect(figures).toEqual(expect.arrayContaining(sameFigures.map((c) => [c.kpi, c.value, c.hidden])));
    expect(figures.length).toBeGreaterThanOrEqual(overview.cards.length);
  });

  it('downloads as a PDF whose pages show the goals, the coloured symbols and the Kolada source (PNG pages kept as artifacts)', async () => {
    const file = await chef().report.file(ask);
    const pdf = inspectPdf(ARTIFACTS, 'demo-delarsrapport-2020', Buffer.from(file.base64, 'base64'));
    expect(pdf.pages).toBeGreaterThanOrEqual(4);
    expect(pdf.flat).toContain('Delårsrapport 2020');
    // Each goal's row in the målbedömning table says 004's status and prognos, in that order, on the title's first line.
    const lines = pdf.layout.split('\n');
    const words = (symbol: string) => ASSESSMENT_META[assessmentOfSymbol(symbol)].sv;
    // The table prints the goals in 004's order: each is looked for after the one before (two titles share their first line).
    let cursor = 0;
    for (const r of referenceRows('goal_assessments')) {
      const start = (r.goal_sv ?? '').slice(0, 18);
      const at = lines.findIndex((l, i) => i >= cursor && l.trimStart().startsWith(start) && /uppfyllt|ej bedömd/.test(l));
      cursor = at + 1;
      const line = lines[at] ?? '';
      const [status, prognos] = [words(r.status_symbol ?? ''), words(r.forecast_symbol ?? '')];
      expect([
        r.goal_sv,
        line
          .slice(line.indexOf(start) + start.length)
          .match(/ej uppfyllt|delvis uppfyllt|uppfyllt|ej bedömd/g)
          ?.slice(0, 2),
      ]).toEqual([r.goal_sv, [status, prognos]]);
    }
    expect(pdf.flat).toContain('Källa: Kolada (RKA) 2020');
    // Every page together shows the three symbols 004 uses (●, ◆, ■) in their colours.
    const pages = Array.from({ length: pdf.pages }, (_, i) => pdf.png(i + 1));
    for (const a of ['uppfyllt', 'delvis', 'ej-uppfyllt'] as const) expect(pages.reduce((n, p) => n + pixelsNear(p, ASSESSMENT_COLOUR[a]), 0)).toBeGreaterThan(20);
  });
});
