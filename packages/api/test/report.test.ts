import { auditLog, events, goalIndicators, reportVersions } from '@lagesbild/db';
import { TEST_DB_KINDS } from '@lagesbild/db/testing';
import { REPORT_SECTIONS } from '@lagesbild/domain';
import { count, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../src/context.js';
import { GOAL_IDS, useGoalWorld } from './goal-fixture.js';

const admin: SessionUser = { id: 'admin', userId: null, name: 'admin', roles: ['admin'] };
const kolada = (value: number, year: number) =>
  JSON.stringify({
    data: { count: 1, values: [{ kpi: 'N00001', municipality: '0000', period: year, values: [{ gender: 'T', count: 1, status: '', value }] }] },
    kpi: { count: 1, values: [{ id: 'N00001', title: 'Ej återaktualiserade (exempel)' }] },
    municipality: { count: 1, values: [{ id: '0000', title: 'Riket', type: 'L' }] },
  });

describe.each(TEST_DB_KINDS)('the nämnd’s report, on %s', (kind) => {
  const { database, caller, chef, manager, analyst } = useGoalWorld(kind);
  const db = () => database.db;

  it('is made from today’s data in the reports’ order: goals as a tree, KPI tables by kind, the annex with Riket and its source', async () => {
    const { document: doc, version, versions, changes, canEdit } = await chef().report.get({ unit: 'SOC', period: '2021-D' });
    expect([version, versions, changes, canEdit]).toEqual([null, [], null, true]);
    expect(doc).toMatchObject({ unit: 'SOC', unitName: 'Socialförvaltningen', period: '2021-D', periodKind: 'delar', orgName: 'Testkommun', summary: '', dataThrough: '2021-08' });
    expect(doc.goals.map((g) => [g.depth, g.title, g.status])).toEqual([
      [0, 'Egen försörjning', 'ej-bedomd'],
      [1, 'Minskade kostnader för försörjningsstöd', 'ej-bedomd'],
      [1, 'Enhet B:s mål', 'ej-bedomd'],
      [1, 'Enhet C:s mål', 'ej-bedomd'],
    ]);
    expect(doc.goals[1]?.proposal).toBe('2 av 3 indikatorer uppfyllda, 1 delvis uppfylld');
    // Money is economy, households a volume; January–August 2021 is 16 000 kr against 16 000 (lower is better).
    expect(doc.ekonomi.map((r) => [r.kpi, r.value.value, r.lastYear.value, r.target, r.status])).toEqual([
      ['kr', 16_000, 12_800, 16_000, 'green'],
      ['kr-per-hh', 100, null, null, 'none'],
    ]);
    expect(doc.volymmatt.map((r) => r.kpi)).toContain('hh');
    expect(doc.personal).toEqual([]);
    expect(doc.bilaga.map((r) => [r.name, r.total.value, r.riket])).toEqual([
      ['Utbetalt', 16_000, null],
      ['Hushåll', 20, null],
      ['Ej återaktualiserade efter ett år (%)', 67, { value: 78, source: 'Rapporterat', year: null }],
    ]);
    expect(REPORT_SECTIONS[0]).toBe('sammantagen');
  });

  it('prints Riket from Kolada, with the source and year, once the indicator is linked to a Kolada KPI', async () => {
    const a = caller(admin);
    await a.kolada.importFile({ name: 'kolada.json', text: kolada(81.5, 2020) });
    await db().update(goalIndicators).set({ koladaKpi: 'N00001' }).where(eq(goalIndicators.name, 'Ej återaktualiserade efter ett år (%)'));
    const { document: doc } = await chef().report.get({ unit: 'SOC', period: '2021-D' });
    // Kolada has 2020 only: the newest year up to the report's is printed, named as such.
    expect(doc.bilaga.find((r) => r.name.startsWith('Ej återaktualiserade'))?.riket).toEqual({ value: 81.5, source: 'Kolada (RKA)', year: 2020 });
  });

  it('fastställs as a frozen version: later changes leave it as it was, and what moved since is listed', async () => {
    await chef().report.saveSummary({ unit: 'SOC', period: '2021-D', summary: '  Året följer planen.\r\n' });
    const v1 = await chef().report.faststall({ unit: 'SOC', period: '2021-D' });
    expect(v1).toMatchObject({ version: 1, faststalldBy: 'chefen' });

    await chef().target.set({ kpi: 'kr', unit: 'SOC', year: 2021, annual: 20_000, tolerance: 5, toleranceKind: 'percent' });
    await chef().assessment.decide({ goalId: GOAL_IDS.soc, period: '2021-D', status: 'ej-uppfyllt', prognos: 'ej-uppfyllt', comment: 'Kostnaderna över budget.' });

    const frozen = await chef().report.get({ unit: 'SOC', period: '2021-D', version: 1 });
    expect(frozen.version).toMatchObject({ version: 1 });
    expect(frozen.document.summary).toBe('Året följer planen.');
    expect(frozen.document.ekonomi[0]).toMatchObject({ target: 16_000, status: 'green' });
    expect(frozen.document.goals[1]).toMatchObject({ status: 'ej-bedomd' });
    const changed = (frozen.changes ?? []).map((c) => [c.section, c.row, c.column, c.before, c.after]);
    expect(changed).toContainEqual(['malbedomning', 'Minskade kostnader för försörjningsstöd', 'Status', 'ej bedömd', 'ej uppfyllt']);
    expect(changed).toContainEqual(['ekonomi', 'Utbetalt', 'Mål', '16 000 kr', '13 333 kr']);
    expect(changed).toContainEqual(['ekonomi', 'Utbetalt', 'Status', 'uppfyllt', 'ej uppfyllt']);

    const live = await chef().report.get({ unit: 'SOC', period: '2021-D' });
    expect(live.document.goals[1]).toMatchObject({ status: 'ej-uppfyllt', comment: 'Kostnaderna över budget.' });
    expect(live.versions.map((v) => v.version)).toEqual([1]);
    expect((await chef().report.faststall({ unit: 'SOC', period: '2021-D' })).version).toBe(2);

    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, 'report.faststalld')).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ actor: 'chefen', target: 'report:SOC:2021-D', detail: { version: 2 } });
    const [event] = await db().select().from(events).orderBy(desc(events.id)).limit(1);
    expect(event).toMatchObject({ kind: 'report.changed', payload: { units: ['SOC'], note: 'version 2' } });
  });

  it('downloads as a PDF or Word file made on the server, named for the period, unit and version', async () => {
    const pdf = await chef().report.file({ unit: 'SOC', period: '2021-D' });
    expect(pdf.fileName).toBe('delarsrapport-2021-SOC.pdf');
    expect(pdf.mimeType).toBe('application/pdf');
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await chef().report.faststall({ unit: 'SOC', period: '2021-T1' });
    const docx = await chef().report.file({ unit: 'SOC', period: '2021-T1', version: 1, format: 'docx' });
    expect(docx.fileName).toBe('tertialrapport-1-2021-SOC-v1.docx');
    expect(Buffer.from(docx.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    await expect(chef().report.file({ unit: 'SOC', period: '2021-T1', version: 2 })).rejects.toThrow('Rapporten för 2021-T1 har ingen fastställd version 2.');
  });

  it('refuses a version that does not exist, a period that is no follow-up and a summary too long; writes nothing', async () => {
    const before = (await db().select({ n: count() }).from(reportVersions))[0]?.n;
    await expect(chef().report.get({ unit: 'SOC', period: '2021-D', version: 9 })).rejects.toThrow('Rapporten för 2021-D har ingen fastställd version 9.');
    await expect(chef().report.get({ unit: 'SOC', period: '2021-03' })).rejects.toThrow(/Målbedömning görs per tertial, delår eller helår/);
    await expect(chef().report.saveSummary({ unit: 'SOC', period: '2021-D', summary: 'x'.repeat(20_001) })).rejects.toThrow(/för lång: 20001 tecken, högst 20000/);
    expect((await db().select({ n: count() }).from(reportVersions))[0]?.n).toBe(before);
  });

  it('gives an enhetschef her units’ report only, and an analyst a report she may read but not fastställa', async () => {
    const mine = await manager().report.get({ unit: 'B', period: '2021-D' });
    expect(mine.document.goals.map((g) => g.title)).toEqual(['Enhet B:s mål']);
    expect(mine.document.bilaga).toEqual([]);
    for (const unit of ['SOC', 'C', 'A1']) {
      await expect(manager().report.get({ unit, period: '2021-D' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(manager().report.faststall({ unit, period: '2021-D' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const read = await analyst().report.get({ unit: 'SOC', period: '2021-D' });
    expect(read.canEdit).toBe(false);
    await expect(analyst().report.faststall({ unit: 'SOC', period: '2021-D' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(analyst().report.saveSummary({ unit: 'SOC', period: '2021-D', summary: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
