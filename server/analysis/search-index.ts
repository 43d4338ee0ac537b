import { InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { LABELS, type Label } from '../model/model-types.ts';
import type { GraphIndex } from './graph-index.ts';
import { baseOf, sees, type GraphView } from './graph-view.ts';
import { municipalityIdOf, systemOfUsage } from './graph-queries.ts';

/** Labels whose entities have a searchable name (Relation is found by id only). */
export const SEARCHABLE_LABELS: readonly Label[] = [
  'System',
  'Interface',
  'Organization',
  'OrgUnit',
  'Contract',
  'DataProcessing',
  'ArchitectureComponent',
  'DataType',
  'Usage',
  'Task',
];

/** Most hits one search returns. */
export const MAX_SEARCH_HITS = 100;

/** Hits returned when `first` is not given. */
export const DEFAULT_SEARCH_HITS = 20;

/**
 * What a hit matched: its id, or the property whose folded text contains the search text
 * (`systemName` for a usage without a local name, found by its system's name).
 */
export type SearchField =
  'id' | 'name' | 'localName' | 'systemName' | 'title' | 'number' | 'contractNumber';

const FIELDS: readonly SearchField[] = [
  'id',
  'name',
  'localName',
  'systemName',
  'title',
  'number',
  'contractNumber',
];
const FIELD_CODE = new Map(FIELDS.map((f, i) => [f, i]));
const NUMBER_FIELD = FIELD_CODE.get('number')!;
const LABEL_CODE = new Map(LABELS.map((l, i) => [l, i]));
const ALL_LABELS_MASK = (1 << LABELS.length) - 1;

/** Options of {@link searchEntities}. */
export interface SearchOptions {
  /** Only entities with these labels. @default every label */
  readonly kinds?: readonly Label[] | null;
  /** Only shared entities and this municipality's local ones (an Organization id). @default all */
  readonly municipalityId?: string | null;
  /** How many hits to return, 0–{@link MAX_SEARCH_HITS}. @default DEFAULT_SEARCH_HITS (20) */
  readonly first?: number | null;
}

/** One entity found. */
export interface SearchHit {
  readonly id: string;
  readonly label: Label;
  /** The entity's display name ({@link entityName}). */
  readonly name: string;
  /** The municipality a local entity belongs to; null for shared ones. */
  readonly municipalityId: string | null;
  readonly matchedOn: SearchField;
}

/** The best hits and how many entities matched in all. */
export interface SearchResult {
  readonly total: number;
  readonly hits: readonly SearchHit[];
}

const LETTER_FOLDS: Readonly<Record<string, string>> = { æ: 'a', ø: 'o', œ: 'o', ß: 'ss' };

/**
 * Folds text for matching, applied alike to names and to what the user types, so that Danish
 * letters typed in any of the usual ways meet: lower case; accents dropped (`å` → `a`, `é` →
 * `e`); `æ` → `a`, `ø` → `o`; then the digraphs `aa`, `ae` and `oe` → `a`, `a`, `o`. So "Økonomi",
 * "oekonomi" and "okonomi" all fold to "okonomi", and "Århus", "Aarhus" and "arhus" to "arhus".
 * Every run of whitespace or of characters outside printable ASCII becomes one space, and the
 * ends are trimmed. The price is a little over-matching ("Michael" also answers "michal") and a
 * text that starts in the middle of a digraph ("ersk" in "Maersk") is not found.
 */
export function foldSearchText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[æøœß]/g, (c) => LETTER_FOLDS[c] ?? c)
    .replace(/aa|ae|oe/g, (pair) => pair[0]!)
    .replace(/[^\x21-\x7e]+/g, ' ')
    .trim();
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The name an entity is shown by: `name` for most labels; a usage's local name or else its
 * system's name; a KLE task's number and title ("27.24 Sygedagpenge"); a relation as
 * "user → used"; the id when nothing better exists.
 */
export function entityName(index: GraphView, node: number): string {
  const record = index.recordAt(node);
  switch (index.labelAt(node)) {
    case 'Usage':
      return text(record.localName) ?? systemNameOfUsage(index, node) ?? record.id;
    case 'Task':
      return [text(record.number), text(record.title)].filter(Boolean).join(' ') || record.id;
    case 'Relation': {
      const from = index.firstNeighbour(node, 'FROM_USAGE', 'OUT', 'Usage');
      const to = index.firstNeighbour(node, 'TO_USAGE', 'OUT', 'Usage');
      const side = (usage: number | undefined) =>
        usage === undefined ? '?' : entityName(index, usage);
      return `${side(from)} → ${side(to)}`;
    }
    default:
      return text(record.name) ?? record.id;
  }
}

