import {
  CRITICALITY_TERMS,
  EDGE_TERMS,
  KIND_TERMS,
  LIFECYCLE_TERMS,
  PERSONAL_DATA_TERMS,
} from '../domain/terms.ts';
import type { MapEdge, MapGraph, MapNode } from '../graph/map-graph.ts';
import { DataTable, type Column } from '../panels/DataTable.tsx';
import { useLandscape } from '../state/landscape-context.ts';

/** The map's table twin: its nodes and its edges, with everything the graph encodes. */
export function MapTables({
  graph,
  selection,
  onSelect,
}: {
  graph: MapGraph;
  selection: string | null;
  onSelect: (id: string) => void;
}) {
  const { municipalityNames } = useLandscape();
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const nodeColumns: Column<MapNode>[] = [
    { key: 'name', header: 'Navn', value: (n) => n.name },
    { key: 'kind', header: 'Type', value: (n) => KIND_TERMS[n.kind].one },
    {
      key: 'municipality',
      header: 'Kommune',
      value: (n) =>
        n.municipalityId ? (municipalityNames.get(n.municipalityId) ?? n.municipalityId) : '',
    },
    {
      key: 'lifecycle',
      header: 'Livscyklus',
      value: (n) => (n.lifecycle ? LIFECYCLE_TERMS[n.lifecycle] : ''),
    },
    {
      key: 'criticality',
      header: 'Kritikalitet',
      value: (n) => (n.facets.criticality ? CRITICALITY_TERMS[n.facets.criticality] : ''),
    },
    {
      key: 'personalData',
      header: 'Persondata',
      value: (n) => (n.facets.personalData ? PERSONAL_DATA_TERMS[n.facets.personalData] : ''),
    },
    { key: 'supplier', header: 'Leverandør', value: (n) => n.facets.supplier?.name ?? '' },
    { key: 'depth', header: 'Trin fra fokus', value: (n) => n.depth, align: 'right' },
    { key: 'hidden', header: 'Skjulte naboer', value: (n) => n.hiddenNeighbours, align: 'right' },
    { key: 'id', header: 'Id', value: (n) => n.id },
  ];
  const edgeColumns: Column<MapEdge>[] = [
    { key: 'source', header: 'Fra', value: (e) => names.get(e.source) ?? e.source },
    { key: 'type', header: 'Forbindelse', value: (e) => EDGE_TERMS[e.type] },
    { key: 'target', header: 'Til', value: (e) => names.get(e.target) ?? e.target },
    {
      key: 'via',
      header: 'Via (skjulte)',
      value: (e) => (e.via.length ? e.viaKinds.map((k) => KIND_TERMS[k].one).join(' → ') : ''),
    },
  ];
  return (
    <div className="tables">
      <DataTable
        title="Elementer på kortet"
        columns={nodeColumns}
        rows={graph.nodes}
        rowKey={(n) => n.id}
        onSelect={(n) => onSelect(n.id)}
        selectedKey={selection}
        testId="map-nodes-table"
      />
      <DataTable
        title="Forbindelser på kortet"
        columns={edgeColumns}
        rows={graph.edges}
        rowKey={(e) => e.id}
      />
    </div>
  );
}
