import type { HiddenSummary } from '../graph/map-graph.ts';

/**
 * What the map leaves out, in numbers, so no node or edge vanishes silently. A truncated slice
 * offers to fetch a bigger one.
 */
export function HiddenCounts({
  hidden,
  truncated,
  viaSearchLimited,
  maxNodes,
  onMore,
}: {
  hidden: HiddenSummary;
  truncated: boolean;
  viaSearchLimited: boolean;
  maxNodes: number;
  onMore?: () => void;
}) {
  const parts: string[] = [];
  if (hidden.byMaxNodes)
    parts.push(
      `${hidden.byMaxNodes.toLocaleString('da-DK')} ikke plads (højst ${maxNodes.toLocaleString('da-DK')})`,
    );
  if (hidden.byFilters) parts.push(`${hidden.byFilters.toLocaleString('da-DK')} filtreret fra`);
  if (hidden.byKinds)
    parts.push(
      `${hidden.byKinds.toLocaleString('da-DK')} af skjulte typer (vist som stiplede via-kanter)`,
    );
  if (hidden.byCriticality)
    parts.push(`${hidden.byCriticality.toLocaleString('da-DK')} fravalgt på kritikalitet`);
  if (hidden.viaEdges)
    parts.push(`${hidden.viaEdges.toLocaleString('da-DK')} via-kanter over loftet`);
  if (parts.length === 0 && !truncated && !viaSearchLimited) {
    return (
      <p className="hidden-counts none" data-testid="hidden-counts">
        Intet skjult i udsnittet.
      </p>
    );
  }
  return (
    <p className="hidden-counts" data-testid="hidden-counts" role="status">
      <strong>Skjult:</strong> {parts.join(' · ') || 'intet'}
      {viaSearchLimited && ' · søgningen efter via-kanter nåede sin grænse, nogle kan mangle'}
      {truncated && onMore && maxNodes < 5000 && (
        <>
          {' '}
          <button type="button" onClick={onMore}>
            Hent flere
          </button>
        </>
      )}
    </p>
  );
}
