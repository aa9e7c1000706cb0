export * from './client.js';
export * from './file.js';
export type { KoladaDataValue, KoladaGender, KoladaKpi, KoladaMunicipality, KoladaMunicipalityGroup } from './format.js';
export * from './comparison.js';
