import type { ComponentKind } from '../server/model/model-types.ts';

/** One component of the common municipal architecture or national infrastructure. */
export interface ArchitectureComponentSpec {
  readonly name: string;
  readonly kind: ComponentKind;
  readonly description: string;
}

/**
 * The support systems of the common municipal framework architecture, the national infrastructure
 * most systems meet, and a few building blocks and data standards (business objects).
 */
export const ARCHITECTURE_COMPONENTS = [
  {
    name: 'Beskedfordeler',
    kind: 'SUPPORT_SYSTEM',
    description: 'Fordeler beskeder og hændelser mellem fagsystemer.',
  },
  {
    name: 'Fordelingskomponent',
    kind: 'SUPPORT_SYSTEM',
    description: 'Fordeler dokumenter og sager til den rette modtager.',
  },
  {
    name: 'Organisation',
    kind: 'SUPPORT_SYSTEM',
    description: 'Fælles register over organisationsenheder, brugere og roller.',
  },
  {
    name: 'Klassifikation',
    kind: 'SUPPORT_SYSTEM',
    description: 'Fælles klassifikationer, bl.a. KLE og facetter.',
  },
  {
    name: 'Sags- og dokumentindeks',
    kind: 'SUPPORT_SYSTEM',
    description: 'Tværgående indeks over sager og dokumenter.',
  },
  {
    name: 'Ydelsesindeks',
    kind: 'SUPPORT_SYSTEM',
    description: 'Tværgående indeks over tilkendte ydelser.',
  },
  {
    name: 'Administrationsmodul',
    kind: 'SUPPORT_SYSTEM',
    description: 'Administration af aftaler og adgange til støttesystemerne.',
  },
  {
    name: 'Adgangsstyring',
    kind: 'SUPPORT_SYSTEM',
    description: 'Adgangsstyring for brugere og systemer på tværs af løsninger.',
  },
  {
    name: 'Serviceplatformen',
    kind: 'INFRASTRUCTURE',
    description: 'Fælleskommunal integrationsplatform for opslag i grunddata.',
  },
  {
    name: 'NemLog-in',
    kind: 'INFRASTRUCTURE',
    description: 'Fællesoffentlig log-in- og føderationsløsning.',
  },
  {
    name: 'Digital Post',
    kind: 'INFRASTRUCTURE',
    description: 'Fællesoffentlig løsning til digital post til borgere og virksomheder.',
  },
  { name: 'MitID', kind: 'INFRASTRUCTURE', description: 'National digital identitet.' },
  {
    name: 'Hændelsesbaseret integration',
    kind: 'BUILDING_BLOCK',
    description: 'Byggeblok til udveksling af forretningshændelser.',
  },
  {
    name: 'Tværgående sagsoverblik',
    kind: 'BUILDING_BLOCK',
    description: 'Byggeblok til et samlet overblik over borgerens sager.',
  },
  { name: 'Adresse', kind: 'DATA_STANDARD', description: 'Forretningsobjekt for adresser.' },
  {
    name: 'Aktør',
    kind: 'DATA_STANDARD',
    description: 'Forretningsobjekt for personer, virksomheder og enheder.',
  },
  { name: 'Ydelse', kind: 'DATA_STANDARD', description: 'Forretningsobjekt for ydelser.' },
  { name: 'Sag', kind: 'DATA_STANDARD', description: 'Forretningsobjekt for sager.' },
  { name: 'Dokument', kind: 'DATA_STANDARD', description: 'Forretningsobjekt for dokumenter.' },
] as const satisfies readonly ArchitectureComponentSpec[];

/** Name of one of the architecture components. */
export type ArchitectureComponentName = (typeof ARCHITECTURE_COMPONENTS)[number]['name'];
