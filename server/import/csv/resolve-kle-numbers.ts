import type { Label } from '../../model/model-types.ts';
import type { GraphStore } from '../../store/graph-store.ts';
import { normalizeName } from '../aliases.ts';
import { importError, importWarning } from '../import-issue.ts';
import type { ImportStaging, StagedEdge, StagedNode } from '../staging.ts';

/**
 * A KLE task named by its number rather than its id: `27.24.00`, optionally followed by the title
 * as Kitos shows it (`27.24.00 Sygedagpenge i almindelighed`, also with `-` or `:` between).
 */
const KLE_REFERENCE = /^(\d{2}(?:\.\d{2}){0,2})(?:(?:\s*[-–:]\s*|\s+)(.*\S))?$/;
/** Bare numbers separated by commas, as Kitos lists a system's KLE ("27.24.00, 27.24.03"). */
const KLE_NUMBER_LIST = /^\d{2}(?:\.\d{2}){0,2}(?:\s*,\s*\d{2}(?:\.\d{2}){0,2})+$/;

const TASK: Label = 'Task';

/**
 * Imports whose task columns hold something shaped like a KLE number, as the CSV parser finds
 * them; the others (every export, every Kitos download) skip the scan of their relationships.
 */
const WITH_NUMBERS = new WeakSet<ImportStaging>();

/** Called by the CSV parser with the values of a task column of one row. */
export function noteTaskReferences(staging: ImportStaging, ids: readonly string[]): void {
  if (!WITH_NUMBERS.has(staging) && ids.some((id) => KLE_REFERENCE.test(id))) {
    WITH_NUMBERS.add(staging);
  }
}

/** Splits cells such as "27.24.00, 27.24.03" of a task column into one number each. */
export function splitKleNumberLists(ids: readonly string[]): readonly string[] {
  if (!ids.some((id) => KLE_NUMBER_LIST.test(id))) return ids;
  return ids.flatMap((id) => (KLE_NUMBER_LIST.test(id) ? id.split(/\s*,\s*/) : [id]));
}

interface KnownTask {
  readonly id: string;
  readonly title: string | null;
}

/** A reference to resolve: the edge (by position), its KLE number and the title it gave. */
interface NumberReference {
  readonly at: number;
  readonly number: string;
  readonly title: string | null;
}

function taskEnd(edge: StagedEdge): string | undefined {
  if (edge.referenced === 'to') return edge.toLabel === TASK ? edge.to : undefined;
  return edge.fromLabel === TASK ? edge.from : undefined;
}

function withTask(edge: StagedEdge, id: string): StagedEdge {
  return edge.referenced === 'to' ? { ...edge, to: id } : { ...edge, from: id };
}

function addTask(byNumber: Map<string, KnownTask[]>, number: unknown, task: KnownTask): void {
  if (typeof number !== 'string' || number === '') return;
  const list = byNumber.get(number);
  if (list) list.push(task);
  else byNumber.set(number, [task]);
}

function titleOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Stored KLE tasks by number, read only for the numbers the import does not hold. */
async function storedTasks(store: GraphStore, wanted: ReadonlySet<string>) {
  const byNumber = new Map<string, KnownTask[]>();
  // Labels come one at a time: stop after the tasks instead of reading the local records too.
  for await (const { label, nodes } of store.streamNodes()) {
    if (label !== TASK) continue;
    for (const record of nodes) {
      if (wanted.has(String(record.number))) {
        addTask(byNumber, record.number, { id: record.id, title: titleOf(record.title) });
      }
    }
    break;
  }
  return byNumber;
}

/**
 * Keeps the first of equal task edges of each record whose references were rewritten (a cell
 * may name a task by id and by number).
 */
