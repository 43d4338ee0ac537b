// Option values as Kitos seeds them (shared/reference/kitos.md §3.2): the demo generator draws
// from them and the importer warns about values outside them.

/** The nine Kitos interface data types (Kitos spells one "Klassikfikation"; we use the word). */
export const DATA_TYPE_NAMES = [
  'Person',
  'Virksomhed',
  'Sag',
  'Dokument',
  'Organisation',
  'Klassifikation',
  'Ejendom',
  'GIS',
  'Andet',
] as const;
export type DataTypeName = (typeof DATA_TYPE_NAMES)[number];

/** Interface technologies (InterfaceType option). */
export const INTERFACE_TECHNOLOGIES = [
  'CSV',
  'WS SOAP',
  'WS REST',
  'MOX',
  'OIO REST',
  'LDAP',
  'ODBC (SQL)',
  'Andet',
] as const;
export type InterfaceTechnology = (typeof INTERFACE_TECHNOLOGIES)[number];

/** Relation frequencies (RelationFrequencyType option). */
export const RELATION_FREQUENCIES = [
  'Dagligt',
  'Ugentligt',
  'Månedligt',
  'Kvartal',
  'Halvårligt',
  'Årligt',
] as const;

/** Contract types (ItContractType option). */
export const CONTRACT_TYPES = [
  'Hovedkontrakt',
  'Tillægskontrakt',
  'Serviceaftale',
  'Snitflade',
  'Databehandleraftale',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** Procurement strategies (ProcurementStrategyType option). */
export const PROCUREMENT_STRATEGIES = [
  'EU udbud',
  'Udbud',
  'SKI - mini-udbud',
  'SKI - direkte tildeling',
  'Direkte tildeling',
  'Annoncering',
  'Mini-udbud',
  'Underhåndsbud',
] as const;
export type ProcurementStrategy = (typeof PROCUREMENT_STRATEGIES)[number];

/** Purchase forms (PurchaseFormType option). */
export const PURCHASE_FORMS = [
  'SKI',
  'SKI 02.18',
  'SKI 02.19',
  'Udbud',
  'EU udbud',
  'Direkte tildeling',
  'Annoncering',
] as const;

/** Extension options (OptionExtendType option), with the number and length of extensions. */
export const EXTENSION_OPTIONS = ['2 x 1 år', '1 x 1 år', '1 x ½ år', '3 x 1 år'] as const;
export type ExtensionOption = (typeof EXTENSION_OPTIONS)[number];

/** Contract criticality (CriticalityType option). */
export const CONTRACT_CRITICALITIES = ['Kritikalitet 1', 'Kritikalitet 2'] as const;

/** Business types (BusinessType option) the demo catalogue uses. */
export const BUSINESS_TYPES = [
  'Design, visualisering og grafik',
  'Kommunikation',
  'Hjemmesider og portaler',
  'Selvbetjening og indberetning',
  'E-læring',
  'ESDH og Journalisering',
  'Specialsystemer',
  'Processtyring',
  'IT management',
  'Økonomi og betaling',
  'Løn, personale og HR',
  'BI og ledelsesinformation',
  'Master data og registre',
  'GIS',
  'Bruger- og rettighedsstyring',
  'Sikkerhed og overvågning',
  'Sagsbærende',
  'Administrativt',
  'Basal infrastruktur og integration',
  'Kontorunderstøttelse',
  'Kundehåndtering',
  'Lagerstyring og logistik',
  'Scanning/kopiering/print',
  'Søgning og opmærkning',
] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];
