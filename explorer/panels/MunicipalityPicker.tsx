import { useId } from 'react';
import { useLandscape } from '../state/landscape-context.ts';

/** One municipality, or all. */
export function MunicipalityPicker({
  value,
  onChange,
  label = 'Kommune',
  allLabel = 'Alle kommuner',
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  label?: string;
  allLabel?: string;
}) {
  const id = useId();
  const { municipalities, loading } = useLandscape();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
        disabled={loading && municipalities.length === 0}
      >
        <option value="">{allLabel}</option>
        {municipalities.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
        {value && !municipalities.some((m) => m.id === value) && (
          <option value={value}>{value}</option>
        )}
      </select>
    </div>
  );
}

/** Two or more municipalities, as checkboxes. */
export function MunicipalityChecklist({
  value,
  onChange,
  legend,
}: {
  value: readonly string[];
  onChange: (ids: string[]) => void;
  legend: string;
}) {
  const { municipalities, loading, error } = useLandscape();
  const chosen = new Set(value);
  return (
    <fieldset className="checklist">
      <legend>{legend}</legend>
      {loading && municipalities.length === 0 && <p>Henter kommuner…</p>}
      {error && <p role="alert">Kommunerne kunne ikke hentes: {error.message}</p>}
      {municipalities.map((m) => (
        <label key={m.id}>
          <input
            type="checkbox"
            checked={chosen.has(m.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, m.id] : value.filter((id) => id !== m.id))
            }
          />{' '}
          {m.name}
        </label>
      ))}
    </fieldset>
  );
}
