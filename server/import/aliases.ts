import type { Label } from '../model/model-types.ts';

/**
 * Every alias the importers accept, in one table: Danish (and older English) header names of the
 * canonical CSV columns as Kitos grids and exports name them, and the Kitos API v2 and Danish UI
 * names of enum values. Matching ignores case, spaces, `_`, `-`, `.`, `/` and brackets (see
 * {@link normalizeName}), so "Opsigelse (måneder)" matches "opsigelse måneder".
 *
 * The canonical names themselves (the model's property names, `systemId`, `usedByIds`, ...) are
 * always accepted and are not repeated here. Import-only combined columns (csv-format.ts) have
 * their aliases here too.
 */
export const HEADER_ALIASES: Readonly<Record<Label, Readonly<Record<string, readonly string[]>>>> =
  {
    Organization: {
      id: ['UUID'],
      name: ['Navn', 'Organisation', 'Organisationsnavn'],
      cvr: ['CVR', 'CVR-nummer', 'CVR nr.'],
      kind: ['Type', 'Organisationstype'],
      municipalityCode: ['Kommunekode'],
      region: ['Region'],
      population: ['Indbyggertal', 'Indbyggere'],
    },
    OrgUnit: {
      id: ['UUID'],
      municipalityId: ['Kommune', 'Kommune (UUID)'],
      name: ['Navn', 'Enhed', 'Organisationsenhed'],
      ean: ['EAN', 'EAN-nummer'],
      organizationId: ['Organisation', 'Organisation (UUID)'],
      parentId: ['Overordnet enhed', 'Overordnet enhed (UUID)'],
    },
    System: {
      id: ['UUID'],
      name: ['IT System', 'IT-system', 'Systemnavn', 'Navn'],
      description: ['Beskrivelse'],
      scope: ['Synlighed'],
      businessType: ['Forretningstype'],
      disabled: ['Deaktiveret'],
      recommendedArchiveDuty: [
        'Rigsarkivets vejledning til arkivering',
        'Anbefalet arkiveringspligt',
      ],
      ownerId: ['Oprettet i', 'Ejer (UUID)'],
      interfaceIds: ['Udstillede snitflader'],
      taskIds: ['KLE (UUID)', 'Opgaver', 'KLE ID', 'KLE'],
      rightsHolderId: ['Rettighedshaver', 'Rettighedshaver (UUID)'],
      parentId: ['Overordnet system', 'Overordnet system (UUID)'],
      componentIds: ['Arkitekturkomponenter'],
    },
    Interface: {
      id: ['UUID'],
      name: ['Snitflade', 'Snitfladenavn', 'Navn'],
      interfaceId: ['Snitflade ID', 'SnitfladeID'],
      version: ['Version'],
      technology: ['Grænseflade', 'Snitfladetype', 'Teknologi'],
      description: ['Beskrivelse'],
      dataTypeIds: ['Datatyper', 'Datatype'],
    },
    DataType: {
      id: ['UUID'],
      name: ['Navn', 'Datatype'],
    },
    Task: {
      id: ['UUID'],
      number: ['KLE nr', 'KLE-nummer', 'KLE ID', 'Nummer'],
      title: ['Titel', 'KLE navn', 'Beskrivelse'],
      level: ['Niveau', 'Type'],
      parentId: ['Overordnet KLE', 'Overordnet'],
    },
    ArchitectureComponent: {
      id: ['UUID'],
      name: ['Navn'],
      kind: ['Type'],
      description: ['Beskrivelse'],
    },
    Usage: {
      id: ['UUID'],
      municipalityId: ['Kommune', 'Kommune (UUID)'],
      localName: ['Lokal kaldenavn', 'Lokalt kaldenavn'],
      localSystemId: ['Lokal system ID', 'Lokalt system ID'],
      lifecycle: ['Livscyklus'],
      validFrom: ['Ibrugtagningsdato', 'Gyldig fra'],
      validTo: ['Slutdato', 'Slutdato for anvendelse', 'Gyldig til'],
      hostedAt: ['Driftsplacering', 'Hosting'],
      businessCritical: ['Forretningskritisk'],
      criticality: ['Kritikalitet', 'Kritikalitetsniveau'],
      personalData: ['Persondata', 'Følsomhed', 'Datafølsomhed'],
      archiveDuty: ['Arkiveringspligt'],
      userCount: ['Antal brugere', 'Forventet antal brugere'],
      systemId: ['IT System (UUID)', 'System (UUID)', 'System'],
      organizationId: ['Organisation', 'Organisation (UUID)'],
      usedByIds: [
        'Relevante organisationsenheder',
        'Anvendende organisationsenheder',
        'Relevante org. enheder',
      ],
      responsibleUnitId: [
        'Ansvarlig organisationsenhed',
        'Ansv. organisationsenhed',
        'Ansv. org. enhed',
      ],
      addedTaskIds: ['Lokalt tilføjede KLE', 'Lokale KLE tilføjet'],
      optedOutTaskIds: ['Lokalt fravalgte KLE', 'Lokale KLE fravalgt'],
      mainContractId: ['Hovedkontrakt', 'Hovedkontrakt (UUID)'],
      componentIds: ['Arkitekturkomponenter'],
    },
    Contract: {
      id: ['UUID'],
      municipalityId: ['Kommune', 'Kommune (UUID)'],
      name: ['Kontraktnavn', 'IT Kontrakt', 'IT Kontrakt Navn', 'Navn'],
      contractNumber: ['Kontrakt ID', 'IT Kontrakt Id', 'Kontraktnummer'],
      contractType: ['Kontrakttype'],
      validFrom: ['Gyldig fra', 'Indgået'],
      validTo: ['Gyldig til', 'Udløbsdato', 'Slutdato'],
      durationYears: ['Varighed (år)'],
      durationMonths: ['Varighed (måneder)'],
      ongoing: ['Løbende'],
      extensionOption: ['Option'],
      extensionsUsed: ['Anvendte optioner'],
      irrevocableUntil: ['Uopsigelig til', 'Uopsigeligt til'],
      noticeMonths: ['Opsigelse (måneder)', 'Opsigelsesfrist (måneder)'],
      noticeByEndOf: ['Opsigelse til udgangen af', 'Til udgangen af'],
      terminatedAt: ['Opsagt', 'Kontrakten opsagt'],
      enforcedValid: ['Gennemtving gyldighed'],
      requireValidParent: ['Kræver gyldig overordnet kontrakt'],
      procurementPlanYear: ['Genanskaffelsesplan (år)'],
      procurementPlanQuarter: ['Genanskaffelsesplan (kvartal)'],
      // Kitos's grid combines the two: "2027 | Q2".
      procurementPlan: ['Genanskaffelsesplan'],
      procurementStrategy: ['Genanskaffelsesstrategi'],
      purchaseForm: ['Indkøbsform'],
      procurementInitiated: ['Genanskaffelse igangsat'],
      criticality: ['Kritikalitet'],
      acquisitionCost: ['Anskaffelse'],
      yearlyOperationCost: ['Drift/år'],
      organizationId: ['Organisation', 'Organisation (UUID)'],
      supplierId: ['Leverandør', 'Leverandør (UUID)'],
      parentId: ['Overordnet kontrakt', 'Overordnet kontrakt (UUID)'],
      coverIds: ['IT Systemer', 'Systemanvendelser', 'coversIds', 'coveredUsageIds'],
      governIds: ['Relationer', 'governsIds', 'relationIds'],
    },
    Relation: {
      id: ['UUID'],
      municipalityId: ['Kommune', 'Kommune (UUID)'],
      frequency: ['Frekvens', 'Hyppighed'],
      description: ['Beskrivelse'],
      fromId: ['Fra', 'Fra anvendelse'],
      toId: ['Til', 'Til anvendelse'],
      interfaceId: ['Snitflade', 'Anvendt snitflade'],
    },
    DataProcessing: {
      id: ['UUID'],
      municipalityId: ['Kommune', 'Kommune (UUID)'],
      name: ['Navn', 'Databehandling'],
      agreementConcluded: ['Databehandleraftale indgået', 'Aftale indgået'],
      thirdCountryTransfer: ['Overførsel til usikkert tredjeland', 'Tredjelandsoverførsel'],
      oversightInterval: ['Tilsynsinterval'],
      organizationId: ['Organisation', 'Organisation (UUID)'],
      usageIds: ['Systemer', 'IT Systemer', 'usagesIds'],
      processorIds: ['Databehandlere', 'processorsIds'],
      mainContractId: ['Hovedkontrakt'],
    },
  };

