/** A KLE main group (hovedgruppe): its two-digit number and title. */
export interface KleMainGroup {
  readonly number: string;
  readonly title: string;
}

/**
 * The 36 main groups of the KLE subject plan (public facts carried in our own form; the groups and
 * subjects below them are not carried, see kle-plan.ts).
 */
export const KLE_MAIN_GROUPS: readonly KleMainGroup[] = [
  { number: '00', title: 'Kommunens styrelse' },
  { number: '01', title: 'Fysisk planlægning og naturbeskyttelse' },
  { number: '02', title: 'Byggeri' },
  { number: '03', title: 'Boliger' },
  { number: '04', title: 'Parker, fritids-/idrætsanlæg og landskabspleje mv.' },
  { number: '05', title: 'Veje og trafik' },
  { number: '06', title: 'Spildevand og vandløb' },
  { number: '07', title: 'Affald og genanvendelse' },
  { number: '08', title: 'Havne og lufthavne' },
  { number: '09', title: 'Miljøbeskyttelse' },
  { number: '13', title: 'Forsyning' },
  { number: '14', title: 'Beredskab' },
  { number: '15', title: 'Arbejdsmarked og beskæftigelsesindsats' },
  { number: '17', title: 'Folkeskoleundervisning' },
  { number: '18', title: 'Folkeoplysning og ungdomsskoler' },
  { number: '19', title: 'Kulturhistoriske institutioner' },
  { number: '20', title: 'Kulturvirksomhed' },
  { number: '21', title: 'Biblioteker' },
  { number: '22', title: 'Regulering af private erhverv' },
  { number: '23', title: 'Borgerlige forhold' },
  { number: '24', title: 'Erhvervsforhold' },
  { number: '25', title: 'Beskatning' },
  { number: '27', title: 'Social service' },
  { number: '28', title: 'Dagtilbud' },
  { number: '29', title: 'Sundhed' },
  { number: '30', title: 'Andre myndigheders opgaver' },
  { number: '32', title: 'Kontante ydelser' },
  { number: '54', title: 'Uddannelse' },
  { number: '81', title: 'Kommunens personale' },
  { number: '82', title: 'Kommunens ejendomme og lokaler' },
  { number: '83', title: 'Kommunens driftsmidler og inventar' },
  { number: '84', title: 'Offentlige valg' },
  { number: '85', title: 'Kommunens administrative systemer' },
  { number: '86', title: 'Kommunens selvforsyning og fremstillingsvirksomhed' },
  { number: '87', title: 'Kommunens arbejdsmiljø' },
  { number: '88', title: 'Kommunens indkøb og udbud' },
];
