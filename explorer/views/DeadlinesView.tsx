import { useId } from 'react';
import { DEADLINES_QUERY, type DeadlineItem, type DeadlinesData } from '../api/operations.ts';
import { today } from '../domain/dates.ts';
import { DEADLINE_STATUSES, type DeadlineStatus } from '../domain/model.ts';
import { DEADLINE_STATUS_TERMS } from '../domain/terms.ts';
import { useEntityRefs } from '../hooks/useEntityRefs.ts';
import { useGraphQuery } from '../hooks/useGraphQuery.ts';
import { Chips } from '../panels/Chips.tsx';
import { DateField } from '../panels/DateField.tsx';
import { DataTable, type Column } from '../panels/DataTable.tsx';
import { DeadlineDateText } from '../panels/DeadlineDateText.tsx';
import { DetailsPanel } from '../panels/DetailsPanel.tsx';
import { EntitySearch } from '../panels/EntitySearch.tsx';
import { MunicipalityPicker } from '../panels/MunicipalityPicker.tsx';
import { Pager } from '../panels/Pager.tsx';
import { ShowOnMapButton } from '../panels/ShowOnMapButton.tsx';
import { ErrorMessage, Loading } from '../panels/StatusMessage.tsx';
import { Timeline } from '../panels/Timeline.tsx';
import type { Navigate } from '../state/useUrlState.ts';
import type { ViewState } from '../state/url-state.ts';
import { TabBar } from './TabBar.tsx';

export const DEADLINES_PAGE = 50;

/** Opens the impact of one contract at the view's date. */
export function impactOfContract(contractId: string): Partial<ViewState> {
  return {
    view: 'impact',
    contracts: [contractId],
    supplier: null,
    systems: [],
    selection: null,
    tab: 'graph',
    layout: null,
  };
}

