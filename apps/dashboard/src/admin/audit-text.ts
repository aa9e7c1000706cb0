/**
 * An audit entry in words, for the log page: "Tavla 12", "Mål för Sjukfrånvaro
 * · BU · 2022", "Namn: Entrén · Bilder: 4" instead of the stored target key
 * and JSON. Pure, so it is tested without a browser; the words come from the
 * catalogue (access.audit.targets / fields), KPI ids become their names.
 */

type Translate = (key: string, named?: Record<string, unknown>) => string;
type Has = (key: string) => boolean;

export interface AuditWords {
  t: Translate;
  te: Has;
  /** A KPI id's name in the reader's language, or undefined when unknown. */
  kpiName: (id: string) => string | undefined;
}

/** Detail fields that are KPI ids, shown by name. */
const KPI_FIELDS = new Set(['kpi', 'koladaKpi']);

/** "board:12" → "Tavla 12"; "target:sjukfranvaro:BU:2022" → "Mål för Sjukfrånvaro · BU · 2022"; anything unknown as it was stored. */
export function auditTarget(target: string | null, w: AuditWords): string {
  if (!target) return '';
  const [kind = '', ...rest] = target.split(':');
  const key = `access.audit.targets.${kind}`;
  if (!w.te(key) || rest.length === 0) return target;
  // The KPI in a target's key (target:, kpi:) is named, as in the rest of the app.
  const parts = rest.map((p, i) => (i === 0 && (kind === 'target' || kind === 'kpi') ? (w.kpiName(p) ?? p) : p)).filter((p) => p !== '');
  return `${w.t(key)} ${parts.join(' · ')}`.trim();
}

/** A role as users are given it: { role, unit? }. */
function isRoleGrant(v: unknown): v is { role: string; unit?: string | null } {
  return typeof v === 'object' && v !== null && typeof (v as { role?: unknown }).role === 'string' && Object.keys(v).every((k) => k === 'role' || k === 'unit');
}

/** "Enhetschef (VUX)", as the users page writes a role. */
function roleText(r: { role: string; unit?: string | null }, w: AuditWords): string {
  const key = `access.roles.${r.role}`;
  const name = w.te(key) ? w.t(key) : r.role;
  return r.unit ? `${name} (${r.unit})` : name;
}

function valueText(key: string, v: unknown, w: AuditWords): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'boolean') return w.t(v ? 'access.audit.yes' : 'access.audit.no');
  if (typeof v === 'number') return v.toLocaleString('sv-SE');
  if (typeof v === 'string') return KPI_FIELDS.has(key) ? (w.kpiName(v) ?? v) : v;
  if (Array.isArray(v)) return v.map((x) => valueText(key, x, w)).join(', ');
  if (isRoleGrant(v)) return roleText(v, w);
  if (typeof v === 'object') return `(${auditDetail(v as Record<string, unknown>, w)})`;
  return typeof v === 'bigint' ? v.toString() : '';
}

/** Each field as "Namn: värde", joined with " · "; a field without a name in the catalogue keeps its stored name. */
export function auditDetail(detail: Record<string, unknown> | null, w: AuditWords): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([k, v]) => {
      const key = `access.audit.fields.${k}`;
      return `${w.te(key) ? w.t(key) : k}: ${valueText(k, v, w)}`;
    })
    .join(' · ');
}
