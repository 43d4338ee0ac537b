import { useId } from 'react';

/** "Pr. dato": the date a view answers for; clearing it gives null (today). */
export function DateField({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string | null) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Pr. dato</label>
      <input id={id} type="date" value={value} onChange={(e) => onChange(e.target.value || null)} />
    </div>
  );
}
