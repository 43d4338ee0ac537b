import { useMemo, useState } from 'react';
import type { EntityRef } from '../api/entity-ref.ts';
import { fetchSlices, kleMainGroupsQuery, type KleMainGroupsData } from '../api/map-operations.ts';
import { GraphCanvas } from '../canvas/GraphCanvas.tsx';
import { today } from '../domain/dates.ts';
import { ENTITY_KINDS, type EntityKind, type RelationshipType } from '../domain/model.ts';
import { KIND_TERMS } from '../domain/terms.ts';
import { buildMapElements, buildMapGraph } from '../graph/map-pipeline.ts';
import { useAsync, useGraphQuery } from '../hooks/useGraphQuery.ts';
import { useEntityRefs } from '../hooks/useEntityRefs.ts';
import { Chips } from '../panels/Chips.tsx';
import { DetailsPanel } from '../panels/DetailsPanel.tsx';
import { DownloadsMenu } from '../panels/DownloadsMenu.tsx';
import { EntitySearch } from '../panels/EntitySearch.tsx';
import { FiltersPanel } from '../panels/FiltersPanel.tsx';
import { HiddenCounts } from '../panels/HiddenCounts.tsx';
import { MapLegend } from '../panels/Legend.tsx';
import { NodeMenu, type NodeMenuAction } from '../panels/NodeMenu.tsx';
import { ErrorMessage, Loading } from '../panels/StatusMessage.tsx';
import { useLandscape } from '../state/landscape-context.ts';
import { neighbourhoodRequests } from '../state/map-requests.ts';
import type { Navigate } from '../state/useUrlState.ts';
import { MAX_DEPTH, type ViewState } from '../state/url-state.ts';
import { MapIntro } from './MapIntro.tsx';
import { MapTables } from './MapTables.tsx';
import { TabBar } from './TabBar.tsx';

/** What ending this entity means, as an impact view to open; null when it cannot end. */
export function impactPatchFor(ref: EntityRef): Partial<ViewState> | null {
  const base = {
    view: 'impact' as const,
    contracts: [],
    systems: [],
    supplier: null,
    selection: null,
  };
  switch (ref.kind) {
    case 'CONTRACT':
      return { ...base, contracts: [ref.id] };
    case 'SYSTEM':
      return { ...base, systems: [ref.id] };
    case 'ORGANIZATION':
      return { ...base, supplier: ref.id };
    default:
      return null;
  }
}

/**
 * Map: search, focus and expand a neighbourhood, filter, group and lay it out; details of the
 * selection on the right; a table twin of the same slice.
 */
