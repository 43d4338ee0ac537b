import { toEntityRef, type EntityRef } from '../api/entity-ref.ts';
import type { BlastRadiusInput, BlastRadiusResult } from '../api/operations.ts';
import type { ImpactStatus } from '../domain/model.ts';
import type { ViewState } from '../state/url-state.ts';

export type Mode = 'contracts' | 'supplier' | 'systems';

/** One row per usage the ending touches: hit (LOST/DEGRADED) or dependent. */
export interface ImpactRow {
  readonly usageId: string;
  readonly name: string;
  readonly status: ImpactStatus;
  readonly municipalityId: string | null;
  readonly depth: number;
  readonly lifecycle: string | null;
  readonly personalData: string | null;
  readonly criticality: string | null;
  readonly mainContractEnding: boolean;
  /** The explaining path, named: "Borgerportal → bruger → Akta ESDH → ESDH-kontrakt". */
  readonly explanation: string;
  readonly path: readonly string[];
}

/**
 * A path in words: the usages in order of use, then what ends. "Ledelsesinformation →
 * Borgerportal → Akta ESDH (ophører: ESDH-kontrakt 2019)".
 */
export function explainPath(path: readonly EntityRef[]): string {
  const usages = path.filter((r) => r.kind === 'USAGE').map((r) => r.name);
  const last = path[path.length - 1];
  const ending =
    last && last.kind !== 'USAGE' && last.kind !== 'RELATION' ? ` (ophører: ${last.name})` : '';
  return `${usages.join(' → ')}${ending}`;
}

/** The impact rows of a blast radius, LOST first, then DEGRADED, then dependents by depth. */
export function impactRows(result: BlastRadiusResult): ImpactRow[] {
  const rows: ImpactRow[] = [];
  for (const hit of result.hitUsages) {
    rows.push({
      usageId: hit.usageId,
      name: hit.usage ? toEntityRef(hit.usage).name : hit.usageId,
      status: hit.status,
      municipalityId: hit.usage?.municipalityId ?? null,
      depth: 0,
      lifecycle: hit.usage?.lifecycle ?? null,
      personalData: hit.usage?.personalData ?? null,
      criticality: hit.usage?.criticality ?? null,
      mainContractEnding: hit.mainContractEnding,
      explanation: explainPath(hit.pathEntities.map(toEntityRef)),
      path: hit.path,
    });
  }
  for (const dependent of result.dependentUsages) {
    rows.push({
      usageId: dependent.usageId,
      name: dependent.usage ? toEntityRef(dependent.usage).name : dependent.usageId,
      status: 'DEPENDENT',
      municipalityId: dependent.usage?.municipalityId ?? null,
      depth: dependent.depth,
      lifecycle: dependent.usage?.lifecycle ?? null,
      personalData: dependent.usage?.personalData ?? null,
      criticality: dependent.usage?.criticality ?? null,
      mainContractEnding: false,
      explanation: explainPath(dependent.pathEntities.map(toEntityRef)),
      path: dependent.path,
    });
  }
  const order: Record<ImpactStatus, number> = { ENDING: 0, LOST: 1, DEGRADED: 2, DEPENDENT: 3 };
  return rows.sort(
    (a, b) =>
      order[a.status] - order[b.status] || a.depth - b.depth || a.name.localeCompare(b.name, 'da'),
  );
}

export function modeOf(state: ViewState): Mode {
  if (state.supplier) return 'supplier';
  if (state.systems.length > 0) return 'systems';
  return 'contracts';
}

/** The input of the blast radius a view state asks for, or null until something is chosen. */
export function blastRadiusInput(state: ViewState, asOf: string): BlastRadiusInput | null {
  const common = {
    asOf,
    municipalityId: state.municipality,
    maxDepth: state.impactDepth,
    limit: 500,
  };
  if (state.supplier) return { ...common, supplierId: state.supplier };
  if (state.systems.length > 0) return { ...common, systemIds: [...state.systems] };
  if (state.contracts.length > 0) return { ...common, contractIds: [...state.contracts] };
  return null;
}
