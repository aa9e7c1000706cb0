/**
 * The printed volymmått rows (reference data, volume_measures) and the KPI
 * each is, by every label a year's report gives it: one KPI per row
 * (000 l.245–310), whatever the year calls it. For the tests that hold the
 * demo and the engine to the printed utfall.
 */
export const VOLUME_MEASURE_KPIS: Readonly<Record<string, string>> = {
  'Antal hushåll som beviljats ekonomiskt bistånd, genomsnitt per månad': 'hushall-utbetalt',
  'Hushåll med utbetalt försörjningsstöd, antal per månad': 'hushall-utbetalt',
  'Antal inkomna aktualiseringar': 'aktualiseringar',
  'Antal startade utredningar': 'startade-utredningar',
  'Antal avslutade utredningar': 'avslutade-utredningar',
  'Antal utnyttjade vårddygn i familjehem, ensamkommande barn och unga': 'varddygn-familjehem-ekb',
  'Vårddygn i familjehem, ensamkommande barn och unga': 'varddygn-familjehem-ekb',
  'Antal utnyttjade vårdygn i stödboende/HVB, ensamkommande barn och unga': 'varddygn-hvb-ekb',
  'Antal utnyttjade vårddygn i stödboende/HVB, ensamkommande barn och unga': 'varddygn-hvb-ekb',
  'Vårddygn i stödboende/HVB, ensamkommande barn och unga': 'varddygn-hvb-ekb',
  'Antal utnyttjade vårddygn i familjehem, barn och unga exkl ensamkommande': 'varddygn-familjehem-bu',
  'Vårddygn i familjehem, barn och unga exkl ensamkommande': 'varddygn-familjehem-bu',
  'Antal utnyttjade vårddygn på institution, barn och unga exkl ensamkommande': 'varddygn-institution-bu',
  'Vårddygn på institution, barn och unga exkl ensamkommande': 'varddygn-institution-bu',
  'Antal utnyttjade vårddygn på institution, vuxna': 'varddygn-institution-vuxna',
  'Antal utnyttjande vårddygn på institution, vuxna': 'varddygn-institution-vuxna',
  'Antal utnyttjade vårddygn på Vårnäs, öppet intag': 'varddygn-varnas',
  'Antal ensamkommande barn och unga': 'ensamkommande',
  'Ensamkommande barn och unga': 'ensamkommande',
  'Antal pågående insatser, kontaktfamiljer/kontaktpersoner': 'kontaktfamiljer',
  'Pågående insatser, kontaktfamiljer/kontaktpersoner': 'kontaktfamiljer',
  'Antal ärenden spelmissbruk': 'spelmissbruk',
  Spelmissbruksärenden: 'spelmissbruk',
  'Antal kvinnofridsärenden': 'kvinnofrid',
  Kvinnofridsärenden: 'kvinnofrid',
  'Antal sociala kontrakt': 'sociala-kontrakt',
  'Sociala kontrakt': 'sociala-kontrakt',
  'Antal stadigvarande serveringstillstånd': 'serveringstillstand',
  'Stadigvarande serveringstillstånd': 'serveringstillstand',
  'Antal pågående utredningar': 'pagaende-utredningar',
};
