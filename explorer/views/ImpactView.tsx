import { useId, useMemo, useState } from 'react';
import { toEntityRef, type EntityRef } from '../api/entity-ref.ts';
import { blastRadiusInput, impactRows, modeOf, type ImpactRow, type Mode } from './impact-model.ts';
import {
  BLAST_RADIUS_QUERY,
  type BlastRadiusData,
  type BlastRadiusEndingContract,
  type BlastRadiusResult,
} from '../api/operations.ts';
import { GraphCanvas } from '../canvas/GraphCanvas.tsx';
import { formatDate, today } from '../domain/dates.ts';
import type { ImpactStatus } from '../domain/model.ts';
import {
  CRITICALITY_TERMS,
  IMPACT_STATUS_HELP,
  IMPACT_STATUS_TERMS,
  KIND_TERMS,
  LIFECYCLE_TERMS,
  PERSONAL_DATA_TERMS,
  termOf,
} from '../domain/terms.ts';
import { exportFileName } from '../export/csv.ts';
import { downloadText } from '../export/download.ts';
import { blastRadiusToElements, markPath } from '../graph/transforms/blast-radius-to-elements.ts';
import { useEntityRefs } from '../hooks/useEntityRefs.ts';
import { useGraphQuery } from '../hooks/useGraphQuery.ts';
import { Chips } from '../panels/Chips.tsx';
import { DataTable, type Column } from '../panels/DataTable.tsx';
import { DateField } from '../panels/DateField.tsx';
import { DeadlineDateText } from '../panels/DeadlineDateText.tsx';
import { DetailsPanel } from '../panels/DetailsPanel.tsx';
import { EntitySearch } from '../panels/EntitySearch.tsx';
import { ImpactLegend } from '../panels/Legend.tsx';
import { MunicipalityPicker } from '../panels/MunicipalityPicker.tsx';
import { ErrorMessage, Loading } from '../panels/StatusMessage.tsx';
import { useLandscape } from '../state/landscape-context.ts';
import type { Navigate } from '../state/useUrlState.ts';
import type { ViewState } from '../state/url-state.ts';
import { TabBar } from './TabBar.tsx';
import { mapFocusedOn, ShowOnMapButton } from '../panels/ShowOnMapButton.tsx';

/**
 * Impact before tendering: pick contracts, a supplier or systems and a date; see what is lost,
 * degraded and dependent, why, whom it touches, and the deadlines that drive it.
 */
