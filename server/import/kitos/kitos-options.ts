import { normalizeName } from '../aliases.ts';

/**
 * The option values Kitos seeds (shared/reference/kitos.md §3.2) for the option fields Overblik
 * keeps as text. A value outside these lists is still imported as text, with a warning: an
 * organisation may have added local options, or the value may be a typo worth fixing in Kitos.
 */
const KNOWN: Readonly<Record<string, readonly string[]>> = {
  businessType: [
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
  ],
  interfaceType: [
    'CSV',
    'WS SOAP',
    'WS REST',
    'MOX',
    'OIO REST',
    'LDAP',
    'User interface',
    'ODBC (SQL)',
    'Andet',
  ],
  dataType: [
    'Person',
    'Virksomhed',
    'Sag',
    'Dokument',
    'Organisation',
    'Klassifikation',
    'Klassikfikation',
    'Ejendom',
    'GIS',
    'Andet',
  ],
  relationFrequency: ['Dagligt', 'Ugentligt', 'Månedligt', 'Kvartal', 'Halvårligt', 'Årligt'],
  contractType: [
    'Hovedkontrakt',
    'Tillægskontrakt',
    'Snitflade',
    'Serviceaftale',
    'Databehandleraftale',
  ],
  purchaseType: [
    'SKI',
    'SKI 02.18',
    'SKI 02.19',
    'Udbud',
    'EU udbud',
    'Direkte tildeling',
    'Annoncering',
  ],
  procurementStrategy: [
    'Direkte tildeling',
    'Annoncering',
    'Udbud',
    'EU udbud',
    'Mini-udbud',
    'SKI - direkte tildeling',
    'SKI - mini-udbud',
    'Underhåndsbud',
  ],
  criticality: ['Kritikalitet 1', 'Kritikalitet 2'],
  extensionOptions: ['2 x 1 år', '1 x 1 år', '1 x ½ år', '3 x 1 år'],
};

const LOOKUP = new Map(
  Object.entries(KNOWN).map(([field, values]) => [field, new Set(values.map(optionKey))]),
);

/** Compared without case, spacing and the " (STORM)" suffix some catalogues carry. */
function optionKey(value: string): string {
  return normalizeName(value.replace(/\s*\(STORM\)\s*$/i, ''));
}

/** Whether `value` is one of the seeded options of a Kitos option field. */
export function isKnownKitosOption(field: string, value: string): boolean {
  return LOOKUP.get(field)?.has(optionKey(value)) ?? true;
}
