import type { StoredNode } from '../store/graph-store.ts';
import { importError, quote, type ImportIssue } from './import-issue.ts';
import type { ImportStaging, StagedEdge, StagedNode } from './staging.ts';

/** Relationship types that tie a local record to its own municipality. */
const OWN_MUNICIPALITY = new Set(['BELONGS_TO', 'UNIT_OF']);

function where(node: StagedNode): string {
  return `${node.origin.file}:${node.origin.line}`;
}

function article(label: string): string {
  return /^[AEIOU]/.test(label) ? `an ${label}` : `a ${label}`;
}

function municipalityIn(record: Readonly<Record<string, unknown>>): string | null {
  const value = record.municipalityId;
  return typeof value === 'string' ? value : null;
}

/**
 * Checks every reference against the import and the store, and keeps local records inside their
 * municipality: ids of the right kind must exist (in the import or already stored), a local
 * record's municipality must be a known organisation and the one it is stored under, and an edge between local records (or to
 * the record's own organisation) must not cross municipalities. A record with a bad reference is
 * rejected, with every bad reference reported. With `partial`, records that reference a rejected
 * record are rejected in turn (until nothing changes); without it the import is rejected anyway,
 * so such references are not reported again.
 */
export function checkReferences(
  staging: ImportStaging,
  stored: ReadonlyMap<string, StoredNode>,
  partial: boolean,
): void {
  const { nodes } = staging;
  for (const node of nodes.values()) {
    if (!node.valid) continue;
    const existing = stored.size > 0 ? stored.get(node.id) : undefined;
    if (existing && existing.label !== node.label) {
      staging.reject(
        node,
        importError(
          node.origin,
          'DUPLICATE_ID',
          `id ${quote(node.id)} is already stored as ${article(existing.label)}, not ${article(node.label)}`,
          'id',
        ),
      );
      continue;
    }
    const municipality = node.municipality ?? null;
    if (municipality === null || node.stub) continue;
    // Records elsewhere link to a stored one within its municipality: moving it would make
    // those links cross municipalities, so a local record keeps the municipality it has.
    const before = existing ? municipalityIn(existing.properties) : null;
    if (before !== null && before !== municipality) {
      staging.reject(
        node,
        importError(
          node.origin,
          'CROSS_MUNICIPALITY',
          `${node.label} ${quote(node.id)} is stored as municipality ${quote(before)}'s; it ` +
            `cannot move to ${quote(municipality)} (what links to it would cross municipalities)`,
          'municipalityId',
        ),
      );
      continue;
    }
    const staged = nodes.get(municipality);
    const known =
      (staged?.label === 'Organization' && (staged.valid || stored.has(municipality))) ||
      stored.get(municipality)?.label === 'Organization';
    if (!known) {
      staging.reject(
        node,
        importError(
          node.origin,
          staged?.label === 'Organization' ? 'REJECTED_REFERENCE' : 'UNKNOWN_REFERENCE',
          `municipality ${quote(municipality)} is not an organisation in the import or the store`,
          'municipalityId',
        ),
      );
    }
  }
  const context: EdgeContext = { nodes, stored, partial };
  for (;;) {
    let changed = false;
    // Every bad reference of a record is reported, not only its first.
    const rejectedBefore = new Set<StagedNode>();
    for (const node of nodes.values()) if (!node.valid) rejectedBefore.add(node);
    for (const edge of staging.edges) {
      if (rejectedBefore.has(edge.owner)) continue;
      const issue = checkEdge(edge, context);
      if (issue) {
        staging.reject(edge.owner, issue);
        changed = true;
      }
    }
    if (!partial || !changed) break;
  }
}

interface EdgeContext {
  readonly nodes: ReadonlyMap<string, StagedNode>;
  readonly stored: ReadonlyMap<string, StoredNode>;
  readonly partial: boolean;
}

function checkEdge(edge: StagedEdge, context: EdgeContext): ImportIssue | undefined {
  const { owner, column } = edge;
  const id = edge.referenced === 'to' ? edge.to : edge.from;
  const label = edge.referenced === 'to' ? edge.toLabel : edge.fromLabel;
  const staged = context.nodes.get(id);
  let theirs: string | null;
  if (staged !== undefined && staged.label === label && staged.valid) {
    theirs = staged.municipality ?? null;
  } else {
    const kept = context.stored.get(id);
    if (kept && kept.label === label) theirs = municipalityIn(kept.properties);
    else if (staged && staged.label === label && !context.partial) return undefined;
    else return missingReference(edge, id, label, staged, kept);
  }
  const own = owner.municipality ?? null;
  if (own === null) return undefined;
  if (OWN_MUNICIPALITY.has(edge.type) && id !== own) {
    return importError(
      owner.origin,
      'CROSS_MUNICIPALITY',
      `${quote(id)} is not this record's municipality ${quote(own)}`,
      column,
    );
  }
  if (theirs !== null && theirs !== own) {
    return importError(
      owner.origin,
      'CROSS_MUNICIPALITY',
      `${label} ${quote(id)} belongs to municipality ${quote(theirs)}, ` +
        `this record to ${quote(own)}; local records link only within one municipality`,
      column,
    );
  }
  return undefined;
}

function missingReference(
  edge: StagedEdge,
  id: string,
  label: string,
  staged: StagedNode | undefined,
  kept: StoredNode | undefined,
): ImportIssue {
  const { owner, column } = edge;
  if (staged && staged.label !== label) {
    return importError(
      owner.origin,
      'WRONG_REFERENCE',
      `${quote(id)} is ${article(staged.label)} (${where(staged)}), not ${article(label)}`,
      column,
    );
  }
  if (kept) {
    return importError(
      owner.origin,
      'WRONG_REFERENCE',
      `${quote(id)} is a stored ${kept.label}, not ${article(label)}`,
      column,
    );
  }
  if (staged) {
    return importError(
      owner.origin,
      'REJECTED_REFERENCE',
      `references ${label} ${quote(id)}, which was rejected (${where(staged)})`,
      column,
    );
  }
  return importError(
    owner.origin,
    'UNKNOWN_REFERENCE',
    `unknown ${label} id ${quote(id)} (not in the import, not in the store)`,
    column,
  );
}
