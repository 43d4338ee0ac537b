import { useId, useMemo } from 'react';
import {
  COMPARE_QUERY,
  type CompareData,
  type ComparisonResult,
  type IntegrationPattern,
  type NamedId,
} from '../api/operations.ts';
import { GraphCanvas } from '../canvas/GraphCanvas.tsx';
import { formatDate, today } from '../domain/dates.ts';
import { comparisonToElements } from '../graph/transforms/comparison-to-elements.ts';
import { useGraphQuery } from '../hooks/useGraphQuery.ts';
import { DateField } from '../panels/DateField.tsx';
import { DataTable, type Column } from '../panels/DataTable.tsx';
import { DetailsPanel } from '../panels/DetailsPanel.tsx';
import { CompareLegend } from '../panels/Legend.tsx';
import { MunicipalityChecklist } from '../panels/MunicipalityPicker.tsx';
import { ErrorMessage, Loading } from '../panels/StatusMessage.tsx';
import type { Navigate } from '../state/useUrlState.ts';
import type { ViewState } from '../state/url-state.ts';
import { TabBar } from './TabBar.tsx';
import { mapFocusedOn, ShowOnMapButton } from '../panels/ShowOnMapButton.tsx';

const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)} %`);

function SimilarityBar({ value }: { value: number | null }) {
  return (
    <span className="similarity">
      <span className="bar" aria-hidden="true">
        <span style={{ width: `${Math.round((value ?? 0) * 100)}%` }} />
      </span>
      {percent(value)}
    </span>
  );
}

/**
 * Compare: two or more municipalities side by side: shared and unique systems (as a diff graph
 * and tables), similarity per KLE main group, common suppliers, integration patterns one has and
 * another lacks, and shared-procurement candidates.
 */
export function CompareView({ state, navigate }: { state: ViewState; navigate: Navigate }) {
  const asOf = state.asOf ?? today();
  const windowId = useId();
  const ready = state.compared.length >= 2 && state.compared.length <= 10;
  const { data, error, loading, refetch } = useGraphQuery<CompareData>(
    COMPARE_QUERY,
    { municipalityIds: state.compared, asOf, windowMonths: state.windowMonths },
    { skip: !ready, keepPrevious: true },
  );
  const comparison = ready ? (data?.compare ?? null) : null;
  const graph = useMemo(() => (comparison ? comparisonToElements(comparison) : null), [comparison]);
  const select = (id: string | null) => navigate({ selection: id }, { replace: true });

  return (
    <div className={`view compare-view${state.selection ? ' with-details' : ''}`}>
      <aside className="sidebar" aria-label="Vælg kommuner">
        <MunicipalityChecklist
          legend="Sammenlign kommuner (2–10)"
          value={state.compared}
          onChange={(compared) => navigate({ compared, selection: null })}
        />
        <DateField value={asOf} onChange={(value) => navigate({ asOf: value })} />
        <div className="field">
          <label htmlFor={windowId}>Fælles udbud: beslut senest inden for</label>
          <select
            id={windowId}
            value={state.windowMonths}
            onChange={(e) => navigate({ windowMonths: Number(e.target.value) })}
          >
            {[3, 6, 12, 24].map((m) => (
              <option key={m} value={m}>
                {m} måneder af hinanden
              </option>
            ))}
          </select>
        </div>
        <CompareLegend />
      </aside>
      <main className="main" aria-label="Sammenligning">
        <div className="view-header">
          <h1>Sammenlign kommuner</h1>
          {comparison && (
            <TabBar
              tab={state.tab}
              onChange={(tab) => navigate({ tab }, { replace: true })}
              label="Vis forskellen som"
            />
          )}
          {loading && <Loading>Sammenligner…</Loading>}
        </div>
        {error && <ErrorMessage error={error} onRetry={refetch} title="Sammenligningen fejlede" />}
        {!ready && (
          <div className="intro">
            <h2>Hvem ligner os, og hvem kunne vi udbyde sammen med?</h2>
            <p>
              Vælg mindst to kommuner til venstre. Du ser de IT-systemer de deler og dem kun én
              bruger, ligheden pr. KLE-hovedgruppe, fælles leverandører, integrationer den ene har
              og den anden mangler, og kontrakter der skal genanskaffes tæt på hinanden (kandidater
              til fælles udbud).
            </p>
            {state.compared.length > 10 && <p role="alert">Højst 10 kommuner ad gangen.</p>}
          </div>
        )}
        {comparison && graph && (
          <>
            <CompareSummary comparison={comparison} />
            {state.tab === 'table' ? (
              <SystemTables comparison={comparison} selection={state.selection} onSelect={select} />
            ) : (
              <div className="canvas-wrap compare-canvas">
                <GraphCanvas
                  elements={graph}
                  layout="preset"
                  selection={state.selection}
                  title="Sammenligning"
                  onSelect={select}
                  onExpand={(id) => navigate(mapFocusedOn(id))}
                  emptyMessage="Ingen systemer at vise."
                />
                {graph.cut > 0 && (
                  <p className="graph-note">
                    Grafen viser op til 60 systemer pr. liste; {graph.cut} flere står i tabellen.
                  </p>
                )}
              </div>
            )}
            <AnalysisTables comparison={comparison} onSelect={select} />
          </>
        )}
      </main>
      {state.selection && (
        <DetailsPanel
          id={state.selection}
          asOf={asOf}
          onPick={(ref) => select(ref.id)}
          onClose={() => select(null)}
          actions={(ref) => <ShowOnMapButton id={ref.id} navigate={navigate} />}
        />
      )}
    </div>
  );
}

function nameOf(comparison: ComparisonResult, id: string): string {
  return comparison.municipalities.find((m) => m.id === id)?.name ?? id;
}

function CompareSummary({ comparison }: { comparison: ComparisonResult }) {
  const s = comparison.systems;
  return (
    <div className="compare-summary" data-testid="compare-summary">
      <ul className="summary-cards">
        <li>
          <span className="value">{s.sharedCount}</span>
          <span className="label">Systemer alle bruger</span>
        </li>
        <li>
          <span className="value">{s.unionCount}</span>
          <span className="label">Systemer i alt</span>
        </li>
        <li>
          <span className="value">{percent(s.jaccard)}</span>
          <span className="label">Lighed (Jaccard)</span>
        </li>
        <li>
          <span className="value">{comparison.suppliers.sharedCount}</span>
          <span className="label">Fælles leverandører</span>
        </li>
        <li>
          <span className="value">{comparison.sharedProcurement.totalCandidates}</span>
          <span className="label">Kandidater til fælles udbud</span>
        </li>
      </ul>
      <table className="compact">
        <thead>
          <tr>
            <th>Kommune</th>
            <th className="right">IT-systemer</th>
            <th className="right">Kun her</th>
            <th className="right">Leverandører</th>
            <th className="right">Integrationer</th>
            <th className="right">Integrationer andre mangler</th>
          </tr>
        </thead>
        <tbody>
          {comparison.municipalityIds.map((id) => {
            const systems = comparison.systems.perMunicipality.find((m) => m.municipalityId === id);
            const suppliers = comparison.suppliers.perMunicipality.find(
              (m) => m.municipalityId === id,
            );
            const patterns = comparison.integrationPatterns.perMunicipality.find(
              (m) => m.municipalityId === id,
            );
            return (
              <tr key={id}>
                <td>{nameOf(comparison, id)}</td>
                <td className="right">{systems?.count ?? 0}</td>
                <td className="right">{systems?.onlyHereCount ?? 0}</td>
                <td className="right">{suppliers?.count ?? 0}</td>
                <td className="right">{patterns?.patternCount ?? 0}</td>
                <td className="right">{patterns?.missingElsewhereCount ?? 0}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {comparison.systems.pairs.length > 1 && (
        <p className="hint">
          Parvis lighed:{' '}
          {comparison.systems.pairs
            .map(
              (p) =>
                `${nameOf(comparison, p.municipalityIds[0]!)} / ${nameOf(comparison, p.municipalityIds[1]!)} ${percent(p.jaccard)}`,
            )
            .join(' · ')}
        </p>
      )}
    </div>
  );
}

function SystemTables({
  comparison,
  selection,
  onSelect,
}: {
  comparison: ComparisonResult;
  selection: string | null;
  onSelect: (id: string) => void;
}) {
  const columns: Column<NamedId>[] = [{ key: 'name', header: 'IT-system', value: (s) => s.name }];
  return (
    <div className="tables" data-testid="compare-system-tables">
      <DataTable
        title="IT-systemer alle bruger"
        columns={columns}
        rows={comparison.systems.shared}
        rowKey={(s) => s.id}
        onSelect={(s) => onSelect(s.id)}
        selectedKey={selection}
        note={
          comparison.systems.sharedCount > comparison.systems.shared.length
            ? `(af ${comparison.systems.sharedCount})`
            : undefined
        }
      />
      {comparison.systems.perMunicipality.map((m) => (
        <DataTable
          key={m.municipalityId}
          title={`Kun ${nameOf(comparison, m.municipalityId)} bruger`}
          columns={columns}
          rows={m.onlyHere}
          rowKey={(s) => s.id}
          onSelect={(s) => onSelect(s.id)}
          selectedKey={selection}
          pageSize={50}
          note={m.onlyHereCount > m.onlyHere.length ? `(af ${m.onlyHereCount})` : undefined}
        />
      ))}
    </div>
  );
}

function AnalysisTables({
  comparison,
  onSelect,
}: {
  comparison: ComparisonResult;
  onSelect: (id: string) => void;
}) {
  type MainGroup = ComparisonResult['mainGroups'][number];
  type Candidate = ComparisonResult['sharedProcurement']['candidates'][number];
  type MissingPattern = IntegrationPattern & { owner: string };
  const missing: MissingPattern[] = comparison.integrationPatterns.perMunicipality.flatMap((m) =>
    m.missingElsewhere.map((p) => ({ ...p, owner: m.municipalityId })),
  );
  const mainGroupColumns: Column<MainGroup>[] = [
    { key: 'number', header: 'KLE', value: (g) => g.number },
    { key: 'title', header: 'Hovedgruppe', value: (g) => g.title },
    { key: 'shared', header: 'Fælles systemer', value: (g) => g.sharedCount, align: 'right' },
    { key: 'union', header: 'Systemer i alt', value: (g) => g.unionCount, align: 'right' },
    {
      key: 'jaccard',
      header: 'Lighed',
      value: (g) => g.jaccard ?? null,
      render: (g) => <SimilarityBar value={g.jaccard} />,
    },
  ];
  return (
    <div className="tables">
      <DataTable
        title="Lighed pr. KLE-hovedgruppe"
        columns={mainGroupColumns}
        rows={comparison.mainGroups.filter((g) => g.unionCount > 0)}
        rowKey={(g) => g.taskId}
        onSelect={(g) => onSelect(g.taskId)}
        pageSize={30}
        testId="compare-kle"
      />
      <DataTable
        title="Fælles leverandører"
        columns={[{ key: 'name', header: 'Leverandør', value: (s: NamedId) => s.name }]}
        rows={comparison.suppliers.shared}
        rowKey={(s) => s.id}
        onSelect={(s) => onSelect(s.id)}
        pageSize={20}
      />
      <DataTable
        title="Integrationer som én har og andre mangler"
        columns={[
          {
            key: 'owner',
            header: 'Har den',
            value: (p: MissingPattern) => nameOf(comparison, p.owner),
          },
          {
            key: 'from',
            header: 'Fra system (bruger)',
            value: (p) => p.fromSystem?.name ?? p.fromSystemId,
          },
          { key: 'to', header: 'Til system', value: (p) => p.toSystem?.name ?? p.toSystemId },
          {
            key: 'missing',
            header: 'Mangler hos',
            value: (p) => p.missingFromIds.map((id) => nameOf(comparison, id)).join(', '),
          },
          { key: 'count', header: 'Relationer', value: (p) => p.relationCount, align: 'right' },
        ]}
        rows={missing}
        rowKey={(p) => `${p.owner}:${p.fromSystemId}:${p.toSystemId}`}
        onSelect={(p) => onSelect(p.fromSystemId)}
        pageSize={20}
      />
      <DataTable
        title="Kandidater til fælles udbud"
        columns={[
          {
            key: 'basis',
            header: 'Grundlag',
            value: (c: Candidate) => (c.basis === 'SYSTEM' ? 'Samme system' : 'Samme leverandør'),
          },
          {
            key: 'name',
            header: 'System / leverandør',
            value: (c) => c.system?.name ?? c.supplier?.name ?? c.sharedId,
          },
          {
            key: 'first',
            header: 'Første beslut senest',
            value: (c) => c.earliestDecideBy,
            render: (c) => formatDate(c.earliestDecideBy),
          },
          {
            key: 'last',
            header: 'Sidste beslut senest',
            value: (c) => c.latestDecideBy,
            render: (c) => formatDate(c.latestDecideBy),
          },
          { key: 'span', header: 'Dage imellem', value: (c) => c.spanDays, align: 'right' },
          {
            key: 'contracts',
            header: 'Kontrakter',
            value: (c) =>
              c.contracts
                .map(
                  (k) =>
                    `${nameOf(comparison, k.municipalityId)}: ${k.contract?.name ?? k.contractId}`,
                )
                .join('; '),
          },
        ]}
        rows={comparison.sharedProcurement.candidates}
        rowKey={(c) => `${c.basis}:${c.sharedId}:${c.contracts.map((k) => k.contractId).join(',')}`}
        onSelect={(c) => onSelect(c.sharedId)}
        pageSize={20}
        note={`(${comparison.sharedProcurement.contractsConsidered} kontrakter vurderet; ${comparison.sharedProcurement.skippedDecideByPassed} med overskredet og ${comparison.sharedProcurement.skippedUnknownDecideBy} med ukendt beslut-senest-dato udeladt)`}
        testId="compare-procurement"
      />
    </div>
  );
}