export function MapView({ state, navigate }: { state: ViewState; navigate: Navigate }) {
  const { municipalityNames } = useLandscape();
  const [searchKind, setSearchKind] = useState<EntityKind | ''>('');
  const [menu, setMenu] = useState<{ id: string; at: { x: number; y: number } } | null>(null);
  const requests = useMemo(() => neighbourhoodRequests(state), [state]);
  const requestKey = requests.length > 0 ? JSON.stringify(requests) : null;
  const slices = useAsync(requestKey, (signal) => fetchSlices(requests, signal), {
    keepPrevious: true,
  });
  const graph = useMemo(
    () => buildMapGraph(requestKey ? slices.data : null, state.criticalities),
    [slices.data, requestKey, state.criticalities],
  );
  const kleNumbers = useMemo(
    () =>
      state.grouping === 'kle'
        ? [...new Set(graph.nodes.flatMap((n) => n.facets.kleMainGroups.slice(0, 1)))].sort()
        : [],
    [graph, state.grouping],
  );
  const kle = useGraphQuery<KleMainGroupsData>(
    kleMainGroupsQuery(kleNumbers),
    {},
    { skip: kleNumbers.length === 0, keepPrevious: true },
  );
  const names = useMemo(
    () => ({
      municipalities: municipalityNames,
      kleMainGroups: new Map(
        Object.entries(kle.data ?? {}).map(([alias, answer]) => [
          alias.slice(1),
          (answer.hits[0]?.name ?? '').replace(/^\d+\s*/, ''),
        ]),
      ),
    }),
    [municipalityNames, kle.data],
  );
  const elements = useMemo(
    () => buildMapElements(graph, state.grouping, state.collapsed, names),
    [graph, state.grouping, state.collapsed, names],
  );
  const groupIds = useMemo(
    () => elements.nodes.filter((n) => n.data.kind === 'GROUP').map((n) => n.data.id),
    [elements],
  );
  const focusRefs = useEntityRefs([...state.focus, ...state.expansions.map((e) => e.id)]);
  const presentKinds = useMemo(() => {
    const kinds = new Set(graph.nodes.map((n) => n.kind));
    return ENTITY_KINDS.filter((k) => kinds.has(k));
  }, [graph]);
  const asOf = state.asOf ?? today();
  // Only the force layout keeps compound groups together; the others would overlap them.
  const layout = state.grouping !== 'none' ? 'force' : (state.layout ?? 'force');

  const focusOn = (id: string) =>
    navigate({ focus: [id], expansions: [], collapsed: [], selection: id });
  const expand = (id: string, depth = 1, relationshipTypes: RelationshipType[] = []) => {
    if (state.focus.includes(id) && relationshipTypes.length === 0) {
      navigate({ depth: Math.min(state.depth + 1, MAX_DEPTH) });
      return;
    }
    const existing = state.expansions.find((e) => e.id === id);
    const next = existing
      ? {
          ...existing,
          depth: Math.min(
            Math.max(existing.depth + (relationshipTypes.length ? 0 : 1), depth),
            MAX_DEPTH,
          ),
          relationshipTypes,
        }
      : { id, depth, relationshipTypes };
    navigate({ expansions: [...state.expansions.filter((e) => e.id !== id), next], selection: id });
  };
  const toggleGroup = (groupId: string) =>
    navigate({
      collapsed: state.collapsed.includes(groupId)
        ? state.collapsed.filter((g) => g !== groupId)
        : [...state.collapsed, groupId],
    });
  const select = (id: string | null) => navigate({ selection: id }, { replace: true });
  const pick = (ref: EntityRef) => navigate({ selection: ref.id }, { replace: true });

  const menuNode = menu ? graph.nodes.find((n) => n.id === menu.id) : undefined;
  const menuActions = (id: string, kind: EntityKind | null, name: string): NodeMenuAction[] => {
    const actions: NodeMenuAction[] = [
      { label: 'Fokusér her', run: () => focusOn(id) },
      { label: 'Vis detaljer', run: () => select(id) },
    ];
    if (state.expansions.some((e) => e.id === id)) {
      actions.push({
        label: 'Fjern udvidelse',
        run: () => navigate({ expansions: state.expansions.filter((e) => e.id !== id) }),
      });
    }
    const impact = kind ? impactPatchFor({ id, kind, name, municipalityId: null }) : null;
    if (impact) actions.push({ label: 'Konsekvens ved ophør', run: () => navigate(impact) });
    return actions;
  };

  const hasFocus = state.focus.length > 0;
  return (
    <div className={`view map-view${state.selection ? ' with-details' : ''}`}>
      <aside className="sidebar" aria-label="Søg og filtrér">
        <div className="search-panel">
          <div className="field">
            <label htmlFor="search-kind">Søg i</label>
            <select
              id="search-kind"
              value={searchKind}
              onChange={(e) => setSearchKind(e.target.value as EntityKind | '')}
            >
              <option value="">Alle typer</option>
              {ENTITY_KINDS.filter((k) => k !== 'RELATION').map((k) => (
                <option key={k} value={k}>
                  {KIND_TERMS[k].many}
                </option>
              ))}
            </select>
          </div>
          <EntitySearch
            label="Søg"
            kinds={searchKind ? [searchKind] : undefined}
            municipalityId={state.municipality}
            onPick={(hit) => focusOn(hit.id)}
            testId="map-search"
          />
          {hasFocus && (
            <>
              <h3 className="small-heading">Fokus</h3>
              <Chips
                label="Fokus"
                ids={state.focus}
                refs={focusRefs}
                onRemove={(id) =>
                  navigate({ focus: state.focus.filter((f) => f !== id), selection: null })
                }
              />
            </>
          )}
          {state.expansions.length > 0 && (
            <>
              <h3 className="small-heading">Udvidet</h3>
              <Chips
                label="Udvidede elementer"
                ids={state.expansions.map((e) => e.id)}
                refs={focusRefs}
                onRemove={(id) =>
                  navigate({ expansions: state.expansions.filter((e) => e.id !== id) })
                }
              />
            </>
          )}
        </div>
        <FiltersPanel state={state} navigate={navigate} />
      </aside>
      <main className="main" aria-label="Kort">
        <div className="view-header">
          <h1>Kort</h1>
          {hasFocus && (
            <TabBar
              tab={state.tab}
              onChange={(tab) => navigate({ tab }, { replace: true })}
              label="Vis kortet som"
            />
          )}
          {slices.loading && hasFocus && <Loading>Henter udsnit…</Loading>}
          <span className="header-gap" />
          {groupIds.length > 0 && state.tab === 'graph' && (
            <div className="group-controls" role="group" aria-label="Grupper">
              <button
                type="button"
                onClick={() => navigate({ collapsed: groupIds })}
                disabled={state.collapsed.length === groupIds.length}
              >
                Fold alle grupper sammen
              </button>
              <button
                type="button"
                onClick={() => navigate({ collapsed: [] })}
                disabled={state.collapsed.length === 0}
              >
                Fold alle ud
              </button>
            </div>
          )}
          <DownloadsMenu
            focus={state.focus}
            depth={state.depth}
            municipality={state.municipality}
          />
        </div>
        {slices.error && (
          <ErrorMessage
            error={slices.error}
            onRetry={slices.refetch}
            title="Udsnittet kunne ikke hentes"
          />
        )}
        {!hasFocus ? (
          <MapIntro onFocus={focusOn} />
        ) : (
          <>
            {slices.data && (
              <HiddenCounts
                hidden={graph.hidden}
                truncated={graph.truncated}
                viaSearchLimited={graph.viaSearchLimited}
                maxNodes={state.maxNodes}
                onMore={() => navigate({ maxNodes: Math.min(state.maxNodes * 2, 5000) })}
              />
            )}
            {state.tab === 'table' ? (
              <MapTables graph={graph} selection={state.selection} onSelect={select} />
            ) : (
              <div className="canvas-wrap">
                <GraphCanvas
                  elements={elements}
                  layout={layout}
                  selection={state.selection}
                  title="Kort"
                  onSelect={select}
                  onExpand={(id) => expand(id)}
                  onToggleGroup={toggleGroup}
                  onNodeMenu={(id, at) => setMenu({ id, at })}
                  emptyMessage={
                    slices.loading ? 'Henter…' : 'Ingen elementer i udsnittet med de valgte filtre.'
                  }
                />
                <MapLegend kinds={presentKinds} open={false} />
                {menu && (
                  <NodeMenu
                    name={menuNode?.name ?? menu.id}
                    kind={menuNode?.kind ?? null}
                    at={menu.at}
                    onExpand={(depth, types) => expand(menu.id, depth, types)}
                    actions={menuActions(
                      menu.id,
                      menuNode?.kind ?? null,
                      menuNode?.name ?? menu.id,
                    )}
                    onClose={() => setMenu(null)}
                  />
                )}
              </div>
            )}
          </>
        )}
      </main>
      {state.selection && (
        <DetailsPanel
          id={state.selection}
          asOf={asOf}
          onPick={pick}
          onClose={() => select(null)}
          actions={(ref) => {
            const impact = impactPatchFor(ref);
            const onMap = graph.nodes.some((n) => n.id === ref.id);
            return (
              <>
                <button type="button" onClick={() => focusOn(ref.id)}>
                  Fokusér
                </button>
                {!state.focus.includes(ref.id) && (
                  <button
                    type="button"
                    onClick={() => navigate({ focus: [...state.focus, ref.id] })}
                  >
                    Tilføj til kortet
                  </button>
                )}
                {onMap && (
                  <button type="button" onClick={() => expand(ref.id)}>
                    Udvid
                  </button>
                )}
                {impact && (
                  <button type="button" onClick={() => navigate(impact)}>
                    Konsekvens ved ophør
                  </button>
                )}
              </>
            );
          }}
        />
      )}
    </div>
  );
}