/** Deadlines: every contract by decide-by date on a timeline and in a table, overdue first. */
export function DeadlinesView({ state, navigate }: { state: ViewState; navigate: Navigate }) {
  const asOf = state.asOf ?? today();
  const withinId = useId();
  const supplierRefs = useEntityRefs(state.deadlineSupplier ? [state.deadlineSupplier] : []);
  const { data, error, loading, refetch } = useGraphQuery<DeadlinesData>(
    DEADLINES_QUERY,
    {
      asOf,
      municipalityId: state.municipality,
      supplierId: state.deadlineSupplier,
      withinMonths: state.withinMonths,
      statuses: state.statuses.length > 0 ? state.statuses : null,
      first: DEADLINES_PAGE,
      offset: state.page * DEADLINES_PAGE,
    },
    { keepPrevious: true },
  );
  const page = data?.deadlines;
  const counts = new Map(page?.statusCounts.map((c) => [c.status, c.count]));
  const toggleStatus = (status: DeadlineStatus) =>
    navigate({
      statuses: state.statuses.includes(status)
        ? state.statuses.filter((s) => s !== status)
        : [...state.statuses, status],
    });
  const select = (id: string | null) => navigate({ selection: id }, { replace: true });

  const columns: Column<DeadlineItem>[] = [
    {
      key: 'status',
      header: 'Status',
      value: (d) => DEADLINE_STATUS_TERMS[d.status],
      render: (d) => (
        <span className={`badge deadline-${d.status.toLowerCase()}`}>
          {DEADLINE_STATUS_TERMS[d.status]}
        </span>
      ),
    },
    {
      key: 'impact',
      header: 'Konsekvens',
      nowrap: true,
      value: () => '',
      noExport: true,
      render: (d) => (
        <button
          type="button"
          onClick={(e) => {
            e.stopPropagation();
            navigate(impactOfContract(d.contractId));
          }}
        >
          Se konsekvens
        </button>
      ),
    },
    { key: 'name', header: 'Kontrakt', value: (d) => d.name },
    { key: 'municipality', header: 'Kommune', value: (d) => d.municipality?.name ?? '' },
    { key: 'supplier', header: 'Leverandør', value: (d) => d.supplier?.name ?? '' },
    {
      key: 'systems',
      header: 'IT-systemer',
      value: (d) => d.systems.map((s) => s.name).join(', '),
    },
    {
      key: 'decideBy',
      nowrap: true,
      header: 'Beslut senest',
      value: (d) => d.dates.decideBy.value ?? d.unknownReason ?? 'ukendt',
      render: (d) => <DeadlineDateText date={d.dates.decideBy} />,
    },
    {
      key: 'notice',
      nowrap: true,
      header: 'Opsigelsesfrist',
      value: (d) => d.dates.noticeDeadline.value ?? '',
      render: (d) => <DeadlineDateText date={d.dates.noticeDeadline} />,
    },
    {
      key: 'end',
      nowrap: true,
      header: 'Planlagt ophør',
      value: (d) => d.dates.plannedEnd.value ?? '',
      render: (d) => <DeadlineDateText date={d.dates.plannedEnd} />,
    },
    {
      key: 'strategy',
      header: 'Genanskaffelse',
      value: (d) => d.contract?.procurementStrategy ?? '',
    },
  ];

  return (
    <div className={`view deadlines-view${state.selection ? ' with-details' : ''}`}>
      <aside className="sidebar" aria-label="Filtrér frister">
        <DateField value={asOf} onChange={(value) => navigate({ asOf: value })} />
        <MunicipalityPicker
          value={state.municipality}
          onChange={(municipality) => navigate({ municipality })}
        />
        <EntitySearch
          label="Leverandør"
          kinds={['ORGANIZATION']}
          placeholder="Søg leverandør…"
          onPick={(hit) => navigate({ deadlineSupplier: hit.id })}
        />
        <Chips
          label="Valgt leverandør"
          ids={state.deadlineSupplier ? [state.deadlineSupplier] : []}
          refs={supplierRefs}
          onRemove={() => navigate({ deadlineSupplier: null })}
        />
        <div className="field">
          <label htmlFor={withinId}>“Snart” betyder inden for</label>
          <select
            id={withinId}
            value={state.withinMonths}
            onChange={(e) => navigate({ withinMonths: Number(e.target.value) })}
          >
            {[3, 6, 12, 24].map((m) => (
              <option key={m} value={m}>
                {m} måneder
              </option>
            ))}
          </select>
        </div>
        <fieldset className="checklist">
          <legend>Status</legend>
          {DEADLINE_STATUSES.map((status) => (
            <label key={status}>
              <input
                type="checkbox"
                checked={state.statuses.includes(status)}
                onChange={() => toggleStatus(status)}
              />{' '}
              {DEADLINE_STATUS_TERMS[status]} {counts.has(status) ? `(${counts.get(status)})` : ''}
            </label>
          ))}
        </fieldset>
      </aside>
      <main className="main" aria-label="Frister">
        <div className="view-header">
          <h1>Frister</h1>
          <TabBar
            tab={state.tab}
            onChange={(tab) => navigate({ tab }, { replace: true })}
            label="Vis fristerne som"
          />
          {loading && <Loading>Henter frister…</Loading>}
        </div>
        {error && (
          <ErrorMessage error={error} onRetry={refetch} title="Fristerne kunne ikke hentes" />
        )}
        {page && (
          <>
            <ul className="status-chips" aria-label="Antal pr. status">
              {page.statusCounts.map((c) => (
                <li key={c.status}>
                  <button
                    type="button"
                    className={`badge deadline-${c.status.toLowerCase()}`}
                    aria-pressed={state.statuses.includes(c.status)}
                    onClick={() => toggleStatus(c.status)}
                  >
                    {DEADLINE_STATUS_TERMS[c.status]}: {c.count}
                  </button>
                </li>
              ))}
              <li className="hint">
                “Snart”: beslut senest inden {page.dueUntil}. Klik for at filtrere.
              </li>
            </ul>
            {page.items.length === 0 ? (
              <p className="message empty">Ingen kontrakter matcher filtrene.</p>
            ) : state.tab === 'table' ? (
              <DataTable
                title="Kontrakter efter beslut-senest-dato"
                columns={columns}
                rows={page.items}
                rowKey={(d) => d.contractId}
                onSelect={(d) => select(d.contractId)}
                selectedKey={state.selection}
                pageSize={DEADLINES_PAGE}
                note={`(${page.offset + 1}–${page.offset + page.items.length} af ${page.total})`}
                testId="deadlines-table"
              />
            ) : (
              <Timeline
                items={page.items.map((d) => ({
                  id: d.contractId,
                  label: `${d.name}${d.municipality ? ` · ${d.municipality.name}` : ''}`,
                  status: d.status,
                  decideBy: d.dates.decideBy.value,
                  noticeDeadline: d.dates.noticeDeadline.value,
                  plannedEnd: d.dates.plannedEnd.value,
                }))}
                asOf={asOf}
                selection={state.selection}
                onSelect={select}
              />
            )}
            <Pager
              label={`${page.total === 0 ? 0 : page.offset + 1}–${page.offset + page.items.length} af ${page.total}`}
              hasPrevious={state.page > 0}
              hasNext={page.offset + page.items.length < page.total}
              onPage={(step) => navigate({ page: state.page + step })}
            />
          </>
        )}
      </main>
      {state.selection && (
        <DetailsPanel
          id={state.selection}
          asOf={asOf}
          onPick={(ref) => select(ref.id)}
          onClose={() => select(null)}
          actions={(ref) =>
            ref.kind === 'CONTRACT' ? (
              <>
                <button type="button" onClick={() => navigate(impactOfContract(ref.id))}>
                  Se konsekvens
                </button>
                <ShowOnMapButton id={ref.id} navigate={navigate} />
              </>
            ) : (
              <ShowOnMapButton id={ref.id} navigate={navigate} />
            )
          }
        />
      )}
    </div>
  );
}