function dropRepeats(staging: ImportStaging, owners: ReadonlySet<StagedNode>): void {
  const seen = new Set<string>();
  let kept = 0;
  for (const edge of staging.edges) {
    if (owners.has(edge.owner) && taskEnd(edge) !== undefined) {
      const key = `${edge.type}\u0000${edge.from}\u0000${edge.to}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    staging.edges[kept++] = edge;
  }
  staging.edges.length = kept;
}

/**
 * Replaces KLE numbers in task references (`taskIds`, `addedTaskIds`, `optedOutTaskIds`, a task's
 * `parentId`) by the ids of the tasks with those numbers: tasks of the import first, then stored
 * ones. A value that is the id of a task of the import stays an id; a number no task has (and no
 * task has as id) is an UNKNOWN_REFERENCE error, a number two tasks share an error too; a title
 * given after the number that is not the task's title is a warning (the number decides).
 * Pass `store` null when the store is known to be empty.
 */
export async function resolveKleNumbers(
  staging: ImportStaging,
  store: GraphStore | null,
): Promise<void> {
  if (!WITH_NUMBERS.has(staging)) return;
  const references: NumberReference[] = [];
  for (let at = 0; at < staging.edges.length; at++) {
    const id = taskEnd(staging.edges[at]!);
    if (id === undefined || staging.nodes.get(id)?.label === TASK) continue;
    const match = KLE_REFERENCE.exec(id);
    if (match) references.push({ at, number: match[1]!, title: match[2] ?? null });
  }
  if (references.length === 0) return;

  const byNumber = new Map<string, KnownTask[]>();
  for (const node of staging.nodes.values()) {
    if (node.label !== TASK || !node.valid) continue;
    addTask(byNumber, node.record.number, { id: node.id, title: titleOf(node.record.title) });
  }
  const missing = new Set(references.map((r) => r.number).filter((n) => !byNumber.has(n)));
  const stored: ReadonlyMap<string, KnownTask[]> =
    store && missing.size > 0 ? await storedTasks(store, missing) : new Map();
  // A value that only looks like a number may still be a stored task's id.
  const storedIds =
    store && missing.size > 0
      ? new Set(
          (
            await store.readNodes(
              references
                .filter((r) => !byNumber.has(r.number) && !stored.has(r.number))
                .map((r) => taskEnd(staging.edges[r.at]!)!),
              [TASK],
            )
          ).map((n) => n.properties.id),
        )
      : new Set<string>();

  const rewritten = new Set<StagedNode>();
  for (const { at, number, title } of references) {
    const edge = staging.edges[at]!;
    const { owner, column } = edge;
    const value = taskEnd(edge)!;
    const tasks = byNumber.get(number) ?? stored.get(number);
    if (!tasks) {
      if (storedIds.has(value)) continue;
      staging.reject(
        owner,
        importError(
          owner.origin,
          'UNKNOWN_REFERENCE',
          `unknown KLE number ${JSON.stringify(number)}` +
            (value === number ? '' : ` (in ${JSON.stringify(value)})`) +
            ': no task has it in the import or the store; give a task id or a number of the KLE plan',
          column,
        ),
      );
      continue;
    }
    if (tasks.length > 1) {
      staging.reject(
        owner,
        importError(
          owner.origin,
          'WRONG_REFERENCE',
          `KLE number ${JSON.stringify(number)} names ${tasks.length} tasks ` +
            `(${tasks.map((t) => JSON.stringify(t.id)).join(', ')}); give the task id instead`,
          column,
        ),
      );
      continue;
    }
    const task = tasks[0]!;
    if (
      title !== null &&
      task.title !== null &&
      normalizeName(title) !== normalizeName(task.title)
    ) {
      staging.issues.push(
        importWarning(
          owner.origin,
          'IGNORED',
          `KLE ${number} is ${JSON.stringify(task.title)}, not ${JSON.stringify(title)}; the ` +
            'number was used',
          column,
        ),
      );
    }
    staging.edges[at] = withTask(edge, task.id);
    rewritten.add(owner);
  }
  if (rewritten.size > 0) dropRepeats(staging, rewritten);
}
