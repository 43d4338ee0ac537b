/** Previous/next buttons around a label, for the paged tables of the views. */
export function Pager({
  label,
  hasPrevious,
  hasNext,
  onPage,
}: {
  label: string;
  hasPrevious: boolean;
  hasNext: boolean;
  /** Called with -1 or +1. */
  onPage: (step: -1 | 1) => void;
}) {
  return (
    <nav className="pager" aria-label="Sider">
      <button type="button" disabled={!hasPrevious} onClick={() => onPage(-1)}>
        ← Forrige
      </button>
      <span>{label}</span>
      <button type="button" disabled={!hasNext} onClick={() => onPage(1)}>
        Næste →
      </button>
    </nav>
  );
}