function systemNameOfUsage(index: GraphView, usage: number): string | null {
  const system = systemOfUsage(index, usage);
  return system === undefined ? null : text(index.recordAt(system).name);
}

/**
 * Every searchable text of the graph, folded ("keys"), sorted by (length, text, shared before
 * local, label, id). Keys with the same text lie next to each other and share one "form": most
 * usages are named after their system and most org units after a few common names, so the
 * national landscape's 171 thousand keys have about 60 thousand forms. Postings find the forms
 * containing a query without reading them all: per trigram and per bigram, the forms containing
 * it, and per character, the forms with a word starting with it. A form is checked once for all
 * its keys. Postings list forms in order, and a form's keys follow each other in key order, so
 * within each match level keys are visited in rank order and the first hits found are the best.
 */
interface SearchCorpus {
  /** The distinct folded texts in key order. */
  readonly forms: readonly string[];
  /** The keys of form f are formStarts[f] .. formStarts[f + 1]. */
  readonly formStarts: Uint32Array;
  readonly trigrams: Postings;
  readonly bigrams: Postings;
  readonly wordStarts: Postings;
  readonly nodes: Uint32Array;
  readonly labels: Uint8Array;
  /** Municipality number of a local entity, -1 for a shared one. */
  readonly municipalities: Int32Array;
  readonly fields: Uint8Array;
  readonly municipalityNumbers: ReadonlyMap<string, number>;
  /** Per node: the search generation that last counted it (avoids clearing between searches). */
  readonly stamps: Uint32Array;
  generation: number;
}

/** Form numbers per code, compressed: code c's forms are forms[offsets[c] .. offsets[c + 1]). */
interface Postings {
  readonly offsets: Uint32Array;
  readonly forms: Uint32Array;
}

/**
 * Postings code folded text (printable ASCII) in 38 symbols: 26 letters, 10 digits, the space,
 * and one symbol shared by all punctuation. Candidates are checked against the forms themselves,
 * so a shared symbol only adds a few checks, and the trigram tables (38³ entries instead of 95³)
 * stay in the processor's cache while the postings are built (a third off their build time).
 */
const SYMBOLS = 38;
const SPACE_SYMBOL = 36;
const OTHER_SYMBOL = 37;
/** The symbol of each character code below 128. */
const SYMBOL_OF = Uint8Array.from({ length: 128 }, (_, c) =>
  c >= 97 && c <= 122
    ? c - 97
    : c >= 48 && c <= 57
      ? 26 + c - 48
      : c === 32
        ? SPACE_SYMBOL
        : OTHER_SYMBOL,
);
/** Letters and digits: the symbols that make words. */
const WORD_SYMBOLS = 36;

function symbolAt(text: string, i: number): number {
  return SYMBOL_OF[text.charCodeAt(i) & 0x7f]!;
}

function bigramCode(text: string, i: number): number {
  return symbolAt(text, i) * SYMBOLS + symbolAt(text, i + 1);
}

function trigramCode(text: string, i: number): number {
  return (symbolAt(text, i) * SYMBOLS + symbolAt(text, i + 1)) * SYMBOLS + symbolAt(text, i + 2);
}

/**
 * Collects the postings of one kind of code: the forms per code in order, each form once per code
 * however often the code occurs in it. Filled in two passes over the forms: the first counts the
 * forms per code, the second writes them, so nothing but the postings themselves is allocated.
 */
class PostingsBuilder {
  readonly #offsets: Uint32Array;
  readonly #lastForm: Int32Array;
  #cursor: Uint32Array | null = null;
  #forms = new Uint32Array(0);

  constructor(codes: number) {
    this.#offsets = new Uint32Array(codes + 1);
    this.#lastForm = new Int32Array(codes).fill(-1);
  }

