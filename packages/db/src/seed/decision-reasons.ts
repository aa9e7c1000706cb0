/**
 * The reasons of "Beslutsstatistik – orsak till försörjningsstöd" as the
 * monthly reports print them (003 l.2312–2392 for 2018, the 2022 fragment at
 * 001 l.721–744): the KPI's slug, the printed label the import maps, and the
 * reason in words for the KPI's Swedish and English names. One list, so the
 * catalogue (demo-kpis-monthly.ts) and the mappings (demo-mappings.ts) cannot
 * disagree.
 */
// One reason a line, a table to read across (prettier would fold the long ones).
// prettier-ignore
export const DECISION_REASONS: readonly (readonly [slug: string, printed: string, sv: string, en: string])[] = [
  ['deltid-otillracklig-inkomst', 'Arbetar deltid ofriv otillräcklig inkomst', 'arbetar ofrivilligt deltid, otillräcklig inkomst', 'involuntary part time, insufficient income'],
  ['deltid-vantar-inkomst', 'Arbetar deltid ofriv väntar inkomst', 'arbetar ofrivilligt deltid, väntar på inkomst', 'involuntary part time, awaiting income'],
  ['heltid-otillracklig-inkomst', 'Arbetar heltid otillräcklig inkomst', 'arbetar heltid, otillräcklig inkomst', 'full time, insufficient income'],
  ['heltid-vantar-inkomst', 'Arbetar heltid väntar inkomst', 'arbetar heltid, väntar på inkomst', 'full time, awaiting income'],
  ['arbetslos-ingen-ersattning', 'Arbetslös ingen ersättning/stöd', 'arbetslös utan ersättning eller stöd', 'unemployed, no benefit or support'],
  ['arbetslos-otillracklig-ersattning', 'Arbetslös otillräcklig ersättning/stöd', 'arbetslös, otillräcklig ersättning eller stöd', 'unemployed, insufficient benefit or support'],
  ['arbetslos-vantar-ersattning', 'Arbetslös väntar på ersättning/stöd', 'arbetslös, väntar på ersättning eller stöd', 'unemployed, awaiting benefit or support'],
  ['arbetshinder-sociala-skal', 'Arbetshinder, sociala skäl', 'arbetshinder av sociala skäl', 'unable to work for social reasons'],
  ['arbetshinder-beroende', 'Arbetshinder, sociala skäl, beroendeproblematik', 'arbetshinder av sociala skäl, beroendeproblematik', 'unable to work for social reasons, addiction'],
  ['arbetshinder-insats-saknas', 'Arbetshinder, sociala skäl, insats kan ej erb.', 'arbetshinder av sociala skäl, insats kan inte erbjudas', 'unable to work for social reasons, no intervention available'],
  ['arbetshinder-vald', 'Arbetshinder, sociala skäl, våld i nära relation', 'arbetshinder av sociala skäl, våld i nära relation', 'unable to work for social reasons, domestic violence'],
  ['ensamkommande-gymnasium', 'Ensamk ungdomar (18-20 år, gymn studerande)', 'ensamkommande ungdomar 18–20 år som studerar på gymnasiet', 'unaccompanied youths aged 18–20 in upper secondary school'],
  ['foraldraledig-otillracklig', 'Föräldraledig otillr föräldrap', 'föräldraledig, otillräcklig föräldrapenning', 'parental leave, insufficient parental benefit'],
  ['foraldraledig-vantar', 'Föräldraledig väntar föräldrap', 'föräldraledig, väntar på föräldrapenning', 'parental leave, awaiting parental benefit'],
  ['ingen-etablering', 'Ingen etableringsers. (prest. Förmåga <25%)', 'ingen etableringsersättning (prestationsförmåga under 25 %)', 'no introduction benefit (capacity below 25 %)'],
  ['otillracklig-etablering', 'Otillräcklig etableringsersättning', 'otillräcklig etableringsersättning', 'insufficient introduction benefit'],
  // Printed "äldreförsöjningsstöd" (sic), 003 l.2351; the label is matched as printed.
  ['otillracklig-pension', 'Otillräcklig pension/äldreförsöjningsstöd', 'otillräcklig pension eller äldreförsörjningsstöd', 'insufficient pension or elderly support'],
  ['saknar-barnomsorg', 'Saknar barnomsorg', 'saknar barnomsorg', 'no childcare'],
  ['sfi', 'SFI', 'studerar SFI', 'studying Swedish for immigrants'],
  ['sjuk-aktivitet-otillracklig', 'Sjuk- eller aktivers otillräcklig ers', 'sjuk- eller aktivitetsersättning, otillräcklig', 'sickness or activity compensation, insufficient'],
  ['sjuk-aktivitet-vantar', 'Sjuk- eller aktivers väntar ers', 'sjuk- eller aktivitetsersättning, väntar', 'sickness or activity compensation, awaiting'],
  ['sjuk-ingen-sjukpenning', 'Sjukskriven läkarintyg, ingen sjukpenning', 'sjukskriven med läkarintyg, ingen sjukpenning', 'sick-listed, no sickness benefit'],
  ['sjuk-otillracklig-sjukpenning', 'Sjukskriven läkarintyg otillr sjukpenning', 'sjukskriven med läkarintyg, otillräcklig sjukpenning', 'sick-listed, insufficient sickness benefit'],
  ['sjuk-vantar-sjukpenning', 'Sjukskriven läkarintyg väntar sjukpenning', 'sjukskriven med läkarintyg, väntar på sjukpenning', 'sick-listed, awaiting sickness benefit'],
  ['studerar-grundskola', 'Studerar grundskolenivå', 'studerar på grundskolenivå', 'studying at compulsory school level'],
  ['studerar-gymnasium', 'Studerar gymnasienivå', 'studerar på gymnasienivå', 'studying at upper secondary level'],
  ['utan-forsorjningshinder', 'Utan försörjningshinder', 'utan försörjningshinder', 'no obstacle to self-support'],
  ['vantar-etablering', 'Väntar på etableringsersättning', 'väntar på etableringsersättning', 'awaiting introduction benefit'],
  ['vantar-pension', 'Väntar på pension/äldreförsörjningsstöd', 'väntar på pension/äldreförsörjningsstöd', 'awaiting pension or elderly support'],
];
