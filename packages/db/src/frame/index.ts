export { clearOrgData, kpiRow, upsertKpis, writeOrgFrame, type OrgFrame, type WrittenFrame } from './org-frame.js';
