/** The five Danish regions, as the municipality list names them. */
export const REGIONS = [
  'Hovedstaden',
  'Sjælland',
  'Syddanmark',
  'Midtjylland',
  'Nordjylland',
] as const;
export type Region = (typeof REGIONS)[number];

/** One of the 98 Danish municipalities (public facts; population rounded). */
export interface Municipality {
  /** Official municipality code, e.g. 101 for København. */
  readonly code: number;
  /** Short name, e.g. "København". */
  readonly name: string;
  readonly region: Region;
  /** Approximate number of inhabitants; only used to scale the synthetic landscape. */
  readonly population: number;
}

/** All 98 municipalities, ordered by municipality code. */
export const MUNICIPALITIES: readonly Municipality[] = [
  { code: 101, name: 'København', region: 'Hovedstaden', population: 660000 },
  { code: 147, name: 'Frederiksberg', region: 'Hovedstaden', population: 104000 },
  { code: 151, name: 'Ballerup', region: 'Hovedstaden', population: 52000 },
  { code: 153, name: 'Brøndby', region: 'Hovedstaden', population: 36000 },
  { code: 155, name: 'Dragør', region: 'Hovedstaden', population: 14000 },
  { code: 157, name: 'Gentofte', region: 'Hovedstaden', population: 75000 },
  { code: 159, name: 'Gladsaxe', region: 'Hovedstaden', population: 70000 },
  { code: 161, name: 'Glostrup', region: 'Hovedstaden', population: 24000 },
  { code: 163, name: 'Herlev', region: 'Hovedstaden', population: 29000 },
  { code: 165, name: 'Albertslund', region: 'Hovedstaden', population: 28000 },
  { code: 167, name: 'Hvidovre', region: 'Hovedstaden', population: 54000 },
  { code: 169, name: 'Høje-Taastrup', region: 'Hovedstaden', population: 52000 },
  { code: 173, name: 'Lyngby-Taarbæk', region: 'Hovedstaden', population: 57000 },
  { code: 175, name: 'Rødovre', region: 'Hovedstaden', population: 41000 },
  { code: 183, name: 'Ishøj', region: 'Hovedstaden', population: 24000 },
  { code: 185, name: 'Tårnby', region: 'Hovedstaden', population: 43000 },
  { code: 187, name: 'Vallensbæk', region: 'Hovedstaden', population: 17000 },
  { code: 190, name: 'Furesø', region: 'Hovedstaden', population: 41000 },
  { code: 201, name: 'Allerød', region: 'Hovedstaden', population: 26000 },
  { code: 210, name: 'Fredensborg', region: 'Hovedstaden', population: 41000 },
  { code: 217, name: 'Helsingør', region: 'Hovedstaden', population: 63000 },
  { code: 219, name: 'Hillerød', region: 'Hovedstaden', population: 52000 },
  { code: 223, name: 'Hørsholm', region: 'Hovedstaden', population: 25000 },
  { code: 230, name: 'Rudersdal', region: 'Hovedstaden', population: 57000 },
  { code: 240, name: 'Egedal', region: 'Hovedstaden', population: 44000 },
  { code: 250, name: 'Frederikssund', region: 'Hovedstaden', population: 46000 },
  { code: 253, name: 'Greve', region: 'Sjælland', population: 50000 },
  { code: 259, name: 'Køge', region: 'Sjælland', population: 62000 },
  { code: 260, name: 'Halsnæs', region: 'Hovedstaden', population: 31000 },
  { code: 265, name: 'Roskilde', region: 'Sjælland', population: 90000 },
  { code: 269, name: 'Solrød', region: 'Sjælland', population: 24000 },
  { code: 270, name: 'Gribskov', region: 'Hovedstaden', population: 41000 },
  { code: 306, name: 'Odsherred', region: 'Sjælland', population: 33000 },
  { code: 316, name: 'Holbæk', region: 'Sjælland', population: 73000 },
  { code: 320, name: 'Faxe', region: 'Sjælland', population: 37000 },
  { code: 326, name: 'Kalundborg', region: 'Sjælland', population: 49000 },
  { code: 329, name: 'Ringsted', region: 'Sjælland', population: 36000 },
  { code: 330, name: 'Slagelse', region: 'Sjælland', population: 80000 },
  { code: 336, name: 'Stevns', region: 'Sjælland', population: 23000 },
  { code: 340, name: 'Sorø', region: 'Sjælland', population: 30000 },
  { code: 350, name: 'Lejre', region: 'Sjælland', population: 28000 },
  { code: 360, name: 'Lolland', region: 'Sjælland', population: 40000 },
  { code: 370, name: 'Næstved', region: 'Sjælland', population: 84000 },
  { code: 376, name: 'Guldborgsund', region: 'Sjælland', population: 60000 },
  { code: 390, name: 'Vordingborg', region: 'Sjælland', population: 46000 },
  { code: 400, name: 'Bornholm', region: 'Hovedstaden', population: 39000 },
  { code: 410, name: 'Middelfart', region: 'Syddanmark', population: 39000 },
  { code: 420, name: 'Assens', region: 'Syddanmark', population: 41000 },
  { code: 430, name: 'Faaborg-Midtfyn', region: 'Syddanmark', population: 51000 },
  { code: 440, name: 'Kerteminde', region: 'Syddanmark', population: 24000 },
  { code: 450, name: 'Nyborg', region: 'Syddanmark', population: 32000 },
  { code: 461, name: 'Odense', region: 'Syddanmark', population: 208000 },
  { code: 479, name: 'Svendborg', region: 'Syddanmark', population: 59000 },
  { code: 480, name: 'Nordfyns', region: 'Syddanmark', population: 30000 },
  { code: 482, name: 'Langeland', region: 'Syddanmark', population: 12000 },
  { code: 492, name: 'Ærø', region: 'Syddanmark', population: 6000 },
  { code: 510, name: 'Haderslev', region: 'Syddanmark', population: 56000 },
  { code: 530, name: 'Billund', region: 'Syddanmark', population: 27000 },
  { code: 540, name: 'Sønderborg', region: 'Syddanmark', population: 74000 },
  { code: 550, name: 'Tønder', region: 'Syddanmark', population: 37000 },
  { code: 561, name: 'Esbjerg', region: 'Syddanmark', population: 115000 },
  { code: 563, name: 'Fanø', region: 'Syddanmark', population: 3500 },
  { code: 573, name: 'Varde', region: 'Syddanmark', population: 50000 },
  { code: 575, name: 'Vejen', region: 'Syddanmark', population: 42000 },
  { code: 580, name: 'Aabenraa', region: 'Syddanmark', population: 58000 },
  { code: 607, name: 'Fredericia', region: 'Syddanmark', population: 52000 },
  { code: 615, name: 'Horsens', region: 'Midtjylland', population: 97000 },
  { code: 621, name: 'Kolding', region: 'Syddanmark', population: 95000 },
  { code: 630, name: 'Vejle', region: 'Syddanmark', population: 120000 },
  { code: 657, name: 'Herning', region: 'Midtjylland', population: 90000 },
  { code: 661, name: 'Holstebro', region: 'Midtjylland', population: 59000 },
  { code: 665, name: 'Lemvig', region: 'Midtjylland', population: 20000 },
  { code: 671, name: 'Struer', region: 'Midtjylland', population: 21000 },
  { code: 706, name: 'Syddjurs', region: 'Midtjylland', population: 44000 },
  { code: 707, name: 'Norddjurs', region: 'Midtjylland', population: 37000 },
  { code: 710, name: 'Favrskov', region: 'Midtjylland', population: 50000 },
  { code: 727, name: 'Odder', region: 'Midtjylland', population: 24000 },
  { code: 730, name: 'Randers', region: 'Midtjylland', population: 99000 },
  { code: 740, name: 'Silkeborg', region: 'Midtjylland', population: 100000 },
  { code: 741, name: 'Samsø', region: 'Midtjylland', population: 3700 },
  { code: 746, name: 'Skanderborg', region: 'Midtjylland', population: 64000 },
  { code: 751, name: 'Aarhus', region: 'Midtjylland', population: 365000 },
  { code: 756, name: 'Ikast-Brande', region: 'Midtjylland', population: 42000 },
  { code: 760, name: 'Ringkøbing-Skjern', region: 'Midtjylland', population: 56000 },
  { code: 766, name: 'Hedensted', region: 'Midtjylland', population: 47000 },
  { code: 773, name: 'Morsø', region: 'Nordjylland', population: 20000 },
  { code: 779, name: 'Skive', region: 'Midtjylland', population: 46000 },
  { code: 787, name: 'Thisted', region: 'Nordjylland', population: 43000 },
  { code: 791, name: 'Viborg', region: 'Midtjylland', population: 98000 },
  { code: 810, name: 'Brønderslev', region: 'Nordjylland', population: 36000 },
  { code: 813, name: 'Frederikshavn', region: 'Nordjylland', population: 59000 },
  { code: 820, name: 'Vesthimmerlands', region: 'Nordjylland', population: 37000 },
  { code: 825, name: 'Læsø', region: 'Nordjylland', population: 1700 },
  { code: 840, name: 'Rebild', region: 'Nordjylland', population: 30000 },
  { code: 846, name: 'Mariagerfjord', region: 'Nordjylland', population: 42000 },
  { code: 849, name: 'Jammerbugt', region: 'Nordjylland', population: 38000 },
  { code: 851, name: 'Aalborg', region: 'Nordjylland', population: 222000 },
  { code: 860, name: 'Hjørring', region: 'Nordjylland', population: 64000 },
];

/** Official names that are not simply "<name> Kommune". */
const OFFICIAL_NAMES: Readonly<Record<string, string>> = {
  København: 'Københavns Kommune',
  Bornholm: 'Bornholms Regionskommune',
};

/** The name the municipality goes by as an organisation, e.g. "Københavns Kommune". */
export function municipalityOrganizationName(municipality: Municipality): string {
  return OFFICIAL_NAMES[municipality.name] ?? `${municipality.name} Kommune`;
}

/** The municipality with this code; throws for an unknown code. */
export function municipalityByCode(code: number): Municipality {
  const found = MUNICIPALITIES.find((m) => m.code === code);
  if (!found) throw new Error(`Unknown municipality code ${code}`);
  return found;
}
