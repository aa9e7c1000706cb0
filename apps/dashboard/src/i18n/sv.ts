/**
 * Swedish, the first language. Plain words a förvaltningschef uses; the KPI
 * names, units and figures come from the server, already in Swedish format.
 * (vue-i18n syntax: {name} is a value; avoid @ | $ in messages.)
 */
export const sv = {
  app: {
    title: 'Lägesbild',
    home: 'Lägesbild, till översikten',
    skip: 'Hoppa till nyckeltalen',
    otherLanguage: 'English',
    otherLanguageCode: 'en',
  },
  overview: {
    heading: 'Lägesbild — {unit}',
    kpiCount: '{n} nyckeltal',
    latestData: 'data t.o.m. {month}',
    fetched: 'hämtad {time}',
    summary: 'Målbedömning {period}',
    loading: 'Hämtar nyckeltal…',
    updating: 'Hämtar {period}…',
    emptyTitle: 'Inga värden för {period}',
    emptyText: 'Inget nyckeltal har data för den här perioden.',
    emptyAction: 'Visa senaste månaden med data ({month})',
    offlineStale: 'Servern svarar inte. Visar senast hämtade data från {time}. Försöker igen…',
    offlineTitle: 'Servern svarar inte',
    offlineText: 'Nyckeltalen kan inte hämtas just nu. Försöker igen…',
    requestTitle: 'Översikten kan inte visas',
    requestFallback: 'Adressen pekar på en enhet eller period som inte finns.',
    requestAction: 'Till förvaltningens översikt',
    retry: 'Försök igen nu',
    retrying: 'Försöker…',
    legend: 'Rapporterat: värdet kommer från förvaltningens rapporter. Syntetiskt demovärde: framtaget för demonstrationen så att perioderna stämmer med rapporternas summor.',
  },
  period: {
    label: 'Period',
    kinds: 'Periodtyp',
    month: 'Månad',
    tertial: 'Tertial',
    delar: 'Delår',
    year: 'År',
    previous: 'Föregående period',
    next: 'Nästa period',
  },
  card: {
    target: 'Mål: {value}',
    noTarget: 'Inget mål',
    noValue: 'Inga data',
    partial: '{n} av {total} månader har data',
    change: '{change} mot {period}',
    suppressed: 'Dolt för att skydda enskilda',
    status: 'Status',
    reported: 'Rapporterat',
    synthetic: 'Syntetiskt demovärde',
    mixed: 'Rapporterat och syntetiskt',
  },
  groups: {
    'ekonomiskt-bistand': 'Ekonomiskt bistånd',
    'barn-unga-vuxna': 'Barn, unga och vuxna',
    placeringar: 'Placeringar',
    personal: 'Personal och hälsa',
    medarbetarengagemang: 'Medarbetarengagemang',
    ekonomi: 'Ekonomi',
  },
};

export type Messages = typeof sv;
