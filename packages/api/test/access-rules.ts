/**
 * Who may call what: the expected outcome of every procedure for every kind
 * of caller (access-matrix.test.ts). Written from the role table, not
 * from the code, so the code is checked against the intent.
 */
import { GOAL_IDS } from './goal-fixture.js';

export type Caller = 'anonymous' | 'noRole' | 'admin' | 'chef' | 'analyst' | 'manager' | 'device';
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN';

interface Rule {
  describe: string;
  /** The input, for the unit tried (B: the manager's and the screen's own unit; C: another). */
  input: (unit: string) => unknown;
  /** Whether the procedure reads or writes a unit, so a scoped caller is tried on B and on C. */
  scoped: boolean;
  expect: (caller: Caller, unit: string) => Outcome;
}

const inScope = (caller: Caller, unit: string) => !['manager', 'device'].includes(caller) || unit === 'B';

/**
 * The wall screen's board (access-matrix.test.ts) shows unit B in March 2021:
 * an overview, a chart of hh and a drill-down of hh. The inputs below on B
 * are exactly those slides' requests; on C, or for anything a slide does not
 * show, the screen is refused.
 */
export const SCREEN_SLIDES = [
  { kind: 'overview' as const, unit: 'B', period: '2021-03', seconds: 20 },
  { kind: 'chart' as const, unit: 'B', kpi: 'hh', period: '2021-03', seconds: 20 },
  { kind: 'drilldown' as const, unit: 'B', kpi: 'hh', period: '2021-03', seconds: 20 },
];

const rules = {
  public: (): Pick<Rule, 'describe' | 'expect'> => ({ describe: 'anyone, signed in or not', expect: () => 'ok' }),
  read: (): Pick<Rule, 'describe' | 'expect'> => ({
    describe: 'every role within its units, and a wall screen asking exactly what a slide shows',
    expect: (c, unit) => (c === 'anonymous' ? 'UNAUTHORIZED' : c === 'noRole' ? 'FORBIDDEN' : inScope(c, unit) ? 'ok' : 'FORBIDDEN'),
  }),
  /** What a person reads within her units but no slide shows (comments, targets): never a wall screen. */
  readNoScreen: (): Pick<Rule, 'describe' | 'expect'> => ({
    describe: 'every role within its units, never a wall screen',
    expect: (c, unit) => (c === 'anonymous' ? 'UNAUTHORIZED' : c === 'noRole' || c === 'device' ? 'FORBIDDEN' : inScope(c, unit) ? 'ok' : 'FORBIDDEN'),
  }),
  user: (): Pick<Rule, 'describe' | 'expect'> => ({
    describe: 'a signed-in person or wall screen',
    expect: (c) => (c === 'anonymous' ? 'UNAUTHORIZED' : c === 'noRole' ? 'FORBIDDEN' : 'ok'),
  }),
  person: (): Pick<Rule, 'describe' | 'expect'> => ({
    describe: 'a signed-in person, not a wall screen',
    expect: (c) => (c === 'anonymous' ? 'UNAUTHORIZED' : c === 'noRole' || c === 'device' ? 'FORBIDDEN' : 'ok'),
  }),
  admin: (): Pick<Rule, 'describe' | 'expect'> => ({
    describe: 'admin only',
    expect: (c) => (c === 'anonymous' ? 'UNAUTHORIZED' : c === 'admin' ? 'ok' : 'FORBIDDEN'),
  }),
  comment: (): Pick<Rule, 'describe' | 'expect'> => ({
    describe: 'admin, förvaltningschef, and an enhetschef on her own units',
    expect: (c, unit) => (c === 'anonymous' ? 'UNAUTHORIZED' : ['admin', 'chef'].includes(c) || (c === 'manager' && unit === 'B') ? 'ok' : 'FORBIDDEN'),
  }),
  assess: (): Pick<Rule, 'describe' | 'expect'> => ({
    describe: 'admin, förvaltningschef, and an enhetschef for goals of her own units',
    expect: (c, unit) => (c === 'anonymous' ? 'UNAUTHORIZED' : ['admin', 'chef'].includes(c) || (c === 'manager' && unit === 'B') ? 'ok' : 'FORBIDDEN'),
  }),
  target: (): Pick<Rule, 'describe' | 'expect'> => ({
    describe: 'admin and förvaltningschef',
    expect: (c) => (c === 'anonymous' ? 'UNAUTHORIZED' : ['admin', 'chef'].includes(c) ? 'ok' : 'FORBIDDEN'),
  }),
  device: (): Pick<Rule, 'describe' | 'expect'> => ({
    describe: 'a wall screen only',
    expect: (c) => (c === 'anonymous' ? 'UNAUTHORIZED' : c === 'device' ? 'ok' : 'FORBIDDEN'),
  }),
};

