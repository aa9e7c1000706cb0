// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { faststallReport, fetchReport, fetchReportFile, type ReportAnswer } from '../api/report.js';
import type * as LiveEvents from '../composables/useLiveEvents.js';
import { render, visibleText } from '../test/render.js';
import { reportDocument } from '../test/report-fixture.js';
import ReportView from './ReportView.vue';

vi.mock('../api/report.js', () => ({ fetchReport: vi.fn(), faststallReport: vi.fn(), saveReportSummary: vi.fn(), fetchReportFile: vi.fn() }));
vi.mock('../api/units.js', () => ({ fetchUnitTree: vi.fn(async () => [{ code: 'SOC', name: 'Socialförvaltningen', depth: 0 }]) }));
// No server to subscribe to: the view's reload on events is tested through reportTouched (report.test.ts).
vi.mock('../composables/useLiveEvents.js', async (importOriginal) => ({
  ...(await importOriginal<typeof LiveEvents>()),
  useLiveEvents: vi.fn(() => ({})),
}));
const fetchMock = vi.mocked(fetchReport);
const faststallMock = vi.mocked(faststallReport);
const fileMock = vi.mocked(fetchReportFile);

const v2 = { version: 2, faststalldBy: 'Anna Chef', faststalldAt: '2020-09-15T09:00:00.000Z' };
const answer = (over: Partial<ReportAnswer> = {}): ReportAnswer => ({ document: reportDocument(), version: null, versions: [v2], changes: null, canEdit: true, ...over });

async function open(query: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/rapport', name: 'report', component: ReportView }] });
  await router.push(`/rapport?${query}`);
  const w = render(ReportView, {}, 'sv', [router]);
  await flushPromises();
  return { w, router };
}

describe('the report view', () => {
  beforeEach(() => {
    fetchMock.mockReset();
    faststallMock.mockReset();
  });

  it('shows the live report with its sections in the reports order, the versions, and Fastställ for those who may', async () => {
    fetchMock.mockResolvedValue(answer());
    const { w } = await open('enhet=SOC&period=2020-D');
    expect(fetchMock).toHaveBeenCalledWith({ unit: 'SOC', period: '2020-D' });
    expect(w.find('[data-testid="report-title"]').text()).toBe('Delårsrapport 2020 – Socialförvaltningen');
    expect(w.findAll('section.report-section h2').map((h) => h.text())).toEqual([
      'Sammantagen bedömning',
      'Målbedömning med prognos',
      'Uppdrag',
      'Volymmått',
      'Ekonomi',
      'Personal',
      'Åtgärdsplan',
      'Risker',
      'Bilaga: Uppföljning av indikatorer',
    ]);
    expect(w.findAll('[data-testid="report-version"] option').map((o) => o.text())).toEqual(['Aktuella data', 'Version 2, fastställd 2020-09-15 av Anna Chef']);
    expect(w.find('[data-testid="report-banner"]').exists()).toBe(false);
    expect(w.find('[data-testid="report-summary-text"]').exists()).toBe(true);
    expect(w.find('[data-testid="report-pdf"]').text()).toBe('Ladda ner PDF');
    expect(w.find('[data-testid="report-print"]').text()).toBe('Skriv ut');
  });

  it('fastställer after a second step that says later imports do not change it, then shows the new version', async () => {
    fetchMock.mockResolvedValue(answer());
    faststallMock.mockResolvedValue({ version: 3, faststalldBy: 'Anna Chef', faststalldAt: '2020-09-20T09:00:00.000Z' });
    const { w, router } = await open('enhet=SOC&period=2020-D');
    await w.find('[data-testid="report-faststall"]').trigger('click');
    expect(visibleText(w)).toContain('Fastställ delårsrapport 2020? Senare importer ändrar inte en fastställd version.');
    expect(faststallMock).not.toHaveBeenCalled();
    await w.find('[data-testid="report-faststall-confirm"]').trigger('click');
    await flushPromises();
    expect(faststallMock).toHaveBeenCalledWith({ unit: 'SOC', period: '2020-D' });
    expect(router.currentRoute.value.query.version).toBe('3');
    expect(fetchMock).toHaveBeenLastCalledWith({ unit: 'SOC', period: '2020-D', version: 3 });
  });

  it('a fastställd version: the banner, what differs from today, the text read-only and no Fastställ', async () => {
    const changes = [{ section: 'volymmatt' as const, row: 'Hushåll med utbetalt försörjningsstöd', column: 'Utfall', before: '431', after: '455' }];
    fetchMock.mockResolvedValue(answer({ version: v2, changes }));
    const { w } = await open('enhet=SOC&period=2020-D&version=2');
    expect(fetchMock).toHaveBeenCalledWith({ unit: 'SOC', period: '2020-D', version: 2 });
    expect(w.find('[data-testid="report-banner"]').text()).toContain('Fastställd version 2, 2020-09-15 av Anna Chef.');
    expect((w.find('[data-testid="report-version"]').element as HTMLSelectElement).value).toBe('2');
    expect(
      w
        .find('[data-testid="report-change"]')
        .findAll('th, td')
        .map((c) => c.text()),
    ).toEqual(['Volymmått', 'Hushåll med utbetalt försörjningsstöd', 'Utfall', '431', '455']);
    expect(w.find('[data-testid="report-faststall"]').exists()).toBe(false);
    expect(w.find('[data-testid="report-summary-text"]').exists()).toBe(false);
    expect(w.find('[data-testid="report-summary"]').text()).toBe('Verksamheten har i huvudsak bedrivits enligt plan.');
  });

  it('downloads the shown version as the PDF the server makes, under the file name it gives', async () => {
    fetchMock.mockResolvedValue(answer({ version: v2, changes: [] }));
    fileMock.mockResolvedValue({ fileName: 'delarsrapport-2020-SOC-v2.pdf', mimeType: 'application/pdf', base64: btoa('%PDF-1.7') });
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const { w } = await open('enhet=SOC&period=2020-D&version=2');
    await w.find('[data-testid="report-pdf"]').trigger('click');
    await flushPromises();
    expect(fileMock).toHaveBeenCalledWith({ unit: 'SOC', period: '2020-D', format: 'pdf', version: 2 });
    expect(clicked).toEqual(['delarsrapport-2020-SOC-v2.pdf']);
    expect(w.find('[data-testid="report-no-changes"]').text()).toBe('Inga skillnader mot aktuella data.');
    click.mockRestore();
  });

  it('without the right to edit, the live report has neither Fastställ nor the text form', async () => {
    fetchMock.mockResolvedValue(answer({ canEdit: false, versions: [] }));
    const { w } = await open('enhet=SOC&period=2020-T1');
    expect(fetchMock).toHaveBeenCalledWith({ unit: 'SOC', period: '2020-T1' });
    expect(w.find('[data-testid="report-faststall"]').exists()).toBe(false);
    expect(w.find('[data-testid="report-summary-text"]').exists()).toBe(false);
  });

  it('says in Swedish when the report cannot be loaded, with a retry', async () => {
    fetchMock.mockRejectedValue(new Error('Enheten finns inte.'));
    const { w } = await open('enhet=XYZ&period=2020-D');
    expect(w.find('[data-testid="report-error"]').text()).toContain('Kunde inte hämta rapporten.');
  });
});