  /** Counts (first pass) or writes (second pass) that form `form` contains `code`. */
  add(code: number, form: number): void {
    if (this.#lastForm[code] === form) return;
    this.#lastForm[code] = form;
    if (this.#cursor === null) this.#offsets[code + 1]!++;
    else this.#forms[this.#cursor[code]!++] = form;
  }

  /** Ends the counting pass. */
  startWriting(): void {
    const offsets = this.#offsets;
    for (let c = 1; c < offsets.length; c++) offsets[c]! += offsets[c - 1]!;
    this.#cursor = offsets.slice(0, offsets.length - 1);
    this.#forms = new Uint32Array(offsets[offsets.length - 1]!);
    this.#lastForm.fill(-1);
  }

  finish(): Postings {
    return { offsets: this.#offsets, forms: this.#forms };
  }
}

/**
 * Builds the postings of `joined` (the forms in order, each followed by '\n'): every trigram and
 * bigram of every form, and the first character of every word. One scan per pass serves all three.
 */
function buildPostings(joined: string): Pick<SearchCorpus, 'trigrams' | 'bigrams' | 'wordStarts'> {
  const trigrams = new PostingsBuilder(SYMBOLS ** 3);
  const bigrams = new PostingsBuilder(SYMBOLS ** 2);
  const wordStarts = new PostingsBuilder(SYMBOLS);
  for (let pass = 0; pass < 2; pass++) {
    if (pass === 1) for (const b of [trigrams, bigrams, wordStarts]) b.startWriting();
    let form = 0;
    let previous = -1;
    let beforePrevious = -1;
    for (let i = 0; i < joined.length; i++) {
      const c = joined.charCodeAt(i);
      if (c === NEWLINE) {
        form++;
        previous = -1;
        beforePrevious = -1;
        continue;
      }
      const symbol = SYMBOL_OF[c & 0x7f]!;
      if (previous === -1 || previous >= WORD_SYMBOLS) wordStarts.add(symbol, form);
      if (previous !== -1) {
        const pair = previous * SYMBOLS + symbol;
        bigrams.add(pair, form);
        if (beforePrevious !== -1) trigrams.add(beforePrevious * SYMBOLS * SYMBOLS + pair, form);
      }
      beforePrevious = previous;
      previous = symbol;
    }
  }
  return {
    trigrams: trigrams.finish(),
    bigrams: bigrams.finish(),
    wordStarts: wordStarts.finish(),
  };
}

const NEWLINE = 10;

const CORPORA = new WeakMap<GraphIndex, SearchCorpus>();

/**
 * The searchable texts of an index, one entry per text in parallel arrays (an object per text
 * would be 200k more objects to allocate and collect); each names its folded text by number.
 */
interface CorpusTexts {
  /** The distinct folded texts, in the order first met. */
  readonly folded: string[];
  /** Per text, its folded text's number. */
  readonly foldedOf: number[];
  readonly nodes: number[];
  readonly labels: number[];
  readonly municipalities: number[];
  readonly fields: number[];
  readonly municipalityNumbers: Map<string, number>;
}

function collectTexts(index: GraphIndex): CorpusTexts {
  const collected: CorpusTexts = {
    folded: [],
    foldedOf: [],
    nodes: [],
    labels: [],
    municipalities: [],
    fields: [],
    municipalityNumbers: new Map(),
  };
  const { folded, foldedOf, nodes, labels, municipalities, fields, municipalityNumbers } =
    collected;
  // Most usages are named after their system: fold each distinct text once. Texts that fold
  // alike ("Økonomi", "Oekonomi") share a number; one that folds to nothing is -1.
  const numberOfText = new Map<string, number>();
  const numberOfFolded = new Map<string, number>();
  const add = (node: number, label: number, value: unknown, field: number) => {
    if (typeof value !== 'string') return;
    let number = numberOfText.get(value);
    if (number === undefined) {
      const text = foldSearchText(value);
      number = text === '' ? -1 : (numberOfFolded.get(text) ?? folded.length);
      if (number === folded.length) {
        numberOfFolded.set(text, number);
        folded.push(text);
      }
      numberOfText.set(value, number);
    }
    if (number < 0) return;
    const municipalityId = municipalityIdOf(index, node);
    let municipality = -1;
    if (municipalityId !== null) {
      municipality = municipalityNumbers.get(municipalityId) ?? municipalityNumbers.size;
      municipalityNumbers.set(municipalityId, municipality);
    }
    foldedOf.push(number);
    nodes.push(node);
    labels.push(label);
    municipalities.push(municipality);
    fields.push(field);
  };
  const searchable = new Set<Label>(SEARCHABLE_LABELS);
  const [localName, systemName, title, number, name, contractNumber] = (
    ['localName', 'systemName', 'title', 'number', 'name', 'contractNumber'] as const
  ).map((f) => FIELD_CODE.get(f)!);
  for (let node = 0; node < index.nodeCount; node++) {
    const label = index.labelAt(node);
    if (!searchable.has(label)) continue;
    const code = LABEL_CODE.get(label)!;
    const record = index.recordAt(node);
    if (label === 'Usage') {
      const local = text(record.localName);
      if (local !== null) add(node, code, local, localName!);
      else add(node, code, systemNameOfUsage(index, node), systemName!);
    } else if (label === 'Task') {
      add(node, code, record.title, title!);
      add(node, code, record.number, number!);
    } else {
      add(node, code, record.name, name!);
      if (label === 'Contract') add(node, code, record.contractNumber, contractNumber!);
    }
  }
  return collected;
}

/** The texts in key order, and the forms they make. */
interface KeyOrder {
  /** The texts' numbers in key order: by (length, text, shared before local, label, id). */
  readonly order: Uint32Array;
  /** The distinct texts in order: form f is forms[f]. */
  readonly forms: string[];
  /** Where each form's keys start in `order`, and the number of keys at the end. */
  readonly formStarts: Uint32Array;
}

function keyOrder(index: GraphIndex, collected: CorpusTexts): KeyOrder {
  const { folded, foldedOf, nodes, labels, municipalities } = collected;
  // Sorting 200k keys with a comparator is slow. Rank the distinct texts by (length, text), with
  // a native sort per length, sort numbers that pack (rank, local, label, key) natively, then
  // order equal groups by id.
  const byLength: string[][] = [];
  for (const text of folded) (byLength[text.length] ??= []).push(text);
  const forms: string[] = [];
  for (const sameLength of byLength) {
    if (sameLength) for (const text of sameLength.sort()) forms.push(text);
  }
  const rankOf = new Uint32Array(folded.length);
  const rankOfText = new Map(forms.map((text, rank) => [text, rank]));
  for (let f = 0; f < folded.length; f++) rankOf[f] = rankOfText.get(folded[f]!)!;
  const keys = foldedOf.length;
  const m = keys + 1;
  const packed = new Float64Array(keys);
  const formStarts = new Uint32Array(forms.length + 1);
  for (let k = 0; k < keys; k++) {
    const rank = rankOf[foldedOf[k]!]!;
    formStarts[rank + 1]!++;
    const local = municipalities[k]! >= 0 ? 1 : 0;
    packed[k] = ((rank * 2 + local) * LABELS.length + labels[k]!) * m + k;
  }
  for (let f = 1; f < formStarts.length; f++) formStarts[f]! += formStarts[f - 1]!;
  packed.sort();
  const order = new Uint32Array(packed.length);
  for (let start = 0; start < packed.length;) {
    const group = Math.floor(packed[start]! / m);
    let end = start + 1;
    while (end < packed.length && Math.floor(packed[end]! / m) === group) end++;
    for (let i = start; i < end; i++) order[i] = packed[i]! % m;
    if (end - start > 1) {
      order.subarray(start, end).sort((a, b) => index.idRank(nodes[a]!) - index.idRank(nodes[b]!));
    }
    start = end;
  }
  return { order, forms, formStarts };
}

/**
 * The forms, and all of them joined, each followed by '\n'. Folded text is ASCII, yet V8 may
 * still store strings derived from non-Latin-1 names with two bytes per character. Slicing the
 * forms out of one Latin-1 string stores them one byte per character: half the memory, and
 * indexOf runs much faster on them.
 */
function joinForms(texts: readonly string[]): { forms: string[]; joined: string } {
  let chars = 0;
  for (const text of texts) chars += text.length + 1;
  const buffer = Buffer.allocUnsafe(chars);
  let offset = 0;
  for (const text of texts) {
    offset += buffer.write(text, offset, 'latin1');
    buffer[offset++] = NEWLINE;
  }
  const joined = buffer.toString('latin1', 0, chars);
  const forms: string[] = new Array<string>(texts.length);
  offset = 0;
  for (let f = 0; f < texts.length; f++) {
    const length = texts[f]!.length;
    forms[f] = joined.slice(offset, offset + length);
    offset += length + 1;
  }
  return { forms, joined };
}

function corpusOf(index: GraphIndex): SearchCorpus {
  const cached = CORPORA.get(index);
  if (cached) return cached;
  const collected = collectTexts(index);
  const { order, forms: formTexts, formStarts } = keyOrder(index, collected);
  const { forms, joined } = joinForms(formTexts);
  // Filled in one loop: TypedArray.from with a mapping function took 80 ms for the four.
  const nodes = new Uint32Array(order.length);
  const labels = new Uint8Array(order.length);
  const municipalities = new Int32Array(order.length);
  const fields = new Uint8Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const k = order[i]!;
    nodes[i] = collected.nodes[k]!;
    labels[i] = collected.labels[k]!;
    municipalities[i] = collected.municipalities[k]!;
    fields[i] = collected.fields[k]!;
  }
  const corpus: SearchCorpus = {
    forms,
    formStarts,
    ...buildPostings(joined),
    nodes,
    labels,
    municipalities,
    fields,
    municipalityNumbers: collected.municipalityNumbers,
    stamps: new Uint32Array(index.nodeCount),
    generation: 0,
  };
  CORPORA.set(index, corpus);
  return corpus;
}

/** Builds the search corpus of an index now instead of on the first search (e.g. at start-up). */
export function prepareSearch(index: GraphIndex): void {
  corpusOf(index);
}

/** Whether a character of folded text makes words (a letter or a digit), as the postings see it. */
function isWordCharacter(code: number): boolean {
  return code < 128 && SYMBOL_OF[code]! < WORD_SYMBOLS;
}

/** Match levels, best first. */
const EXACT = 0;
const PREFIX = 1;
const WORD_PREFIX = 2;
const SUBSTRING = 3;
const LEVELS = 4;

/**
 * Searches every named entity ({@link SEARCHABLE_LABELS}) by name (a usage by its local name or
 * else its system's name, a KLE task by title), by exact id (any entity), by KLE number (prefix
 * only: "27.24" finds the group and its subjects) and by contract number. Matching is on
 * {@link foldSearchText} of both sides; the text is matched as one phrase, and a single letter or
 * digit matches only at the start of a word. Hits are ranked: the
 * id match, then exact, prefix, word-prefix and substring matches; within a level shorter texts
 * first, then alphabetically, shared entities before local ones, then by label and id. An entity
 * matching several ways counts once, at its best. `total` counts every matching entity.
 * @throws InvalidInputError for empty text, `first` outside 0–100, or a municipalityId that is
 * not an Organization; NotFoundError for an unknown municipalityId.
 */
export function searchEntities(
  index: GraphView,
  searchText: string,
  options: SearchOptions = {},
): SearchResult {
  if (searchText.trim() === '') throw new InvalidInputError('Search text must not be empty');
  const first = options.first ?? DEFAULT_SEARCH_HITS;
  if (!Number.isInteger(first) || first < 0 || first > MAX_SEARCH_HITS) {
    throw new InvalidInputError(`first must be 0–${MAX_SEARCH_HITS}; got ${first}`);
  }
  const corpus = corpusOf(baseOf(index));
  let kindMask = ALL_LABELS_MASK;
  if (options.kinds) {
    kindMask = 0;
    for (const label of options.kinds) kindMask |= 1 << LABEL_CODE.get(label)!;
  }
  let municipality: number | null = null;
  const municipalityId = options.municipalityId ?? null;
  if (municipalityId !== null) {
    const found = index.get(municipalityId);
    if (!found) throw new NotFoundError(`Municipality "${municipalityId}" not found`);
    if (found.label !== 'Organization') {
      throw new InvalidInputError(
        `municipalityId must be an Organization; "${municipalityId}" is a ${found.label}`,
      );
    }
    municipality = corpus.municipalityNumbers.get(municipalityId) ?? -2;
  }
  const passes = (label: number, keyMunicipality: number) =>
    (kindMask & (1 << label)) !== 0 &&
    (municipality === null || keyMunicipality < 0 || keyMunicipality === municipality);

  if (corpus.generation === 0xffffffff) {
    corpus.stamps.fill(0);
    corpus.generation = 0;
  }
  const generation = ++corpus.generation;
  const { stamps } = corpus;
  let total = 0;

  const idNode = index.indexOf(searchText.trim());
  let idHit: number | undefined;
  if (idNode !== undefined) {
    const owner = municipalityIdOf(index, idNode);
    const kindPasses = (kindMask & (1 << LABEL_CODE.get(index.labelAt(idNode))!)) !== 0;
    if (kindPasses && (municipalityId === null || owner === null || owner === municipalityId)) {
      idHit = idNode;
      stamps[idNode] = generation;
      total++;
    }
  }

  const levels: number[][] = Array.from({ length: LEVELS }, () => []);
  const { nodes, labels, municipalities, fields } = corpus;
  forEachMatch(corpus, foldSearchText(searchText), (key, level) => {
    if (level > PREFIX && fields[key] === NUMBER_FIELD) return;
    if (!passes(labels[key]!, municipalities[key]!)) return;
    const node = nodes[key]!;
    if (!shown(index, node, FIELDS[fields[key]!]!)) return;
    const list = levels[level]!;
    if (stamps[node] !== generation) {
      stamps[node] = generation;
      total++;
      if (list.length < first) list.push(key);
    } else if (list.length < first && !list.some((k) => nodes[k] === node)) {
      list.push(key);
    }
  });

  const hits: SearchHit[] = [];
  const emitted = new Set<number>();
  const emit = (node: number, field: SearchField) => {
    if (hits.length >= first || emitted.has(node)) return;
    emitted.add(node);
    hits.push({
      id: index.idAt(node),
      label: index.labelAt(node),
      name: entityName(index, node),
      municipalityId: municipalityIdOf(index, node),
      matchedOn: field,
    });
  };
  if (idHit !== undefined) emit(idHit, 'id');
  for (const list of levels) {
    for (const k of list) emit(corpus.nodes[k]!, FIELDS[corpus.fields[k]!]!);
  }
  return { total, hits };
}

/**
 * Whether the viewer may find a node by a field: the corpus is the whole index's, so a hidden node
 * or a field the viewer's record of it leaves out (a contract number, a local name) finds nothing.
 */
function shown(index: GraphView, node: number, field: SearchField): boolean {
  if (index === baseOf(index)) return true;
  if (!sees(index, node)) return false;
  return field === 'id' || field === 'systemName' || field in index.recordAt(node);
}

/**
 * Calls `visit` for every key containing `query`, in key order, with its match level. A
 * one-letter (or digit) query matches only at the start of a word: anywhere inside words it
 * would match nearly everything.
 */
function forEachMatch(
  corpus: SearchCorpus,
  query: string,
  visit: (key: number, level: number) => void,
): void {
  if (query === '') return;
  const { forms, formStarts } = corpus;
  const visitForm = (form: number, level: number) => {
    for (let key = formStarts[form]!, end = formStarts[form + 1]!; key < end; key++) {
      visit(key, level);
    }
  };
  if (query.length === 1 && isWordCharacter(query.charCodeAt(0))) {
    const { offsets, forms: postings } = corpus.wordStarts;
    const code = symbolAt(query, 0);
    for (let p = offsets[code]!; p < offsets[code + 1]!; p++) {
      const form = postings[p]!;
      const text = forms[form]!;
      const level =
        text.charCodeAt(0) !== query.charCodeAt(0)
          ? WORD_PREFIX
          : text.length === 1
            ? EXACT
            : PREFIX;
      visitForm(form, level);
    }
    return;
  }
  if (query.length === 1) {
    for (let form = 0; form < forms.length; form++) {
      const text = forms[form]!;
      const position = text.indexOf(query);
      if (position !== -1) visitForm(form, matchLevel(text, query, position));
    }
    return;
  }
  // The rarest n-gram of the query bounds the work: only forms containing it are checked.
  const gram = query.length === 2 ? 2 : 3;
  const { offsets, forms: postings } = gram === 2 ? corpus.bigrams : corpus.trigrams;
  let from = 0;
  let to = postings.length + 1;
  for (let i = 0; i + gram <= query.length; i++) {
    const code = gram === 2 ? bigramCode(query, i) : trigramCode(query, i);
    if (offsets[code + 1]! - offsets[code]! < to - from) {
      [from, to] = [offsets[code]!, offsets[code + 1]!];
    }
  }
  for (let p = from; p < to; p++) {
    const form = postings[p]!;
    const text = forms[form]!;
    const position = text.indexOf(query);
    if (position !== -1) visitForm(form, matchLevel(text, query, position));
  }
}

/** How well `text` matches `query`, found first at `position`. */
function matchLevel(text: string, query: string, position: number): number {
  if (position === 0) return text.length === query.length ? EXACT : PREFIX;
  if (!isWordCharacter(text.charCodeAt(position - 1))) return WORD_PREFIX;
  // Later occurrences, found by indexOf: testing every later position was a third of a search.
  for (let i = text.indexOf(query, position + 1); i !== -1; i = text.indexOf(query, i + 1)) {
    if (!isWordCharacter(text.charCodeAt(i - 1))) return WORD_PREFIX;
  }
  return SUBSTRING;
}
