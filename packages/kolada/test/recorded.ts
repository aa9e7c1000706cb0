/**
 * Responses in the shape api.kolada.se/v2 documents and returns: a data page
 * per request, `next_page` while there are more. Municipality 0000 is Riket,
 * 0483 Katrineholm. The KPI ids and figures are examples, not Kolada's.
 */
export const page1 = (nextPage: string | null) => ({
  count: 2,
  values: [
    {
      kpi: 'N31807',
      municipality: '0000',
      period: 2020,
      values: [
        { count: 1, gender: 'K', status: '', value: 76.2 },
        { count: 1, gender: 'M', status: '', value: 79.9 },
        { count: 1, gender: 'T', status: '', value: 78 },
      ],
    },
    { kpi: 'N31807', municipality: '0483', period: 2020, values: [{ count: 1, gender: 'T', status: '', value: 67 }] },
  ],
  next_page: nextPage,
});

export const page2 = {
  count: 1,
  values: [{ kpi: 'N31807', municipality: '0483', period: 2019, values: [{ count: 1, gender: 'T', status: 'Saknas', value: null }] }],
  next_page: null,
};

export const kpiMeta = {
  count: 1,
  values: [
    {
      id: 'N31807',
      title: 'Ej återaktualiserade vuxna personer med ekonomiskt bistånd ett år efter avslutat bistånd, andel (%)',
      description: 'Exempel.',
      is_divided_by_gender: 1,
      municipality_type: 'K',
      operating_area: 'Ekonomiskt bistånd',
      publication_date: '2021-05-04',
    },
  ],
};
