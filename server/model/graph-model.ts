import { readFileSync } from 'node:fs';
import {
  Kind,
  parse,
  type DocumentNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type TypeNode,
} from 'graphql';

/** Path of the one model file; everything about the graph's shape derives from it. */
export const MODEL_FILE = new URL('./model.graphql', import.meta.url);

/** The model's type definitions, as written (valid `@neo4j/graphql` type definitions). */
export const MODEL_TYPE_DEFS: string = readFileSync(MODEL_FILE, 'utf8');

/** Storage type of a node property, independent of the database. */
export type PropertyType = 'string' | 'int' | 'float' | 'boolean' | 'date';

export interface PropertyDef {
  readonly name: string;
  readonly type: PropertyType;
  /** The GraphQL type name as written (`String`, `Date`, an enum name, ...). */
  readonly graphqlType: string;
  readonly required: boolean;
  /** Allowed values when the property is a closed set (a GraphQL enum). */
  readonly enumValues?: readonly string[];
}

export interface LabelDef {
  readonly name: string;
  /** Local to one municipality (the type has a `municipalityId` field) or shared catalogue. */
  readonly scope: 'local' | 'shared';
  /** Properties in declaration order; `id` first. */
  readonly properties: readonly PropertyDef[];
  /** The property that names an entity for search and display (`name`, or `title` for tasks). */
  readonly nameProperty: string | null;
}

export interface RelationshipFieldDef {
  readonly owner: string;
  readonly field: string;
  readonly type: string;
  readonly direction: 'OUT' | 'IN';
  readonly target: string;
  readonly list: boolean;
}

export interface RelationshipTypeDef {
  readonly name: string;
  /** Every (from label, to label) pair the relationship type connects. */
  readonly pairs: readonly { readonly from: string; readonly to: string }[];
}

export interface GraphModel {
  readonly labels: readonly LabelDef[];
  readonly relationshipTypes: readonly RelationshipTypeDef[];
  readonly relationshipFields: readonly RelationshipFieldDef[];
  readonly enums: ReadonlyMap<string, readonly string[]>;
}

const SCALARS: Record<string, PropertyType> = {
  ID: 'string',
  String: 'string',
  Int: 'int',
  Float: 'float',
  Boolean: 'boolean',
  Date: 'date',
};

function namedType(type: TypeNode): { name: string; list: boolean; required: boolean } {
  if (type.kind === Kind.NON_NULL_TYPE) return { ...namedType(type.type), required: true };
  if (type.kind === Kind.LIST_TYPE) return { ...namedType(type.type), list: true, required: false };
  return { name: type.name.value, list: false, required: false };
}

function directiveArgument(field: FieldDefinitionNode, directive: string, arg: string) {
  const found = field.directives?.find((d) => d.name.value === directive);
  const value = found?.arguments?.find((a) => a.name.value === arg)?.value;
  if (!found) return undefined;
  if (value?.kind !== Kind.STRING && value?.kind !== Kind.ENUM) {
    throw new Error(`Model: @${directive} on ${field.name.value} needs a ${arg} argument`);
  }
  return value.value;
}

/** Reads the graph model from type definitions; throws on a model that breaks the conventions. */
export function readGraphModel(typeDefs: string): GraphModel {
  const document: DocumentNode = parse(typeDefs);
  const enums = new Map<string, readonly string[]>();
  const objects: ObjectTypeDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
      enums.set(
        definition.name.value,
        (definition.values ?? []).map((v) => v.name.value),
      );
    } else if (
      definition.kind === Kind.OBJECT_TYPE_DEFINITION &&
      definition.directives?.some((d) => d.name.value === 'node')
    ) {
      objects.push(definition);
    }
  }
  const nodeNames = new Set(objects.map((o) => o.name.value));
  const labels: LabelDef[] = [];
  const relationshipFields: RelationshipFieldDef[] = [];
  for (const object of objects) {
    const properties: PropertyDef[] = [];
    for (const field of object.fields ?? []) {
      const { name, list, required } = namedType(field.type);
      const relType = directiveArgument(field, 'relationship', 'type');
      if (relType !== undefined) {
        const direction = directiveArgument(field, 'relationship', 'direction');
        if (direction !== 'OUT' && direction !== 'IN') {
          throw new Error(`Model: ${object.name.value}.${field.name.value} has no direction`);
        }
        if (!nodeNames.has(name)) {
          throw new Error(
            `Model: ${object.name.value}.${field.name.value} targets unknown ${name}`,
          );
        }
        relationshipFields.push({
          owner: object.name.value,
          field: field.name.value,
          type: relType,
          direction,
          target: name,
          list,
        });
        continue;
      }
      const enumValues = enums.get(name);
      const type = enumValues ? 'string' : SCALARS[name];
      if (!type || list) {
        throw new Error(`Model: ${object.name.value}.${field.name.value} has unsupported type`);
      }
      properties.push({
        name: field.name.value,
        type,
        graphqlType: name,
        required,
        ...(enumValues ? { enumValues } : {}),
      });
    }
    if (properties[0]?.name !== 'id' || properties[0].graphqlType !== 'ID') {
      throw new Error(`Model: ${object.name.value} must start with id: ID!`);
    }
    const names = new Set(properties.map((p) => p.name));
    labels.push({
      name: object.name.value,
      scope: names.has('municipalityId') ? 'local' : 'shared',
      properties,
      nameProperty: names.has('name') ? 'name' : names.has('title') ? 'title' : null,
    });
  }
  return {
    labels,
    relationshipTypes: collectRelationshipTypes(relationshipFields),
    relationshipFields,
    enums,
  };
}

function collectRelationshipTypes(fields: readonly RelationshipFieldDef[]): RelationshipTypeDef[] {
  const pairs = new Map<string, { from: string; to: string }[]>();
  for (const field of fields) {
    if (field.direction !== 'OUT') continue;
    const list = pairs.get(field.type) ?? [];
    if (!list.some((p) => p.from === field.owner && p.to === field.target)) {
      list.push({ from: field.owner, to: field.target });
    }
    pairs.set(field.type, list);
  }
  for (const field of fields) {
    if (field.direction !== 'IN') continue;
    const known = pairs
      .get(field.type)
      ?.some((p) => p.from === field.target && p.to === field.owner);
    if (!known) {
      throw new Error(
        `Model: ${field.owner}.${field.field} reads ${field.type} from ${field.target}, ` +
          `but no ${field.target} field declares it with direction OUT`,
      );
    }
  }
  return [...pairs].map(([name, list]) => ({ name, pairs: list }));
}

/** The graph model of Overblik. */
export const GRAPH_MODEL: GraphModel = readGraphModel(MODEL_TYPE_DEFS);
