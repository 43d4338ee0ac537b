import { importError, quote, type ImportIssue } from '../import-issue.ts';
import type { KitosOrganizationUnit } from './kitos-dtos.ts';
import type { KitosItem } from './read-kitos-json.ts';

/** One tree of organisation units (by parent links) and the municipality it belongs to. */
export interface UnitTree {
  readonly units: readonly KitosItem<KitosOrganizationUnit>[];
  /** Undefined when it cannot be decided; `problem` then says why. */
  readonly municipality: string | undefined;
  readonly problem: ImportIssue | undefined;
}

/** What the rest of the import says about the units' municipality. */
export interface UnitEvidence {
  /** Per unit, the municipalities whose usages, contracts and registrations name it. */
  readonly votes: ReadonlyMap<string, ReadonlySet<string>>;
  /** The organisations that own local records in the import. */
  readonly contexts: ReadonlySet<string>;
  /** The --municipality option. */
  readonly municipality: string | undefined;
}

/** Groups units into trees by their parent links (union-find over the units of the import). */
function unitTrees(
  units: readonly KitosItem<KitosOrganizationUnit>[],
): KitosItem<KitosOrganizationUnit>[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  const known = new Set(units.map((u) => u.dto.uuid));
  for (const { dto } of units) {
    if (!parent.has(dto.uuid)) parent.set(dto.uuid, dto.uuid);
    const up = dto.parentOrganizationUnit?.uuid;
    if (up && known.has(up)) {
      if (!parent.has(up)) parent.set(up, up);
      const a = find(dto.uuid);
      const b = find(up);
      if (a !== b) parent.set(a, b);
    }
  }
  const trees = new Map<string, KitosItem<KitosOrganizationUnit>[]>();
  for (const unit of units) {
    const root = find(unit.dto.uuid);
    const tree = trees.get(root);
    if (tree) tree.push(unit);
    else trees.set(root, [unit]);
  }
  return [...trees.values()];
}

/**
 * Decides each unit tree's municipality: the Kitos unit DTO does not name its organisation, so a
 * tree goes to the municipality whose records use its units (or that a page's `organizationUuid`
 * names), else to --municipality, else to the only municipality of the import. Several
 * candidates, a conflict with --municipality, or none at all are problems on the tree's first unit.
 */
export function decideUnitMunicipalities(
  units: readonly KitosItem<KitosOrganizationUnit>[],
  evidence: UnitEvidence,
): UnitTree[] {
  const fallback =
    evidence.municipality ?? (evidence.contexts.size === 1 ? [...evidence.contexts][0] : undefined);
  return unitTrees(units).map((tree) => {
    const candidates = new Set<string>();
    for (const { dto, organizationHint } of tree) {
      for (const vote of evidence.votes.get(dto.uuid) ?? []) candidates.add(vote);
      if (organizationHint) candidates.add(organizationHint);
    }
    const at = tree[0]!.origin;
    const names =
      tree
        .slice(0, 3)
        .map((t) => quote(t.dto.name))
        .join(', ') + (tree.length > 3 ? ', ...' : '');
    if (candidates.size === 1) {
      const municipality = [...candidates][0]!;
      if (evidence.municipality && evidence.municipality !== municipality) {
        const problem = importError(
          at,
          'CROSS_MUNICIPALITY',
          `organisation units ${names} are used by municipality "${municipality}", ` +
            `not by --municipality "${evidence.municipality}"`,
        );
        return { units: tree, municipality: undefined, problem };
      }
      return { units: tree, municipality, problem: undefined };
    }
    if (candidates.size > 1) {
      const problem = importError(
        at,
        'AMBIGUOUS_MUNICIPALITY',
        `organisation units ${names} are used by several municipalities ` +
          `(${[...candidates].join(', ')}); one unit tree belongs to one municipality`,
      );
      return { units: tree, municipality: undefined, problem };
    }
    if (fallback) return { units: tree, municipality: fallback, problem: undefined };
    const known = [...evidence.contexts].slice(0, 5).join(', ');
    const problem = importError(
      at,
      'AMBIGUOUS_MUNICIPALITY',
      `organisation units ${names} do not name their municipality and the import cannot tell it` +
        (known ? ` (it has records of ${known})` : '') +
        '; pass --municipality ID, or import them with the usages that use them',
    );
    return { units: tree, municipality: undefined, problem };
  });
}
