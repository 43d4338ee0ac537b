import { kindOfTypename, type EntityKind } from '../domain/model.ts';

/**
 * Enough of any entity to name it and link to it. Spread it as `...Ref` wherever the API returns
 * an Entity; {@link toEntityRef} turns the answer into an {@link EntityRef}.
 */
export const REF_FRAGMENT = /* GraphQL */ `
  fragment Ref on Entity {
    __typename
    id
    ... on Organization {
      name
      orgKind: kind
    }
    ... on OrgUnit {
      name
      municipalityId
    }
    ... on System {
      name
    }
    ... on Interface {
      name
    }
    ... on DataType {
      name
    }
    ... on Task {
      number
      title
    }
    ... on ArchitectureComponent {
      name
    }
    ... on Usage {
      localName
      municipalityId
      system {
        name
      }
    }
    ... on Contract {
      name
      municipalityId
    }
    ... on Relation {
      municipalityId
      from {
        localName
        system {
          name
        }
      }
      to {
        localName
        system {
          name
        }
      }
    }
    ... on DataProcessing {
      name
      municipalityId
    }
  }
`;

/** The raw shape of `...Ref`. */
export interface RawRef {
  readonly __typename: string;
  readonly id: string;
  readonly name?: string | null;
  readonly orgKind?: string | null;
  readonly number?: string | null;
  readonly title?: string | null;
  readonly localName?: string | null;
  readonly municipalityId?: string | null;
  readonly system?: { readonly name: string } | null;
  readonly from?: RawUsageName | null;
  readonly to?: RawUsageName | null;
}

interface RawUsageName {
  readonly localName?: string | null;
  readonly system?: { readonly name: string } | null;
}

/** An entity to name and link to. */
export interface EntityRef {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  /** The municipality a local entity belongs to; null for catalogue and shared entities. */
  readonly municipalityId: string | null;
}

function usageName(usage: RawUsageName | null | undefined): string {
  return usage?.localName || usage?.system?.name || '?';
}

/**
 * Names an entity the way Kitos shows it: a usage by its local name or else its system's name,
 * a KLE task as "27.24.00 Sygedagpenge", a relation as "A → B".
 */
export function toEntityRef(raw: RawRef): EntityRef {
  const kind = kindOfTypename(raw.__typename) ?? 'SYSTEM';
  let name: string;
  switch (kind) {
    case 'TASK':
      name = [raw.number, raw.title].filter(Boolean).join(' ');
      break;
    case 'USAGE':
      name = usageName(raw);
      break;
    case 'RELATION':
      name = `${usageName(raw.from)} → ${usageName(raw.to)}`;
      break;
    default:
      name = raw.name ?? raw.id;
  }
  return { id: raw.id, kind, name: name || raw.id, municipalityId: raw.municipalityId ?? null };
}
