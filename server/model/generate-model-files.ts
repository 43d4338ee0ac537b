import { GRAPH_MODEL, type GraphModel, type LabelDef, type PropertyDef } from './graph-model.ts';

/**
 * Files derived from the model and committed, so that the database schemas and the TypeScript
 * types can be read and reviewed; `model-files.test.ts` fails when they drift from the model.
 * Regenerate with `npm run generate`.
 */
export interface GeneratedFile {
  /** Path relative to the project root. */
  readonly path: string;
  readonly content: string;
}

/** Internal node table that holds the store's change counter; not part of the domain model. */
export const META_LABEL = 'StoreMeta';

const HEADER = '// Generated from server/model/model.graphql by `npm run generate`. Do not edit.\n';

const KUZU_TYPES: Record<PropertyDef['type'], string> = {
  string: 'STRING',
  int: 'INT64',
  float: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
};

const TS_TYPES: Record<PropertyDef['type'], string> = {
  string: 'string',
  int: 'number',
  float: 'number',
  boolean: 'boolean',
  date: 'string',
};

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function embeddedSchema(model: GraphModel): string {
  const lines = [HEADER.trim(), '// Kùzu needs declared node and rel tables before any write.'];
  for (const label of model.labels) {
    const columns = label.properties.map((p) => `${p.name} ${KUZU_TYPES[p.type]}`).join(', ');
    lines.push(`CREATE NODE TABLE IF NOT EXISTS ${label.name}(${columns}, PRIMARY KEY(id));`);
  }
  lines.push(
    `CREATE NODE TABLE IF NOT EXISTS ${META_LABEL}(id STRING, changes INT64, PRIMARY KEY(id));`,
  );
  for (const rel of model.relationshipTypes) {
    const pairs = rel.pairs.map((p) => `FROM ${p.from} TO ${p.to}`).join(', ');
    lines.push(`CREATE REL TABLE IF NOT EXISTS ${rel.name}(${pairs});`);
  }
  return lines.join('\n') + '\n';
}

function indexedProperties(label: LabelDef): string[] {
  return label.properties
    .map((p) => p.name)
    .filter(
      (name) => name === label.nameProperty || name === 'municipalityId' || name === 'number',
    );
}

function neo4jSchema(model: GraphModel): string {
  const lines = [HEADER.trim()];
  for (const label of [...model.labels.map((l) => l.name), META_LABEL]) {
    lines.push(
      `CREATE CONSTRAINT ${snake(label)}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE;`,
    );
  }
  for (const label of model.labels) {
    for (const property of indexedProperties(label)) {
      lines.push(
        `CREATE INDEX ${snake(label.name)}_${snake(property)} IF NOT EXISTS ` +
          `FOR (n:${label.name}) ON (n.${property});`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

function literalUnion(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(' | ');
}

function typescriptTypes(model: GraphModel): string {
  const out: string[] = [HEADER];
  out.push(
    `/** Node labels of the graph model. */`,
    `export const LABELS = [${model.labels.map((l) => `'${l.name}'`).join(', ')}] as const;`,
    `export type Label = (typeof LABELS)[number];`,
    '',
    `/** Labels local to one municipality (they carry municipalityId). */`,
    `export const LOCAL_LABELS = [${model.labels
      .filter((l) => l.scope === 'local')
      .map((l) => `'${l.name}'`)
      .join(', ')}] as const;`,
    '',
    `/** Relationship types of the graph model. */`,
    `export const RELATIONSHIP_TYPES = [${model.relationshipTypes
      .map((r) => `'${r.name}'`)
      .join(', ')}] as const;`,
    `export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];`,
    '',
  );
  for (const [name, values] of model.enums) {
    out.push(
      `export const ${snake(name).toUpperCase()}_VALUES = [${values
        .map((v) => `'${v}'`)
        .join(', ')}] as const;`,
    );
    out.push(`export type ${name} = ${literalUnion(values)};`, '');
  }
  for (const label of model.labels) {
    out.push(`export interface ${label.name}Node {`);
    for (const p of label.properties) {
      const type = p.enumValues ? p.graphqlType : TS_TYPES[p.type];
      out.push(`  ${p.name}: ${type}${p.required ? '' : ' | null'};`);
    }
    out.push('}', '');
  }
  out.push(`/** The property record of each label. */`, `export interface NodeByLabel {`);
  for (const label of model.labels) out.push(`  ${label.name}: ${label.name}Node;`);
  out.push('}', '');
  return out.join('\n');
}

/** Every file derived from the model, with its content. */
export function generateModelFiles(model: GraphModel = GRAPH_MODEL): GeneratedFile[] {
  return [
    { path: 'cypher/embedded/schema.cypher', content: embeddedSchema(model) },
    { path: 'cypher/neo4j/schema.cypher', content: neo4jSchema(model) },
    { path: 'server/model/model-types.ts', content: typescriptTypes(model) },
  ];
}
