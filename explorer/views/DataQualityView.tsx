import {
  DATA_QUALITY_QUERY,
  type DataQualityData,
  type DataQualityFinding,
} from '../api/operations.ts';
import { today } from '../domain/dates.ts';
import { FINDING_CODES, type FindingCode } from '../domain/model.ts';
import { FINDING_TERMS, KIND_TERMS, termOf } from '../domain/terms.ts';
import { useGraphQuery } from '../hooks/useGraphQuery.ts';
import { DateField } from '../panels/DateField.tsx';
import { DataTable, type Column } from '../panels/DataTable.tsx';
import { DetailsPanel } from '../panels/DetailsPanel.tsx';
import { MunicipalityPicker } from '../panels/MunicipalityPicker.tsx';
import { ErrorMessage, Loading } from '../panels/StatusMessage.tsx';
import { useLandscape } from '../state/landscape-context.ts';
import type { Navigate } from '../state/useUrlState.ts';
import type { ViewState } from '../state/url-state.ts';
import { Pager } from '../panels/Pager.tsx';
import { mapFocusedOn, ShowOnMapButton } from '../panels/ShowOnMapButton.tsx';

export const FINDINGS_PAGE = 100;

/** Data quality: findings per municipality, each linking to the entity on the map. */
export function DataQualityView({ state, navigate }: { state: ViewState; navigate: Navigate }) {
  const asOf = state.asOf ?? today();
  const { municipalityNames } = useLandscape();
  const { data, error, loading, refetch } = useGraphQuery<DataQualityData>(
    DATA_QUALITY_QUERY,
    {
      asOf,
      municipalityId: state.municipality,
      codes: state.codes.length > 0 ? state.codes : null,
      first: FINDINGS_PAGE,
      offset: state.page * FINDINGS_PAGE,
    },
    { keepPrevious: true },
  );
  const report = data?.dataQuality;
  const select = (id: string | null) => navigate({ selection: id }, { replace: true });
  const showOnMap = (finding: DataQualityFinding) =>
    navigate({ ...mapFocusedOn(finding.entityId), municipality: finding.municipalityId });
  const countsByCode = new Map<FindingCode, number>();
  const municipalities = new Map<string, Map<FindingCode, number>>();
  for (const c of report?.counts ?? []) {
    countsByCode.set(c.code, (countsByCode.get(c.code) ?? 0) + c.count);
    const row = municipalities.get(c.municipalityId) ?? new Map<FindingCode, number>();
    row.set(c.code, c.count);
    municipalities.set(c.municipalityId, row);
  }
  const columns: Column<DataQualityFinding>[] = [
    { key: 'code', header: 'Fund', value: (f) => termOf(FINDING_TERMS, f.code) },
    {
      key: 'municipality',
      header: 'Kommune',
      value: (f) =>
        f.municipality?.name ?? municipalityNames.get(f.municipalityId) ?? f.municipalityId,
    },
    { key: 'kind', header: 'Type', value: (f) => KIND_TERMS[f.entityKind]?.one ?? f.entityKind },
    { key: 'name', header: 'Element', value: (f) => f.entityName },
    { key: 'message', header: 'Beskrivelse', value: (f) => f.message },
    {
      key: 'map',
      header: 'Kort',
      value: () => '',
      noExport: true,
      render: (f) => (
        <button
          type="button"
          onClick={(e) => {
            e.stopPropagation();
            showOnMap(f);
          }}
        >
          Vis på kortet
        </button>
      ),
    },
  ];
  const codesShown = FINDING_CODES.filter(
    (code) => (countsByCode.get(code) ?? 0) > 0 || state.codes.includes(code),
  );

  return (
    <div className={`view quality-view${state.selection ? ' with-details' : ''}`}>
      <aside className="sidebar" aria-label="Filtrér fund">
        <MunicipalityPicker
          value={state.municipality}
          onChange={(municipality) => navigate({ municipality })}
        />
        <DateField value={asOf} onChange={(value) => navigate({ asOf: value })} />
        <fieldset className="checklist">
          <legend>Fund</legend>
          {FINDING_CODES.map((code) => (
            <label key={code}>
              <input
                type="checkbox"
                checked={state.codes.includes(code)}
                onChange={(e) =>
                  navigate({
                    codes: e.target.checked
                      ? [...state.codes, code]
                      : state.codes.filter((c) => c !== code),
                  })
                }
              />{' '}
              {FINDING_TERMS[code]}
              {state.codes.length === 0 && countsByCode.has(code)
                ? ` (${countsByCode.get(code)})`
                : ''}
            </label>
          ))}
        </fieldset>
      </aside>
      <main className="main" aria-label="Datakvalitet">
        <div className="view-header">
          <h1>Datakvalitet</h1>
          {loading && <Loading>Gennemgår registreringerne…</Loading>}
        </div>
        {error && (
          <ErrorMessage error={error} onRetry={refetch} title="Fundene kunne ikke hentes" />
        )}
        {report && (
          <>
            <p className="lead">
              {report.total.toLocaleString('da-DK')} fund pr. {asOf}. Ret dem i Kitos; “Vis på
              kortet” viser elementet og dets omgivelser.
            </p>
            {municipalities.size > 0 && codesShown.length > 0 && (
              <div className="table-scroll matrix">
                <table className="compact" aria-label="Fund pr. kommune">
                  <thead>
                    <tr>
                      <th>Kommune</th>
                      {codesShown.map((code) => (
                        <th key={code} className="right" title={FINDING_TERMS[code]}>
                          {FINDING_TERMS[code]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {[...municipalities]
                      .sort(([a], [b]) =>
                        (municipalityNames.get(a) ?? a).localeCompare(
                          municipalityNames.get(b) ?? b,
                          'da',
                        ),
                      )
                      .map(([id, counts]) => (
                        <tr key={id}>
                          <td>
                            <button
                              type="button"
                              className="link"
                              onClick={() => navigate({ municipality: id })}
                            >
                              {municipalityNames.get(id) ?? id}
                            </button>
                          </td>
                          {codesShown.map((code) => (
                            <td key={code} className="right">
                              {counts.get(code) ?? 0}
                            </td>
                          ))}
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            )}
            <DataTable
              title="Fund"
              columns={columns}
              rows={report.findings}
              rowKey={(f) => `${f.code}:${f.entityId}`}
              onSelect={(f) => select(f.entityId)}
              selectedKey={
                state.selection
                  ? report.findings.find((f) => f.entityId === state.selection)
                    ? `${report.findings.find((f) => f.entityId === state.selection)!.code}:${state.selection}`
                    : null
                  : null
              }
              pageSize={FINDINGS_PAGE}
              emptyText="Ingen fund med de valgte filtre."
              note={
                report.total > report.findings.length
                  ? `(side ${state.page + 1}; ${report.total} i alt)`
                  : undefined
              }
              testId="quality-table"
            />
            {report.total > FINDINGS_PAGE && (
              <Pager
                label={`Side ${state.page + 1} af ${Math.ceil(report.total / FINDINGS_PAGE)}`}
                hasPrevious={state.page > 0}
                hasNext={(state.page + 1) * FINDINGS_PAGE < report.total}
                onPage={(step) => navigate({ page: state.page + step })}
              />
            )}
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
