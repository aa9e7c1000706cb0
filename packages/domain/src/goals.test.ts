import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_META, ASSESSMENTS, assessmentOfStatus, assessmentOfSymbol, canHoldGoal, decisionProblem, proposeAssessment, type Assessment } from './goals.js';

describe('målbedömning values', () => {
  it('have the reports’ symbols and words', () => {
    expect(ASSESSMENTS.map((a) => `${ASSESSMENT_META[a].symbol} ${ASSESSMENT_META[a].sv}`)).toEqual(['● uppfyllt', '◆ delvis uppfyllt', '■ ej uppfyllt', '○ ej bedömd']);
  });

  it('read the printed symbols, a blank as not assessed', () => {
    expect(['●', '◆', '■', '', ' '].map(assessmentOfSymbol)).toEqual(['uppfyllt', 'delvis', 'ej-uppfyllt', 'ej-bedomd', 'ej-bedomd']);
    expect(assessmentOfSymbol('○')).toBe('ej-bedomd');
  });

  it('follow a KPI’s traffic light', () => {
    expect((['green', 'yellow', 'red', 'none'] as const).map(assessmentOfStatus)).toEqual(['uppfyllt', 'delvis', 'ej-uppfyllt', 'ej-bedomd']);
  });
});

describe('the goal hierarchy', () => {
  it('puts areas at the top, nämndmål and resultatmål under an area, sub-goals under a goal', () => {
    expect(canHoldGoal(null, 'area')).toBe(true);
    expect(canHoldGoal('area', 'resultatmal')).toBe(true);
    expect(canHoldGoal('area', 'namndmal')).toBe(true);
    expect(canHoldGoal('resultatmal', 'delmal')).toBe(true);
    expect(canHoldGoal('delmal', 'delmal')).toBe(true);
    expect(canHoldGoal(null, 'resultatmal')).toBe(false);
    expect(canHoldGoal('area', 'delmal')).toBe(false);
    expect(canHoldGoal('area', 'area')).toBe(false);
    expect(canHoldGoal('resultatmal', 'resultatmal')).toBe(false);
  });
});

describe('the proposal rule', () => {
  it('proposes from the indicators and says why', () => {
    expect(proposeAssessment(['uppfyllt', 'uppfyllt', 'delvis'])).toEqual({ value: 'delvis', explanation: '2 av 3 indikatorer uppfyllda, 1 delvis uppfylld' });
    expect(proposeAssessment(['uppfyllt', 'uppfyllt', 'ej-bedomd'])).toEqual({ value: 'uppfyllt', explanation: '2 av 3 indikatorer uppfyllda, 1 ej bedömd' });
    expect(proposeAssessment(['ej-uppfyllt', 'ej-uppfyllt'])).toEqual({ value: 'ej-uppfyllt', explanation: '0 av 2 indikatorer uppfyllda, 2 ej uppfyllda' });
    expect(proposeAssessment(['uppfyllt'])).toEqual({ value: 'uppfyllt', explanation: '1 av 1 indikator uppfylld' });
    expect(proposeAssessment(['ej-bedomd'])).toEqual({ value: 'ej-bedomd', explanation: '0 av 1 indikator uppfyllda, 1 ej bedömd' });
    expect(proposeAssessment([])).toEqual({ value: 'ej-bedomd', explanation: 'Målet har inga indikatorer.' });
  });

  const assessment = fc.constantFrom<Assessment>(...ASSESSMENTS);
  const rank: Record<Assessment, number> = { 'ej-uppfyllt': 0, delvis: 1, uppfyllt: 2, 'ej-bedomd': -1 };

  it('does not depend on the order of the indicators, and counts every one in its explanation', () => {
    fc.assert(
      fc.property(fc.array(assessment, { minLength: 1, maxLength: 12 }), fc.integer(), (xs, seed) => {
        const shuffled = [...xs].sort((a, b) => ((a.charCodeAt(0) * seed) % 7) - ((b.charCodeAt(0) * seed) % 7));
        expect(proposeAssessment(shuffled)).toEqual(proposeAssessment(xs));
        const met = xs.filter((x) => x === 'uppfyllt').length;
        expect(proposeAssessment(xs).explanation.startsWith(`${met} av ${xs.length} `)).toBe(true);
      }),
    );
  });

  it('never proposes worse when one assessed indicator gets better, and is ej bedömd exactly when nothing is assessed', () => {
    fc.assert(
      fc.property(fc.array(assessment, { minLength: 1, maxLength: 12 }), fc.nat(), (xs, i) => {
        const at = i % xs.length;
        const before = proposeAssessment(xs).value;
        expect(before === 'ej-bedomd').toBe(xs.every((x) => x === 'ej-bedomd'));
        const old = xs[at];
        if (old === undefined || old === 'ej-bedomd' || old === 'uppfyllt') return;
        const better = xs.map((x, j) => (j === at ? (old === 'ej-uppfyllt' ? 'delvis' : 'uppfyllt') : x));
        expect(rank[proposeAssessment(better).value]).toBeGreaterThanOrEqual(rank[before]);
      }),
    );
  });
});

describe('deciding', () => {
  const proposed = { status: 'delvis', prognos: 'uppfyllt' } as const;

  it('needs no comment when it follows the proposal', () => {
    expect(decisionProblem(proposed, { status: 'delvis', prognos: 'uppfyllt', comment: '' })).toBeNull();
  });

  it('needs a comment when status or prognos departs from it, and says which', () => {
    expect(decisionProblem(proposed, { status: 'ej-uppfyllt', prognos: 'uppfyllt', comment: '  ' })).toBe(
      'Bedömningen avviker från förslaget: status ej uppfyllt (förslaget är delvis uppfyllt). Skriv en kommentar som förklarar varför.',
    );
    expect(decisionProblem(proposed, { status: 'uppfyllt', prognos: 'delvis', comment: '' })).toContain(
      'status uppfyllt (förslaget är delvis uppfyllt) och prognos delvis uppfyllt',
    );
    expect(decisionProblem(proposed, { status: 'ej-uppfyllt', prognos: 'uppfyllt', comment: 'Placeringskostnaderna ökar.' })).toBeNull();
  });
});
