import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { GRAPH_MODEL, type PropertyDef } from '../model/graph-model.ts';
import {
  LABELS,
  RELATIONSHIP_TYPES,
  type Label,
  type RelationshipType,
} from '../model/model-types.ts';
import type { CypherDialect } from './dialect.ts';
import { packedLayout } from './packed-nodes.ts';

/** Every query file the store uses; `cypher/shared/<name>.cypher` or a dialect override. */
export const QUERY_NAMES = [
  'schema',
  'upsert-nodes',
  'upsert-relationships',
  'bulk-load-nodes',
  'bulk-load-relationships',
  'delete-nodes',
  'delete-relationships',
  'read-nodes',
  'search-by-name',
  'search-by-name-in-municipality',
  'stream-nodes',
  'stream-relationships',
  'index-nodes',
  'index-relationships',
  'read-node-by-key',
  'count-nodes',
  'count-relationships',
  'bump-change-counter',
  'read-change-counter',
  'clear',
  'value-string',
  'value-date',
  'value-int',
  'value-float',
  'value-boolean',
  'node-key',
  'as-text',
  'join-text',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

/** Where the query files live, relative to this module. */
export const CYPHER_ROOT = new URL('../../cypher/', import.meta.url);

/**
 * What a query's placeholders stand for. Labels, relationship types and property names cannot be
 * Cypher parameters, so they are written into the text, and only after checking them against the
 * model: nothing else is ever interpolated.
 */
export interface QueryNames {
  readonly label?: Label;
  readonly from?: Label;
  readonly to?: Label;
  readonly type?: RelationshipType;
  readonly file?: string;
}

function stripHeader(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .trim();
}

function assertMember<T extends string>(kind: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`Unknown ${kind} "${value}"`);
  }
  return value as T;
}

/** The query files of one dialect, with the model-derived pieces filled in. */
export class CypherCatalog {
  readonly #texts = new Map<QueryName, string>();
  readonly #assignments = new Map<Label, string>();
  readonly #columns = new Map<Label, string>();

  constructor(dialect: Pick<CypherDialect, 'name'>) {
    for (const name of QUERY_NAMES) {
      const override = new URL(`${dialect.name}/${name}.cypher`, CYPHER_ROOT);
      const shared = new URL(`shared/${name}.cypher`, CYPHER_ROOT);
      const file = existsSync(override) ? override : shared;
      this.#texts.set(name, readFileSync(file, 'utf8'));
    }
    for (const label of GRAPH_MODEL.labels) {
      const set = label.properties
        .filter((p) => p.name !== 'id')
        .map((p) => `n.${p.name} = ${this.#value(p)}`)
        .join(', ');
      this.#assignments.set(label.name as Label, set);
      // Columns rather than the node itself: Kùzu converts a whole node object several times
      // slower than its property columns, and both stores then return the same row shape.
      const columns = label.properties.map((p) => `n.${p.name} AS ${p.name}`).join(', ');
      this.#columns.set(label.name as Label, columns);
    }
  }

  #value(property: PropertyDef): string {
    return this.text(`value-${property.type}`).replaceAll('__PROPERTY__', property.name);
  }

  #key(node: string): string {
    return this.text('node-key').replaceAll('__NODE__', node);
  }

  #asText(value: string): string {
    return this.text('as-text').replaceAll('__VALUE__', value);
  }

  /** The packed text of node n (packed-nodes.ts): null bits, then each text property. */
  #packed(label: Label): string {
    const { texts, nullBits } = packedLayout(label);
    const nulls = texts
      .map((p, i) =>
        nullBits[i] ? `CASE WHEN n.${p.name} IS NULL THEN ${nullBits[i]} ELSE 0 END` : '',
      )
      .filter((term) => term !== '');
    const parts = [
      this.#asText(nulls.length > 0 ? nulls.join(' + ') : '0'),
      ...texts.map((p) =>
        p.type === 'string'
          ? `coalesce(n.${p.name}, '')`
          : `coalesce(${this.#asText(`n.${p.name}`)}, '')`,
      ),
    ];
    return this.text('join-text').replaceAll('__PARTS__', parts.join(', $separator, '));
  }

  /** The float properties of node n as one list per node, or null when the label has none. */
  #floats(label: Label): string {
    const { floats } = packedLayout(label);
    return floats.length === 0
      ? 'null'
      : `collect([${floats.map((p) => `n.${p.name}`).join(', ')}])`;
  }

  /** The raw text of a query file, header comments removed. */
  text(name: QueryName): string {
    return stripHeader(this.#texts.get(name) ?? '');
  }

  /** The statements of the schema file, one per `;`. */
  schemaStatements(): string[] {
    return this.text('schema')
      .split(/;\s*$/m)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }

  /** A query with its placeholders filled from checked names. */
  render(name: QueryName, names: QueryNames = {}): string {
    let text = this.text(name);
    if (names.label) {
      const label = assertMember('label', names.label, LABELS);
      text = text
        .replaceAll('__LABEL__', label)
        .replaceAll('__ASSIGNMENTS__', this.#assignments.get(label) ?? '')
        .replaceAll('__COLUMNS__', this.#columns.get(label) ?? '');
      if (text.includes('__NAME__')) text = text.replaceAll('__NAME__', nameProperty(label));
      if (text.includes('__PACKED__')) {
        text = text
          .replaceAll('__PACKED__', this.#packed(label))
          .replaceAll('__FLOATS__', this.#floats(label));
      }
    }
    for (const node of ['n', 'a', 'b']) {
      text = text.replaceAll(`__KEY_${node.toUpperCase()}__`, () => this.#key(node));
    }
    if (names.from) text = text.replaceAll('__FROM__', assertMember('label', names.from, LABELS));
    if (names.to) text = text.replaceAll('__TO__', assertMember('label', names.to, LABELS));
    if (names.type) {
      text = text.replaceAll('__TYPE__', assertMember('type', names.type, RELATIONSHIP_TYPES));
    }
    if (names.file) {
      if (/['\\\n]/.test(names.file)) throw new Error(`Unsafe file path "${names.file}"`);
      text = text.replaceAll('__FILE__', names.file);
    }
    const left = /__[A-Z][A-Z_]*__/.exec(text);
    if (left) throw new Error(`Query ${name} still has the placeholder ${left[0]}`);
    return text;
  }
}

/** The property search and display use as an entity's name, if the label has one. */
export function nameProperty(label: Label): string {
  const def = GRAPH_MODEL.labels.find((l) => l.name === label);
  if (!def?.nameProperty) throw new Error(`${label} has no name property`);
  return def.nameProperty;
}

/** The override files of each dialect folder, by query name (for the catalog test). */
export function listOverrides(): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const dialect of ['embedded', 'neo4j']) {
    result[dialect] = readdirSync(new URL(`${dialect}/`, CYPHER_ROOT))
      .filter((f) => f.endsWith('.cypher'))
      .map((f) => f.replace(/\.cypher$/, ''))
      .sort();
  }
  return result;
}
