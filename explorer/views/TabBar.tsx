import type { Tab } from '../state/url-state.ts';

/** Graph or table: every graph has a table twin. */
export function TabBar({
  tab,
  onChange,
  label,
}: {
  tab: Tab;
  onChange: (tab: Tab) => void;
  label: string;
}) {
  const tabs: { id: Tab; label: string }[] = [
    { id: 'graph', label: 'Graf' },
    { id: 'table', label: 'Tabel' },
  ];
  return (
    <div className="tab-bar" role="tablist" aria-label={label}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          aria-selected={tab === t.id}
          className={tab === t.id ? 'active' : undefined}
          onClick={() => onChange(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
