import type { ReactNode } from 'react';
import {
  ENTITY_DETAILS_QUERY,
  toEntityDetails,
  type EntityDetailsData,
} from '../api/entity-details.ts';
import { WHO_USES_QUERY, type WhoUsesData } from '../api/map-operations.ts';
import { CONTRACT_DATES_QUERY, type ContractDatesData } from '../api/operations.ts';
import { formatDate } from '../domain/dates.ts';
import { KIND_TERMS, LIFECYCLE_TERMS, termOf } from '../domain/terms.ts';
import type { EntityRef } from '../api/entity-ref.ts';
import { useGraphQuery } from '../hooks/useGraphQuery.ts';
import { useLandscape } from '../state/landscape-context.ts';
import { DeadlineDateText } from './DeadlineDateText.tsx';
import { Loading, ErrorMessage } from './StatusMessage.tsx';

export interface DetailsPanelProps {
  readonly id: string;
  readonly asOf: string;
  /** Picking a related entity. */
  readonly onPick: (ref: EntityRef) => void;
  /** Buttons for the entity (focus on the map, impact, …), given its reference. */
  readonly actions?: (ref: EntityRef) => ReactNode;
  readonly onClose?: () => void;
}

/** Every property and relationship of one entity, with its deadlines or users where it has them. */
export function DetailsPanel({ id, asOf, onPick, actions, onClose }: DetailsPanelProps) {
  const { data, error, loading, refetch } = useGraphQuery<EntityDetailsData>(ENTITY_DETAILS_QUERY, {
    id,
  });
  const { municipalityNames } = useLandscape();
  const details = data?.entity ? toEntityDetails(data.entity) : null;
  return (
    <aside className="details-panel" aria-label="Detaljer" data-testid="details-panel">
      {onClose && (
        <button type="button" className="close" onClick={onClose} aria-label="Luk detaljer">
          ×
        </button>
      )}
      {loading && <Loading>Henter detaljer…</Loading>}
      {error && (
        <ErrorMessage error={error} onRetry={refetch} title="Detaljerne kunne ikke hentes" />
      )}
      {data && !data.entity && <p>Elementet “{id}” findes ikke (længere) i landskabet.</p>}
      {details && (
        <>
          <p className="kind-label">{KIND_TERMS[details.ref.kind].one}</p>
          <h2>{details.ref.name}</h2>
          {actions && <div className="actions">{actions(details.ref)}</div>}
          {details.ref.kind === 'CONTRACT' && <ContractDeadlines id={id} asOf={asOf} />}
          {details.properties.length > 0 && (
            <dl className="properties">
              {details.properties.map((p) => (
                <div key={p.label}>
                  <dt>{p.label}</dt>
                  <dd>{p.value}</dd>
                </div>
              ))}
            </dl>
          )}
          {details.ref.kind === 'SYSTEM' && <WhoUses systemId={id} asOf={asOf} onPick={onPick} />}
          {details.relations.map((relation) => (
            <section key={relation.field} className="relation">
              <h3>
                {relation.label}{' '}
                <span className="count">
                  ({relation.items.length}
                  {relation.more ? '+' : ''})
                </span>
              </h3>
              <ul>
                {relation.items.map((item) => (
                  <li key={item.id}>
                    <button type="button" className="link" onClick={() => onPick(item)}>
                      {item.name}
                    </button>
                    <span className="meta">
                      {item.kind !== details.ref.kind
                        ? ` ${KIND_TERMS[item.kind].one.toLowerCase()}`
                        : ''}
                      {item.municipalityId && item.municipalityId !== details.ref.municipalityId
                        ? ` · ${municipalityNames.get(item.municipalityId) ?? ''}`
                        : ''}
                    </span>
                  </li>
                ))}
              </ul>
              {relation.more && <p className="hint">Viser de første {relation.items.length}.</p>}
            </section>
          ))}
          <p className="entity-id">
            Id: <code>{details.ref.id}</code>
          </p>
        </>
      )}
    </aside>
  );
}

function ContractDeadlines({ id, asOf }: { id: string; asOf: string }) {
  const { data, error, loading } = useGraphQuery<ContractDatesData>(CONTRACT_DATES_QUERY, {
    id,
    asOf,
  });
  if (loading) return <Loading>Beregner frister…</Loading>;
  if (error) return <ErrorMessage error={error} title="Fristerne kunne ikke beregnes" />;
  const dates = data?.blastRadius.endingContracts[0]?.dates;
  if (!dates) return null;
  const totals = data.blastRadius.totals;
  return (
    <section className="deadlines-box" aria-label="Frister">
      <h3>Frister pr. {formatDate(asOf)}</h3>
      <dl className="properties">
        <div>
          <dt>Beslut senest</dt>
          <dd className={dates.decideByPassed ? 'overdue' : undefined}>
            <DeadlineDateText date={dates.decideBy} />
            {dates.decideByPassed ? ' (overskredet)' : ''}
          </dd>
        </div>
        <div>
          <dt>Opsigelsesfrist</dt>
          <dd>
            <DeadlineDateText date={dates.noticeDeadline} />
          </dd>
        </div>
        <div>
          <dt>Planlagt ophør</dt>
          <dd>
            <DeadlineDateText date={dates.plannedEnd} />
          </dd>
        </div>
        <div>
          <dt>Senest mulige ophør</dt>
          <dd>
            <DeadlineDateText date={dates.latestPossibleEnd} />
          </dd>
        </div>
        <div>
          <dt>Udbudstid</dt>
          <dd>
            {dates.tenderLeadTimeMonths} mdr.
            {dates.tenderLeadTimeNote ? ` (${dates.tenderLeadTimeNote})` : ''}
          </dd>
        </div>
      </dl>
      <p className="hint">
        Ved ophør mistes {totals.lostUsages}, svækkes {totals.degradedUsages}, og{' '}
        {totals.dependentUsages} afhænger.
      </p>
    </section>
  );
}

function WhoUses({
  systemId,
  asOf,
  onPick,
}: {
  systemId: string;
  asOf: string;
  onPick: (ref: EntityRef) => void;
}) {
  const { data, error, loading } = useGraphQuery<WhoUsesData>(WHO_USES_QUERY, { systemId, asOf });
  if (loading) return <Loading>Henter hvem der bruger systemet…</Loading>;
  if (error) return <ErrorMessage error={error} title="“Hvem bruger” kunne ikke hentes" />;
  const result = data?.whoUses;
  if (!result || result.rows.length === 0)
    return <p className="hint">Ingen kommuner bruger systemet.</p>;
  return (
    <section className="relation" aria-label="Hvem bruger systemet">
      <h3>
        Hvem bruger systemet <span className="count">({result.municipalityCount} kommuner)</span>
      </h3>
      <table className="compact">
        <thead>
          <tr>
            <th>Kommune</th>
            <th>Livscyklus</th>
            <th>Beslut senest</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => (
            <tr key={row.usageId}>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    onPick({
                      id: row.usageId,
                      kind: 'USAGE',
                      name: row.municipalityName,
                      municipalityId: row.municipalityId,
                    })
                  }
                >
                  {row.municipalityName}
                </button>
              </td>
              <td>{row.lifecycle ? termOf(LIFECYCLE_TERMS, row.lifecycle) : '–'}</td>
              <td className={row.contract?.decideByPassed ? 'overdue' : undefined}>
                {row.contract?.decideBy.value ? formatDate(row.contract.decideBy.value) : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
