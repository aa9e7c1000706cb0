import { accessEn } from './access-en.js';
import { boardsEn } from './boards-en.js';
import { chartsEn } from './charts-en.js';
import { economyEn } from './economy-en.js';
import { en } from './en.js';
import { followUpsEn } from './follow-ups-en.js';
import { goalsEn } from './goals-en.js';
import { importEn } from './import-en.js';
import { koladaEn } from './kolada-en.js';
import { reportEn } from './report-en.js';
import { wallEn } from './wall-en.js';
import type { Messages } from './index.js';

/**
 * The English catalogue, loaded only when English is chosen (loadLocale in index.ts imports
 * this module on demand, so a Swedish first render does not download it). Typed as Messages:
 * every English part has exactly its Swedish part's keys, checked when typechecking.
 */
export const enMessages: Messages = {
  ...en,
  access: accessEn,
  boards: boardsEn,
  economy: economyEn,
  followUps: followUpsEn,
  goals: goalsEn,
  importer: importEn,
  kolada: koladaEn,
  report: reportEn,
  ...wallEn,
  ...chartsEn,
};
