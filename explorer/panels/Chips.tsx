import type { EntityRef } from '../api/entity-ref.ts';
import { KIND_TERMS } from '../domain/terms.ts';

/** Chosen entities as removable chips, named when their names have arrived. */
export function Chips({
  ids,
  refs,
  onRemove,
  label,
}: {
  ids: readonly string[];
  refs: ReadonlyMap<string, EntityRef>;
  onRemove: (id: string) => void;
  label: string;
}) {
  if (ids.length === 0) return null;
  return (
    <ul className="chips" aria-label={label}>
      {ids.map((id) => {
        const ref = refs.get(id);
        const name = ref?.name ?? id;
        return (
          <li key={id} className="chip" title={ref ? KIND_TERMS[ref.kind].one : id}>
            <span>{name}</span>
            <button type="button" onClick={() => onRemove(id)} aria-label={`Fjern ${name}`}>
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