const unscoped = (kind: keyof typeof rules, input: unknown = undefined): Rule => ({ ...rules[kind](), input: () => input, scoped: false });
const scoped = (kind: keyof typeof rules, input: (unit: string) => unknown): Rule => ({ ...rules[kind](), input, scoped: true });

/** A long CSV whose one row names an unknown KPI: past the gate it is refused as bad input, never written. */
const IMPORT_FILE = { fileName: 'matris.csv', contentBase64: Buffer.from('kpi,unit,period,gender,value\nfinns-inte,B,2021-03,T,1\n').toString('base64') };

let unknownLogins = 0;

/** The goal of unit B or C (goal-fixture.ts, written in the matrix's setup). */
const goalOf = (unit: string) => (unit === 'B' ? GOAL_IDS.B : GOAL_IDS.C);

export const RULES: Record<string, Rule> = {
  'auth.me': unscoped('public'),
  // Anyone may try; wrong credentials are refused the same way for everyone.
  // A new unknown username each time: five failures would lock it, exactly as they lock a real one.
  'auth.login': { describe: 'anyone may try to sign in', input: () => ({ username: `ingen-${++unknownLogins}`, password: 'fel' }), scoped: false, expect: () => 'UNAUTHORIZED' },
  'auth.organisation': unscoped('public', {}),
  'auth.logout': unscoped('user'),
  'auth.logoutEverywhere': unscoped('person'),
  'user.list': unscoped('admin'),
  'user.create': unscoped('admin', { username: 'ny-anvandare', displayName: 'Ny', password: null, roles: [] }),
  'user.setRoles': unscoped('admin', { userId: 999_999, roles: [] }),
  'user.setDisabled': unscoped('admin', { userId: 999_999, disabled: true }),
  'user.setPassword': unscoped('admin', { userId: 999_999, password: 'Ett-långt-lösenord-1' }),
  'user.loginLink': unscoped('admin', { userId: 999_999 }),
  'audit.list': unscoped('admin', {}),
  'audit.actions': unscoped('admin'),
  'kpi.list': unscoped('user'),
  'unit.tree': unscoped('user', { month: '2021-03' }),
  'overview.get': scoped('read', (unit) => ({ unit, period: '2021-03' })),
  'series.get': scoped('read', (unit) => ({ kpi: 'hh', unit, start: '2019-04', end: '2021-03' })),
  'drilldown.get': scoped('read', (unit) => ({ kpi: 'hh', unit, period: '2021-03' })),
  'comment.list': scoped('readNoScreen', (unit) => ({ kpi: 'hh', unit, period: '2021-03' })),
  'comment.add': scoped('comment', (unit) => ({ kpi: 'hh', unit, period: '2021-03', body: 'Färre hushåll efter nya rutiner.' })),
  'target.get': scoped('readNoScreen', (unit) => ({ kpi: 'hh', unit, year: 2021 })),
  'target.set': unscoped('target', { kpi: 'hh', unit: 'B', year: 2021, annual: 19, tolerance: 1, toleranceKind: 'absolute' }),
  'goal.list': scoped('readNoScreen', (unit) => ({ unit, period: '2021-D' })),
  'goal.forKpi': scoped('readNoScreen', (unit) => ({ kpi: 'hh', unit, period: '2021-D' })),
  'goal.get': scoped('readNoScreen', (unit) => ({ id: goalOf(unit), period: '2021-D' })),
  'assessment.history': scoped('readNoScreen', (unit) => ({ goalId: goalOf(unit), period: '2021-D' })),
  'assessment.decide': scoped('assess', (unit) => ({ goalId: goalOf(unit), period: '2021-D', status: 'ej-bedomd', prognos: 'ej-bedomd', comment: 'Ej bedömd än.' })),
  'atgard.list': scoped('readNoScreen', (unit) => ({ unit, period: '2021-D' })),
  'atgard.add': scoped('assess', (unit) => ({ unit, period: '2021-D', kpi: 'hh', title: 'Fler besök', owner: 'Eva' })),
  'atgard.setStatus': scoped('assess', (unit) => ({ unit, period: '2021-D', id: 999_999, status: 'klar' })),
  'uppdrag.list': scoped('readNoScreen', (unit) => ({ unit, period: '2021-D' })),
  'uppdrag.add': scoped('assess', (unit) => ({ unit, period: '2021-D', title: 'Ta fram en plan' })),
  'uppdrag.comment': scoped('assess', (unit) => ({ unit, period: '2021-D', id: 999_999, date: '2021-08-31', body: 'Klart.' })),
  'risk.list': scoped('readNoScreen', (unit) => ({ unit, period: '2021-D' })),
  'risk.add': scoped('assess', (unit) => ({ unit, period: '2021-D', risk: 'Fler hushåll' })),
  'report.get': scoped('readNoScreen', (unit) => ({ unit, period: '2021-D' })),
  // The driftsredovisning: a person within her units; no slide shows it.
  'economy.get': scoped('readNoScreen', (unit) => ({ unit, period: '2021-D' })),
  'economy.periods': unscoped('person', {}),
  'report.saveSummary': scoped('assess', (unit) => ({ unit, period: '2021-D', summary: 'Enligt plan.' })),
  'report.faststall': scoped('assess', (unit) => ({ unit, period: '2021-D' })),
  'report.file': scoped('readNoScreen', (unit) => ({ unit, period: '2021-T1' })),
  'board.list': unscoped('admin'),
  'board.save': unscoped('admin', { name: 'Ny tavla', slides: [{ kind: 'overview', unit: 'SOC', period: 'latest', seconds: 20 }] }),
  'board.createDevice': unscoped('admin', { boardId: 999_999, name: 'Skärm' }),
  'board.revokeDevice': unscoped('admin', { id: 999_999 }),
  'board.forDevice': unscoped('device'),
  'live.events': unscoped('user', {}),
  'import.preview': unscoped('admin', IMPORT_FILE),
  'import.commit': unscoped('admin', IMPORT_FILE),
  'import.rollbackPreview': unscoped('admin', { batchId: 999_999 }),
  'import.rollback': unscoped('admin', { batchId: 999_999, confirmed: true }),
  'import.batches': unscoped('admin', { limit: 10 }),
  'import.mappings': unscoped('admin'),
  'import.saveMapping': unscoped('admin', { label: 'Ny rad', kpiId: null }),
  'import.deleteMapping': unscoped('admin', { id: 999_999 }),
  // Kolada's figures are public, but the mapping and choice are the organisation's: people only, no wall screen.
  'kolada.comparison': unscoped('person', { kpi: 'hh' }),
  'kolada.map': unscoped('admin', { kpi: 'finns-inte', koladaKpi: 'N31807' }),
  'kolada.mapIndicator': unscoped('admin', { indicatorId: 999_999, koladaKpi: 'N31807' }),
  'kolada.choose': unscoped('admin', { own: 'fel' }),
  'kolada.settings': unscoped('admin'),
  'kolada.unmap': unscoped('admin', { kpi: 'finns-inte' }),
  'kolada.importFile': unscoped('admin', { name: 'kolada.json', text: '{}' }),
};
