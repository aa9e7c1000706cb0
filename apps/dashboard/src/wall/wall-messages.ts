import { i18n } from '../i18n/index.js';

/** The wall screen's and live updates' words, kept beside them and merged into the app's i18n once. (vue-i18n: avoid @ | $.) */
const sv = {
  live: {
    changed: 'Uppdaterat: {n} nyckeltal har nya värden',
  },
  wall: {
    loading: 'Startar skärmen…',
    unknownTitle: 'Skärmen är inte registrerad',
    unknownText: 'Skärmens nyckel är okänd eller återkallad. Be en administratör om en ny länk.',
    offlineTitle: 'Servern svarar inte',
    offlineText: 'Försöker igen av sig själv…',
    stale: 'Data inte uppdaterad sedan {time}',
    staleNever: 'Data inte uppdaterad – ingen kontakt med servern',
    updated: 'Uppdaterad {time}',
    slideOf: 'Bild {n} av {total}',
    changed: 'Uppdaterat: {what}',
    overview: 'Översikt',
    chart: 'Utveckling per månad',
    drilldown: 'Per enhet',
    redlist: 'Ej uppfyllda mål',
    redlistNone: 'Alla nyckeltal med mål är uppfyllda eller delvis uppfyllda.',
    target: 'Mål {value}',
    noTarget: 'Inget mål',
    noValue: 'Inget värde',
    shownOf: 'Visar {n} av {total} nyckeltal, de med mål först',
    targetLine: 'Mål',
    unitCol: 'Enhet',
    valueCol: 'Värde',
    targetCol: 'Mål',
    statusCol: 'Status',
    deviation: 'Avvikelse {value}',
    suppressed: 'Dolt (färre än 5)',
  },
};
type WallMessages = typeof sv;

const en: WallMessages = {
  live: {
    changed: 'Updated: {n} KPIs have new values',
  },
  wall: {
    loading: 'Starting the screen…',
    unknownTitle: 'This screen is not registered',
    unknownText: 'The screen key is unknown or revoked. Ask an administrator for a new link.',
    offlineTitle: 'The server does not answer',
    offlineText: 'Retrying by itself…',
    stale: 'Data not updated since {time}',
    staleNever: 'Data not updated – no contact with the server',
    updated: 'Updated {time}',
    slideOf: 'Slide {n} of {total}',
    changed: 'Updated: {what}',
    overview: 'Overview',
    chart: 'By month',
    drilldown: 'By unit',
    redlist: 'Targets not met',
    redlistNone: 'Every KPI with a target is met or partly met.',
    target: 'Target {value}',
    noTarget: 'No target',
    noValue: 'No value',
    shownOf: 'Showing {n} of {total} KPIs, those with targets first',
    targetLine: 'Target',
    unitCol: 'Unit',
    valueCol: 'Value',
    targetCol: 'Target',
    statusCol: 'Status',
    deviation: 'Deviation {value}',
    suppressed: 'Hidden (fewer than 5)',
  },
};

let merged = false;
export function useWallMessages(): void {
  if (merged) return;
  merged = true;
  i18n.global.mergeLocaleMessage('sv', sv);
  i18n.global.mergeLocaleMessage('en', en);
}