/**
 * Other names of enum values, by GraphQL enum name then model value: the Kitos API v2 names
 * (`Operational`, `OnPremise`, `EndOfMonth`, ...), the Danish UI texts and short forms. The model
 * value itself (`OPERATIONAL`) is always accepted.
 */
export const VALUE_ALIASES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> =
  {
    OrganizationKind: {
      MUNICIPALITY: ['Municipality', 'Kommune', '1'],
      COMMUNITY: ['CommunityOfInterest', 'Interessefællesskab', '2'],
      SUPPLIER: ['Company', 'Virksomhed', 'Leverandør', '3'],
      AUTHORITY: ['OtherPublicAuthority', 'Anden offentlig myndighed', 'Myndighed', '4'],
    },
    SystemScope: {
      PUBLIC: ['Global', 'Offentlig', 'Public'],
      LOCAL: ['Local', 'Lokal'],
    },
    ArchiveDuty: {
      UNDECIDED: ['Undecided', 'Ikke besluttet', 'Ikke valgt'],
      B: ['Bevares'],
      K: ['Kasseres'],
      UNKNOWN: ['Unknown', 'NoRecommendation', 'Ingen vejledning', 'Ukendt'],
      PRESERVE_DATA_CAN_DISCARD_DOCUMENTS: ['PreserveDataCanDiscardDocuments', 'B+D', 'BD'],
      BK: ['B+K'],
      KD: ['K+D'],
      KB: ['K+B'],
      DK: ['D+K'],
      DD: ['D+D'],
    },
    TaskLevel: {
      MAIN_GROUP: ['Hovedgruppe', 'KLE-Hovedgruppe'],
      GROUP: ['Gruppe', 'KLE-Gruppe'],
      SUBJECT: ['Emne', 'KLE-Emne'],
    },
    ComponentKind: {
      SUPPORT_SYSTEM: ['Støttesystem', 'Fælleskommunalt støttesystem'],
      BUILDING_BLOCK: ['Byggeblok'],
      INFRASTRUCTURE: ['Infrastruktur', 'National infrastruktur'],
      DATA_STANDARD: ['Datastandard', 'Standard'],
    },
    Lifecycle: {
      UNDECIDED: ['Undecided', 'Ikke besluttet', 'Ikke valgt'],
      NOT_IN_USE: ['NotInUse', 'Ikke i drift', 'Ikke i brug'],
      PHASING_IN: ['PhasingIn', 'Under indfasning', 'Indfasning'],
      OPERATIONAL: ['Operational', 'I drift', 'I anvendelse'],
      PHASING_OUT: ['PhasingOut', 'Under udfasning', 'Udfasning'],
    },
    HostedAt: {
      UNDECIDED: ['Undecided', 'Ikke besluttet', 'Ikke valgt'],
      ON_PREMISE: ['OnPremise', 'On-premise', 'Lokalt', 'Egen drift'],
      EXTERNAL: ['External', 'Eksternt', 'Ekstern'],
      HYBRID: ['Hybrid'],
    },
    Criticality: {
      LOW: ['Low', 'Lav'],
      MEDIUM: ['Medium', 'Mellem', 'Middel'],
      HIGH: ['High', 'Høj'],
    },
    PersonalDataLevel: {
      NONE: ['None', 'NoData', 'Ingen persondata', 'Ingen', '0'],
      PERSONAL_DATA: ['PersonData', 'PersonalData', 'Almindelige persondata', 'Almindelige', '1'],
      SENSITIVE_DATA: ['SensitiveData', 'Følsomme persondata', 'Følsomme', '2'],
      LEGAL_DATA: [
        'LegalData',
        'Straffedomme og lovovertrædelser',
        'Oplysninger om straffedomme og lovovertrædelser',
        '3',
      ],
    },
    UserCount: {
      BELOW_TEN: ['BelowTen', 'Under 10', '<10', '0-9'],
      TEN_TO_FIFTY: ['TenToFifty', '10-50'],
      FIFTY_TO_HUNDRED: ['FiftyToHundred', '50-100'],
      HUNDRED_PLUS: ['HundredPlus', 'Over 100', '100+'],
      UNDECIDED: ['Undecided', 'Ikke besluttet', 'Ved ikke'],
    },
    NoticeByEndOf: {
      MONTH: ['EndOfMonth', 'Måned', 'Udgangen af måneden', 'Month'],
      QUARTER: ['EndOfQuarter', 'Kvartal', 'Udgangen af kvartalet', 'Quarter'],
      YEAR: ['EndOfCalendarYear', 'År', 'Kalenderår', 'Udgangen af året', 'Year'],
    },
    AgreementConcluded: {
      YES: ['Yes', 'Ja'],
      NO: ['No', 'Nej'],
      IRRELEVANT: ['Irrelevant', 'Ikke relevant'],
      UNDECIDED: ['Undecided', 'Ikke besluttet', 'Ved ikke'],
    },
    OversightInterval: {
      HALF_YEARLY: ['BiYearly', 'HalfYearly', 'Half_yearly', 'Halvårligt', 'Hvert halve år'],
      YEARLY: ['Yearly', 'Årligt', 'Hvert år'],
      EVERY_SECOND_YEAR: ['EveryOtherYear', 'EverySecondYear', 'Hvert andet år'],
      OTHER: ['Other', 'Andet'],
      UNDECIDED: ['Undecided', 'Ikke besluttet', 'Ved ikke'],
    },
  };

/** Yes/no words; the third group means "not decided" and reads as an empty value. */
export const BOOLEAN_WORDS = {
  true: ['true', 'yes', 'ja', '1', 'sand', 'x'],
  false: ['false', 'no', 'nej', '0', 'falsk'],
  empty: ['dontknow', 'undecided', 'ved ikke', 'ikke besluttet', '-'],
} as const;

/** The form names are compared in: lower case, without spaces, `_`, `-`, `.`, `/` and brackets. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-./()[\]]+/g, '');
}
