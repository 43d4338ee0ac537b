import type { Random } from './random.ts';

// Invented, Danish-sounding names. Nothing here may name a real company or product: brands come
// from nature words, and any generated name that hits KNOWN_REAL_NAMES is drawn again.

/** Brand stems shared by suppliers and products. */
const BRAND_STEMS = [
  'Nordlys',
  'Fjord',
  'Kyst',
  'Bølge',
  'Ege',
  'Linde',
  'Rav',
  'Hede',
  'Lyng',
  'Klint',
  'Tinde',
  'Vester',
  'Øster',
  'Sønder',
  'Nørre',
  'Solskin',
  'Mose',
  'Kilde',
  'Spir',
  'Fyrtårn',
  'Bro',
  'Havne',
  'Strand',
  'Skov',
  'Dal',
  'Bakke',
  'Holm',
  'Vig',
  'Næs',
  'Sund',
  'Enge',
  'Mark',
  'Korn',
  'Birke',
  'Aske',
  'Gran',
  'Pile',
  'Hassel',
  'Ravn',
  'Falke',
  'Ugle',
  'Stær',
  'Trane',
  'Odder',
  'Sæl',
  'Hval',
  'Ørne',
  'Måge',
  'Terne',
  'Lærke',
  'Hjorte',
  'Grævling',
  'Himmel',
  'Sten',
  'Flint',
  'Kobber',
  'Sølv',
  'Tang',
  'Klit',
  'Marsk',
  'Vinde',
  'Storm',
  'Frost',
  'Dug',
  'Fyr',
  'Lynge',
  'Kløver',
  'Rug',
  'Hvede',
  'Mølle',
  'Bølgetop',
  'Stjerne',
  'Morgen',
  'Aften',
  'Tidevand',
  'Lagune',
  'Åkande',
  'Siv',
  'Ahorn',
  'Elme',
  'Bøge',
  'Tjørne',
  'Hyld',
  'Slåen',
  'Rose',
  'Timian',
] as const;

const SUPPLIER_COMPOUND_SUFFIXES = ['soft', 'data', 'logik', 'net', 'tek', 'sys', 'kode', 'bit'];
const SUPPLIER_WORD_SUFFIXES = [
  'Data',
  'IT',
  'Software',
  'Systems',
  'Consult',
  'Digital',
  'Informatik',
  'Solutions',
  'Teknologi',
  'Partner',
  'Analyse',
  'Integration',
];
const PRODUCT_EDITIONS = [
  'Online',
  'Plus',
  'Pro',
  'Flex',
  'Suite',
  'Cloud',
  'Go',
  'Kommune',
  'Web',
  'Basis',
  'Mobil',
  'Next',
  'Connect',
  'Direkte',
  'Portal',
];

/** Real company and product names (lower case) a generated name must never equal or contain. */
const KNOWN_REAL_NAMES = [
  'kmd',
  'netcompany',
  'systematic',
  'schultz',
  'visma',
  'fujitsu',
  'atea',
  'dedu',
  'trifork',
  'omada',
  'formpipe',
  'netic',
  'silkeborg data',
  'mjølner',
  'novataris',
  'globeteam',
  'kombit',
  'sbsys',
  'acadre',
  'opus',
  'prisme',
  'nexus',
  'cura',
  'aula',
  'momentum',
  'fasit',
  'sensum',
  'bosted',
  'dubu',
  'letløn',
  'meebook',
  'tabulex',
  'easy-iq',
  'puzzel',
  'geoenviron',
  'public 360',
  'workzone',
  'captia',
  'docunote',
  'ibg',
  'nemlig',
  'rambøll',
  'cowi',
  'niras',
  'dxc',
  'ibm',
];

function isRealName(name: string): boolean {
  const lower = name.toLowerCase();
  return KNOWN_REAL_NAMES.some((real) => lower === real || lower.split(/[\s-]/).includes(real));
}

/** A brand stem for a product or supplier. */
export function brandStem(random: Random): string {
  return random.pick(BRAND_STEMS);
}

/** An invented company name such as "Fjordsoft ApS" or "Lyng Data A/S". */
export function supplierName(random: Random, stem: string): string {
  const form = random.weighted<string>([
    ['A/S', 55],
    ['ApS', 40],
    ['I/S', 3],
    ['K/S', 2],
  ]);
  const body = random.chance(0.45)
    ? `${stem}${random.pick(SUPPLIER_COMPOUND_SUFFIXES)}`
    : `${stem} ${random.pick(SUPPLIER_WORD_SUFFIXES)}`;
  const name = `${body} ${form}`;
  return isRealName(body) ? `${stem} Digital ${form}` : name;
}

/**
 * An invented product name built from a brand stem and one of the business area's nouns, e.g.
 * "Ravnsag", "Lyng Omsorg", "Kystløn Online".
 */
export function productName(random: Random, stem: string, noun: string): string {
  const compound = !noun.includes(' ') && random.chance(0.45);
  const base = compound ? `${stem}${noun.toLowerCase()}` : `${stem} ${noun}`;
  const name = random.chance(0.35) ? `${base} ${random.pick(PRODUCT_EDITIONS)}` : base;
  return isRealName(name) ? `${stem} ${noun} ${random.pick(PRODUCT_EDITIONS)}` : name;
}

const PLACE_STEMS = [
  'Eng',
  'Lind',
  'Bøge',
  'Ege',
  'Sol',
  'Skov',
  'Strand',
  'Holm',
  'Bakke',
  'Fjord',
  'Vester',
  'Øster',
  'Nørre',
  'Sønder',
  'Kilde',
  'Mølle',
  'Rosen',
  'Hvid',
  'Grøn',
  'Birke',
  'Ahorn',
  'Elme',
  'Hassel',
  'Kløver',
  'Lærke',
  'Mose',
  'Nord',
  'Syd',
  'Tofte',
  'Vænge',
  'Agger',
  'Bredal',
  'Rise',
  'Lille',
  'Store',
  'Kirke',
  'Fælled',
  'Bålhøj',
  'Humle',
  'Pile',
  'Marie',
  'Kongs',
  'Dron',
];
const PLACE_MIDDLES = [
  'dal',
  'høj',
  'vang',
  'gård',
  'lund',
  'bakke',
  'park',
  'toft',
  'holm',
  'ager',
  'ly',
  'mark',
  'bjerg',
  'vej',
];
const TOWN_SUFFIXES = [
  'by',
  'strup',
  'lev',
  'sted',
  'rup',
  'bjerg',
  'høj',
  'ager',
  'løse',
  'inge',
  'ved',
  'borg',
];

/** An invented local place name such as "Engdal" or "Lindehøj". */
export function placeName(random: Random): string {
  const stem = random.pick(PLACE_STEMS);
  const middle = random.pick(PLACE_MIDDLES);
  const joined = `${stem}${stem.endsWith('e') || middle.startsWith('e') ? '' : random.chance(0.3) ? 'e' : ''}${middle}`;
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** An invented town name such as "Lindstrup" or "Egelev". */
export function townName(random: Random): string {
  return `${random.pick(PLACE_STEMS)}${random.pick(TOWN_SUFFIXES)}`;
}
