export const sv = {
  app: { title: 'Lägesbild', skip: 'Hoppa till innehållet', language: 'Språk' },
  overview: {
    heading: 'Lägesbild — {unit}',
    period: 'Period',
    summary: 'Sammanfattning',
    loading: 'Hämtar nyckeltal …',
    empty: 'Det finns inga data för den här perioden. Välj en annan period.',
    error: 'Servern svarar inte. Visar senast hämtade data från {time}. Försöker igen …',
    errorNoData: 'Servern svarar inte. Försöker igen …',
    retry: 'Försök igen',
    updated: 'Uppdaterad {time}',
  },
  period: { month: 'Månad', tertial: 'Tertial', delar: 'Delår', year: 'År', previous: 'Föregående period', next: 'Nästa period' },
  card: {
    target: 'Mål: {value}',
    noTarget: 'Inget mål',
    noValue: 'Inga data',
    partial: '{n} av {total} månader har data',
    reported: 'Rapporterat',
    synthetic: 'Syntetiskt demovärde',
    mixed: 'Rapporterat och syntetiskt',
    status: 'Status',
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
