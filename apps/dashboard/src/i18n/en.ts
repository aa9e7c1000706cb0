import type { Messages } from './sv.js';

export const en: Messages = {
  app: { title: 'Lägesbild', skip: 'Skip to content', language: 'Language' },
  overview: {
    heading: 'Lägesbild — {unit}',
    period: 'Period',
    summary: 'Summary',
    loading: 'Loading KPIs …',
    empty: 'There is no data for this period. Choose another period.',
    error: 'The server does not answer. Showing data fetched at {time}. Retrying …',
    errorNoData: 'The server does not answer. Retrying …',
    retry: 'Try again',
    updated: 'Updated {time}',
  },
  period: { month: 'Month', tertial: 'Tertial', delar: 'Interim (Jan–Aug)', year: 'Year', previous: 'Previous period', next: 'Next period' },
  card: {
    target: 'Target: {value}',
    noTarget: 'No target',
    noValue: 'No data',
    partial: '{n} of {total} months have data',
    reported: 'Reported',
    synthetic: 'Synthetic demo value',
    mixed: 'Reported and synthetic',
    status: 'Status',
  },
  groups: {
    'ekonomiskt-bistand': 'Financial assistance',
    'barn-unga-vuxna': 'Children, young people and adults',
    placeringar: 'Placements',
    personal: 'Staff and health',
    medarbetarengagemang: 'Employee engagement',
    ekonomi: 'Finance',
  },
};
