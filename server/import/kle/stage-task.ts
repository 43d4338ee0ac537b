import type { TaskLevel } from '../../model/model-types.ts';
import { importError, quote, type Origin } from '../import-issue.ts';
import { completeRecord, relationshipField, type ImportStaging } from '../staging.ts';

const TASK_PARENT = relationshipField('Task', 'parent');

/** The KLE level a number's shape gives: `27` main group, `27.24` group, `27.24.03` subject. */
export function taskLevel(number: string): TaskLevel | undefined {
  if (/^\d{2}$/.test(number)) return 'MAIN_GROUP';
  if (/^\d{2}\.\d{2}$/.test(number)) return 'GROUP';
  if (/^\d{2}\.\d{2}\.\d{2}$/.test(number)) return 'SUBJECT';
  return undefined;
}

/** One KLE entry as both KLE formats give it. */
export interface KleEntry {
  readonly uuid: string;
  readonly number: string;
  readonly title: string;
  /** The parent's uuid; null for a main group. */
  readonly parent: string | null;
}

/** Stages a KLE entry as a Task with its SUBTASK_OF link; a malformed number rejects it. */
export function stageTask(staging: ImportStaging, entry: KleEntry, origin: Origin): void {
  const level = taskLevel(entry.number.trim());
  const node = {
    label: 'Task' as const,
    id: entry.uuid,
    record: completeRecord('Task', {
      id: entry.uuid,
      number: entry.number.trim(),
      title: entry.title,
      level: level ?? null,
    }),
    origin,
    stub: false,
    ownedFields: [TASK_PARENT],
    valid: true,
  };
  const kept = staging.addNode(node);
  if (kept !== node) return;
  if (!level) {
    staging.reject(
      node,
      importError(
        origin,
        'BAD_VALUE',
        `KLE number ${quote(entry.number)} is not NN, NN.NN or NN.NN.NN`,
        'kleNumber',
      ),
    );
    return;
  }
  if (entry.title.trim() === '') {
    staging.reject(
      node,
      importError(origin, 'MISSING_VALUE', `KLE ${quote(entry.number)} has no title`, 'title'),
    );
    return;
  }
  if (entry.parent) staging.relate(node, TASK_PARENT, [entry.parent], 'parentKle');
}