export function ImpactView({ state, navigate }: { state: ViewState; navigate: Navigate }) {
  const [mode, setMode] = useState<Mode>(modeOf(state));
  const asOf = state.asOf ?? today();
  const input = blastRadiusInput(state, asOf);
  const { data, error, loading, refetch } = useGraphQuery<BlastRadiusData>(
    BLAST_RADIUS_QUERY,
    { input },
    { skip: input === null, keepPrevious: true },
  );
  const result = input ? (data?.blastRadius ?? null) : null;
  const chosenRefs = useEntityRefs([
    ...state.contracts,
    ...state.systems,
    ...(state.supplier ? [state.supplier] : []),
  ]);
  const rows = useMemo(() => (result ? impactRows(result) : []), [result]);
  const selectedPath = useMemo(() => {
    if (!result || !state.selection) return [];
    const row = rows.find((r) => r.usageId === state.selection);
    if (row) return row.path;
    const contract = result.endingContracts.find((c) => c.contractId === state.selection);
    return contract ? contract.path : [];
  }, [result, rows, state.selection]);
  const elements = useMemo(() => {
    if (!result) return { nodes: [], edges: [] };
    return markPath(blastRadiusToElements(result), selectedPath);
  }, [result, selectedPath]);
  const select = (id: string | null) => navigate({ selection: id }, { replace: true });
  const chooseMode = (next: Mode) => {
    setMode(next);
    if (next !== modeOf(state))
      navigate({ contracts: [], systems: [], supplier: null, selection: null });
  };

  return (
    <div className={`view impact-view${state.selection ? ' with-details' : ''}`}>
      <aside className="sidebar" aria-label="Vælg hvad der ophører">
        <fieldset className="radio-group">
          <legend>Hvad ophører?</legend>
          {(
            [
              ['contracts', 'Kontrakter'],
              ['supplier', 'En leverandørs kontrakter'],
              ['systems', 'IT-systemer (udfases)'],
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="impact-mode"
                checked={mode === value}
                onChange={() => chooseMode(value)}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        {mode === 'contracts' && (
          <>
            <EntitySearch
              label="Tilføj kontrakt"
              kinds={['CONTRACT']}
              municipalityId={state.municipality}
              placeholder="Kontraktnavn eller -nummer…"
              onPick={(hit) =>
                navigate({
                  contracts: [...state.contracts.filter((c) => c !== hit.id), hit.id],
                  supplier: null,
                  systems: [],
                })
              }
              testId="impact-contract-search"
            />
            <Chips
              label="Valgte kontrakter"
              ids={state.contracts}
              refs={chosenRefs}
              onRemove={(id) => navigate({ contracts: state.contracts.filter((c) => c !== id) })}
            />
          </>
        )}
        {mode === 'supplier' && (
          <>
            <EntitySearch
              label="Leverandør"
              kinds={['ORGANIZATION']}
              placeholder="Leverandørens navn…"
              onPick={(hit) => navigate({ supplier: hit.id, contracts: [], systems: [] })}
            />
            <Chips
              label="Valgt leverandør"
              ids={state.supplier ? [state.supplier] : []}
              refs={chosenRefs}
              onRemove={() => navigate({ supplier: null })}
            />
          </>
        )}
        {mode === 'systems' && (
          <>
            <EntitySearch
              label="Tilføj IT-system"
              kinds={['SYSTEM']}
              placeholder="Systemets navn…"
              onPick={(hit) =>
                navigate({
                  systems: [...state.systems.filter((s) => s !== hit.id), hit.id],
                  contracts: [],
                  supplier: null,
                })
              }
            />
            <Chips
              label="Valgte systemer"
              ids={state.systems}
              refs={chosenRefs}
              onRemove={(id) => navigate({ systems: state.systems.filter((s) => s !== id) })}
            />
          </>
        )}
        <DateField value={asOf} onChange={(value) => navigate({ asOf: value })} />
        <MunicipalityPicker
          value={state.municipality}
          onChange={(municipality) => navigate({ municipality })}
        />
        <DepthField
          value={state.impactDepth}
          onChange={(impactDepth) => navigate({ impactDepth })}
        />
        <ImpactLegend />
      </aside>
      <main className="main" aria-label="Konsekvens">
        <div className="view-header">
          <h1>Konsekvens ved ophør</h1>
          {result && (
            <TabBar
              tab={state.tab}
              onChange={(tab) => navigate({ tab }, { replace: true })}
              label="Vis konsekvensen som"
            />
          )}
          {loading && <Loading>Beregner konsekvens…</Loading>}
          {result && (
            <button
              type="button"
              onClick={() =>
                downloadText(
                  JSON.stringify(result, null, 2),
                  exportFileName('konsekvens', 'json', asOf),
                  'application/json',
                )
              }
            >
              Eksportér JSON
            </button>
          )}
        </div>
        {error && (
          <ErrorMessage error={error} onRetry={refetch} title="Konsekvensen kunne ikke beregnes" />
        )}
        {!input && (
          <div className="intro">
            <h2>Hvad trækker et ophør med sig?</h2>
            <p>
              Vælg en eller flere kontrakter, en leverandør eller IT-systemer til venstre, og en
              dato. Du ser så hvilke systemanvendelser der <strong>mistes</strong> (ingen anden
              aktiv kontrakt dækker dem), hvilke der <strong>svækkes</strong>, og hvilke der{' '}
              <strong>afhænger</strong> af dem via relationer, samt opsigelsesfrister og hvornår der
              senest skal besluttes.
            </p>
            <p>Tip: under Frister åbner hver kontrakt sin konsekvens direkte.</p>
          </div>
        )}
        {result && (
          <>
            <ImpactSummary result={result} />
            <EndingContracts
              contracts={result.endingContracts}
              selection={state.selection}
              onSelect={select}
            />
            {state.tab === 'table' ? (
              <ImpactTables
                result={result}
                rows={rows}
                selection={state.selection}
                onSelect={select}
              />
            ) : (
              <div className="canvas-wrap impact-canvas">
                <GraphCanvas
                  elements={elements}
                  layout={state.layout ?? 'hierarchy'}
                  selection={state.selection}
                  title="Konsekvens"
                  onSelect={select}
                  onExpand={(id) => navigate(mapFocusedOn(id))}
                  emptyMessage="Intet rammes af ophøret på den valgte dato."
                />
                <LayoutSwitch
                  value={state.layout ?? 'hierarchy'}
                  onChange={(layout) => navigate({ layout })}
                />
              </div>
            )}
          </>
        )}
      </main>
      {state.selection && (
        <div className="details-column">
          {selectedPath.length > 0 && result && (
            <PathExplanation result={result} id={state.selection} rows={rows} />
          )}
          <DetailsPanel
            id={state.selection}
            asOf={asOf}
            onPick={(ref: EntityRef) => select(ref.id)}
            onClose={() => select(null)}
            actions={(ref) => <ShowOnMapButton id={ref.id} navigate={navigate} />}
          />
        </div>
      )}
    </div>
  );
}

function DepthField({ value, onChange }: { value: number; onChange: (value: number) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Følg afhængigheder (trin)</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}

function LayoutSwitch({
  value,
  onChange,
}: {
  value: string;
  onChange: (layout: 'concentric' | 'hierarchy' | 'force') => void;
}) {
  return (
    <div className="layout-switch" role="group" aria-label="Layout">
      {(
        [
          ['hierarchy', 'Lag'],
          ['concentric', 'Ringe'],
          ['force', 'Kraft'],
        ] as const
      ).map(([layout, label]) => (
        <button
          key={layout}
          type="button"
          aria-pressed={value === layout}
          onClick={() => onChange(layout)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

function ImpactSummary({ result }: { result: BlastRadiusResult }) {
  const t = result.totals;
  const cards: { label: string; value: number | string; status?: ImpactStatus; help?: string }[] = [
    { label: 'Kontrakter ophører', value: t.endingContracts + t.endingSystems, status: 'ENDING' },
    {
      label: IMPACT_STATUS_TERMS.LOST,
      value: t.lostUsages,
      status: 'LOST',
      help: IMPACT_STATUS_HELP.LOST,
    },
    {
      label: IMPACT_STATUS_TERMS.DEGRADED,
      value: t.degradedUsages,
      status: 'DEGRADED',
      help: IMPACT_STATUS_HELP.DEGRADED,
    },
    {
      label: IMPACT_STATUS_TERMS.DEPENDENT,
      value: t.dependentUsages,
      status: 'DEPENDENT',
      help: IMPACT_STATUS_HELP.DEPENDENT,
    },
    { label: 'Beslutning overskredet', value: t.decideByPassed },
    { label: 'Enheder', value: t.orgUnits },
    { label: 'KLE-opgaver', value: t.tasks },
    { label: 'Databehandlinger', value: t.dataProcessings },
    {
      label: 'Højeste persondata',
      value: result.personalData.highest
        ? termOf(PERSONAL_DATA_TERMS, result.personalData.highest)
        : 'Ingen registreret',
    },
  ];
  return (
    <ul className="summary-cards" aria-label="Opsummering" data-testid="impact-summary">
      {cards.map((c) => (
        <li
          key={c.label}
          className={c.status ? `status-${c.status.toLowerCase()}` : undefined}
          title={c.help}
        >
          <span className="value">
            {typeof c.value === 'number' ? c.value.toLocaleString('da-DK') : c.value}
          </span>
          <span className="label">{c.label}</span>
        </li>
      ))}
    </ul>
  );
}

function EndingContracts({
  contracts,
  selection,
  onSelect,
}: {
  contracts: BlastRadiusEndingContract[];
  selection: string | null;
  onSelect: (id: string) => void;
}) {
  const { municipalityNames } = useLandscape();
  if (contracts.length === 0) return null;
  const columns: Column<BlastRadiusEndingContract>[] = [
    { key: 'name', header: 'Kontrakt', value: (c) => c.name },
    {
      key: 'municipality',
      header: 'Kommune',
      value: (c) =>
        c.municipality?.name ?? (c.municipalityId ? municipalityNames.get(c.municipalityId) : ''),
    },
    { key: 'supplier', header: 'Leverandør', value: (c) => c.supplier?.name ?? '' },
    {
      key: 'notice',
      nowrap: true,
      header: 'Opsigelsesfrist',
      value: (c) => c.dates.noticeDeadline.value ?? (c.dates.noticeDeadline.known ? '' : 'ukendt'),
      render: (c) => <DeadlineDateText date={c.dates.noticeDeadline} />,
    },
    {
      key: 'decideBy',
      nowrap: true,
      header: 'Beslut senest',
      value: (c) => c.dates.decideBy.value ?? (c.dates.decideBy.known ? '' : 'ukendt'),
      render: (c) => (
        <span className={c.dates.decideByPassed ? 'overdue' : undefined}>
          <DeadlineDateText date={c.dates.decideBy} />
          {c.dates.decideByPassed ? ' (overskredet)' : ''}
        </span>
      ),
    },
    {
      key: 'end',
      nowrap: true,
      header: 'Planlagt ophør',
      value: (c) => c.dates.plannedEnd.value ?? '',
      render: (c) => <DeadlineDateText date={c.dates.plannedEnd} />,
    },
    {
      key: 'latest',
      nowrap: true,
      header: 'Senest mulige ophør',
      value: (c) => c.dates.latestPossibleEnd.value ?? '',
      render: (c) => <DeadlineDateText date={c.dates.latestPossibleEnd} />,
    },
    { key: 'lost', header: 'Mistes', value: (c) => c.lostUsageCount, align: 'right' },
    { key: 'covered', header: 'Dækker', value: (c) => c.coveredUsageCount, align: 'right' },
  ];
  return (
    <DataTable
      title="Frister der driver ophøret"
      columns={columns}
      rows={contracts}
      rowKey={(c) => c.contractId}
      onSelect={(c) => onSelect(c.contractId)}
      selectedKey={selection}
      pageSize={50}
      compact
      testId="ending-contracts"
    />
  );
}

function ImpactTables({
  result,
  rows,
  selection,
  onSelect,
}: {
  result: BlastRadiusResult;
  rows: ImpactRow[];
  selection: string | null;
  onSelect: (id: string) => void;
}) {
  const { municipalityNames } = useLandscape();
  const columns: Column<ImpactRow>[] = [
    {
      key: 'status',
      header: 'Status',
      value: (r) => IMPACT_STATUS_TERMS[r.status],
      render: (r) => (
        <span className={`badge status-${r.status.toLowerCase()}`}>
          {IMPACT_STATUS_TERMS[r.status]}
        </span>
      ),
    },
    { key: 'name', header: 'Systemanvendelse', value: (r) => r.name },
    {
      key: 'municipality',
      header: 'Kommune',
      value: (r) =>
        r.municipalityId ? (municipalityNames.get(r.municipalityId) ?? r.municipalityId) : '',
    },
    { key: 'depth', header: 'Trin', value: (r) => r.depth, align: 'right' },
    {
      key: 'lifecycle',
      header: 'Livscyklus',
      value: (r) => (r.lifecycle ? termOf(LIFECYCLE_TERMS, r.lifecycle) : ''),
    },
    {
      key: 'criticality',
      header: 'Kritikalitet',
      value: (r) => (r.criticality ? termOf(CRITICALITY_TERMS, r.criticality) : ''),
    },
    {
      key: 'personalData',
      header: 'Persondata',
      value: (r) => (r.personalData ? termOf(PERSONAL_DATA_TERMS, r.personalData) : ''),
    },
    {
      key: 'main',
      header: 'Hovedkontrakt ophører',
      value: (r) => (r.status === 'DEPENDENT' ? '' : r.mainContractEnding),
    },
    { key: 'why', header: 'Forklaring', value: (r) => r.explanation },
  ];
  const refName = (raw: Parameters<typeof toEntityRef>[0] | null, id: string) =>
    raw ? toEntityRef(raw).name : id;
  return (
    <div className="tables">
      <DataTable
        title="Berørte systemanvendelser"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.usageId}
        onSelect={(r) => onSelect(r.usageId)}
        selectedKey={selection}
        testId="impact-table"
        note={
          rows.length < result.totals.hitUsages + result.totals.dependentUsages
            ? `(af ${(result.totals.hitUsages + result.totals.dependentUsages).toLocaleString('da-DK')})`
            : undefined
        }
      />
      <DataTable
        title="Berørte enheder"
        columns={[
          { key: 'name', header: 'Enhed', value: (u) => refName(u.orgUnit, u.orgUnitId) },
          {
            key: 'usedBy',
            header: 'Bruger',
            value: (u) => u.usedByUsageIds.length,
            align: 'right',
          },
          {
            key: 'responsible',
            header: 'Ansvarlig for',
            value: (u) => u.responsibleForUsageIds.length,
            align: 'right',
          },
        ]}
        rows={result.orgUnits}
        rowKey={(u) => u.orgUnitId}
        onSelect={(u) => onSelect(u.orgUnitId)}
        pageSize={25}
      />
      <DataTable
        title="Berørte KLE-opgaver"
        columns={[
          { key: 'task', header: 'KLE-opgave', value: (t) => refName(t.task, t.taskId) },
          { key: 'usages', header: 'Anvendelser', value: (t) => t.usageCount, align: 'right' },
        ]}
        rows={result.tasks}
        rowKey={(t) => t.taskId}
        onSelect={(t) => onSelect(t.taskId)}
        pageSize={25}
      />
      <DataTable
        title="Berørte databehandlinger"
        columns={[
          {
            key: 'name',
            header: 'Databehandling',
            value: (d) => refName(d.dataProcessing, d.dataProcessingId),
          },
          {
            key: 'covered',
            header: 'Dækker berørte anvendelser',
            value: (d) => d.coveredUsageIds.length,
            align: 'right',
          },
          {
            key: 'main',
            header: 'Hovedkontrakten ophører',
            value: (d) => d.endingMainContractId !== null,
          },
        ]}
        rows={result.dataProcessings}
        rowKey={(d) => d.dataProcessingId}
        onSelect={(d) => onSelect(d.dataProcessingId)}
        pageSize={25}
      />
      <DataTable
        title="Snitflader i fare"
        columns={[
          { key: 'name', header: 'Snitflade', value: (i) => refName(i.interface, i.interfaceId) },
          {
            key: 'dependents',
            header: 'Afhængige anvendelser',
            value: (i) => i.dependentUsageIds.length,
            align: 'right',
          },
        ]}
        rows={result.interfacesAtRisk}
        rowKey={(i) => i.interfaceId}
        onSelect={(i) => onSelect(i.interfaceId)}
        pageSize={25}
      />
    </div>
  );
}

/** Why an item is hit: its path from the ending contract, step by step. */
function PathExplanation({
  result,
  id,
  rows,
}: {
  result: BlastRadiusResult;
  id: string;
  rows: ImpactRow[];
}) {
  const row = rows.find((r) => r.usageId === id);
  const entities =
    result.hitUsages.find((h) => h.usageId === id)?.pathEntities ??
    result.dependentUsages.find((d) => d.usageId === id)?.pathEntities ??
    [];
  if (entities.length === 0) return null;
  const refs = entities.map(toEntityRef);
  return (
    <section className="path-explanation" aria-label="Forklaring" data-testid="path-explanation">
      <h3>Hvorfor {row ? IMPACT_STATUS_TERMS[row.status].toLowerCase() : 'berørt'}?</h3>
      <ol>
        {refs.map((ref, i) => (
          <li key={`${ref.id}-${i}`}>
            <span className="meta">{KIND_TERMS[ref.kind].one}:</span> {ref.name}
            {i < refs.length - 1 && (
              <span className="step">
                {ref.kind === 'USAGE' && refs[i + 1]?.kind === 'RELATION'
                  ? ' bruger via'
                  : ref.kind === 'RELATION'
                    ? ' →'
                    : refs[i + 1]?.kind === 'CONTRACT'
                      ? ' er dækket af'
                      : ''}
              </span>
            )}
          </li>
        ))}
      </ol>
      {result.endingContracts
        .filter((c) => refs.some((r) => r.id === c.contractId))
        .map((c) => (
          <p key={c.contractId} className={c.dates.decideByPassed ? 'overdue' : undefined}>
            {c.name}: beslut senest <DeadlineDateText date={c.dates.decideBy} />, opsigelsesfrist{' '}
            <DeadlineDateText date={c.dates.noticeDeadline} />
            {c.dates.plannedEnd.value ? `, ophører ${formatDate(c.dates.plannedEnd.value)}` : ''}.
          </p>
        ))}
    </section>
  );
}
