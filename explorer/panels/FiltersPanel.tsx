import { useId } from 'react';
import {
  CRITICALITIES,
  DIRECTIONS,
  ENTITY_KINDS,
  LIFECYCLES,
  PERSONAL_DATA_LEVELS,
  RELATIONSHIP_TYPES,
  type EntityKind,
} from '../domain/model.ts';
import {
  CRITICALITY_TERMS,
  DIRECTION_TERMS,
  EDGE_TERMS,
  KIND_TERMS,
  LIFECYCLE_TERMS,
  PERSONAL_DATA_TERMS,
} from '../domain/terms.ts';
import { LAYOUT_TERMS } from '../graph/layouts.ts';
import { useEntityRefs } from '../hooks/useEntityRefs.ts';
import type { Navigate } from '../state/useUrlState.ts';
import {
  DEFAULT_STATE,
  GROUPINGS,
  LAYOUTS,
  MAX_DEPTH,
  type Grouping,
  type LayoutName,
  type ViewState,
} from '../state/url-state.ts';
import { Chips } from './Chips.tsx';
import { EntitySearch } from './EntitySearch.tsx';
import { MunicipalityPicker } from './MunicipalityPicker.tsx';

export const GROUPING_TERMS: Readonly<Record<Grouping, string>> = {
  none: 'Ingen gruppering',
  municipality: 'Kommune',
  orgUnit: 'Ansvarlig enhed',
  kle: 'KLE-hovedgruppe',
  supplier: 'Leverandør',
};

const MAX_NODES_CHOICES = [100, 250, 500, 1000, 2000, 5000];

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

function Checklist<T extends string>({
  legend,
  values,
  chosen,
  terms,
  onChange,
  hint,
}: {
  legend: string;
  values: readonly T[];
  chosen: readonly T[];
  terms: (value: T) => string;
  onChange: (next: T[]) => void;
  hint?: string;
}) {
  return (
    <fieldset className="checklist">
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      {values.map((value) => (
        <label key={value}>
          <input
            type="checkbox"
            checked={chosen.includes(value)}
            onChange={(e) => onChange(toggle(chosen, value, e.target.checked))}
          />{' '}
          {terms(value)}
        </label>
      ))}
    </fieldset>
  );
}

function Select<T extends string | number>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
        onChange={(e) => {
          const found = options.find((o) => String(o.value) === e.target.value);
          if (found) onChange(found.value);
        }}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The map's filters, grouping and layout. Kinds not shown are still traversed (their links
 * become dashed via edges); the other filters leave nodes out and count them as hidden.
 */
export function FiltersPanel({ state, navigate }: { state: ViewState; navigate: Navigate }) {
  const supplierRefs = useEntityRefs(state.suppliers);
  const shownKinds: readonly EntityKind[] = state.kinds.length > 0 ? state.kinds : ENTITY_KINDS;
  const reset = () =>
    navigate({
      municipality: null,
      lifecycles: [],
      suppliers: [],
      criticalities: [],
      personalData: null,
      kinds: [],
      relationshipTypes: [],
      direction: 'BOTH',
      depth: DEFAULT_STATE.depth,
    });
  return (
    <div className="filters-panel" aria-label="Filtre og visning">
      <details open>
        <summary>Udsnit</summary>
        <Select
          label="Dybde (antal trin fra fokus)"
          value={state.depth}
          options={Array.from({ length: MAX_DEPTH }, (_, i) => ({
            value: i + 1,
            label: `${i + 1}`,
          }))}
          onChange={(depth) => navigate({ depth })}
        />
        <Select
          label="Retning"
          value={state.direction}
          options={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_TERMS[d] }))}
          onChange={(direction) => navigate({ direction })}
        />
        <Select
          label="Højst antal elementer"
          value={state.maxNodes}
          options={MAX_NODES_CHOICES.map((n) => ({ value: n, label: n.toLocaleString('da-DK') }))}
          onChange={(maxNodes) => navigate({ maxNodes })}
        />
        <details>
          <summary>Relationstyper ({state.relationshipTypes.length || 'alle'})</summary>
          <Checklist
            legend="Følg kun"
            hint="Ingen valgt: alle følges."
            values={RELATIONSHIP_TYPES}
            chosen={state.relationshipTypes}
            terms={(t) => `${EDGE_TERMS[t]} (${t})`}
            onChange={(relationshipTypes) => navigate({ relationshipTypes })}
          />
        </details>
      </details>
      <details open>
        <summary>Filtre</summary>
        <MunicipalityPicker
          value={state.municipality}
          onChange={(municipality) => navigate({ municipality })}
        />
        <Checklist
          legend="Livscyklus (anvendelser)"
          values={LIFECYCLES}
          chosen={state.lifecycles}
          terms={(l) => LIFECYCLE_TERMS[l]}
          onChange={(lifecycles) => navigate({ lifecycles })}
        />
        <Checklist
          legend="Kritikalitet (anvendelser)"
          values={CRITICALITIES}
          chosen={state.criticalities}
          terms={(c) => CRITICALITY_TERMS[c]}
          onChange={(criticalities) => navigate({ criticalities })}
        />
        <Select
          label="Persondata (mindst)"
          value={state.personalData ?? ''}
          options={[
            { value: '', label: 'Alle' },
            ...PERSONAL_DATA_LEVELS.filter((l) => l !== 'NONE').map((l) => ({
              value: l,
              label: PERSONAL_DATA_TERMS[l],
            })),
          ]}
          onChange={(level) => navigate({ personalData: level === '' ? null : level })}
        />
        <EntitySearch
          label="Leverandør"
          kinds={['ORGANIZATION']}
          placeholder="Søg leverandør…"
          onPick={(hit) =>
            navigate({ suppliers: [...state.suppliers.filter((s) => s !== hit.id), hit.id] })
          }
        />
        <Chips
          label="Valgte leverandører"
          ids={state.suppliers}
          refs={supplierRefs}
          onRemove={(id) => navigate({ suppliers: state.suppliers.filter((s) => s !== id) })}
        />
        <details>
          <summary>Vis typer ({state.kinds.length || 'alle'})</summary>
          <Checklist
            legend="Vis"
            hint="Skjulte typer gennemløbes stadig; deres forbindelser vises som stiplede via-kanter."
            values={ENTITY_KINDS}
            chosen={shownKinds}
            terms={(k) => KIND_TERMS[k].many}
            onChange={(kinds) =>
              navigate({ kinds: kinds.length === ENTITY_KINDS.length ? [] : kinds })
            }
          />
        </details>
        <button type="button" onClick={reset}>
          Nulstil filtre
        </button>
      </details>
      <details open>
        <summary>Visning</summary>
        <Select
          label="Gruppering"
          value={state.grouping}
          options={GROUPINGS.map((g) => ({ value: g, label: GROUPING_TERMS[g] }))}
          onChange={(grouping) => navigate({ grouping, collapsed: [] })}
        />
        <Select
          label="Layout"
          value={state.layout ?? 'force'}
          options={LAYOUTS.map((l) => ({
            value: l,
            label: `${LAYOUT_TERMS[l].label} – ${LAYOUT_TERMS[l].help}`,
          }))}
          onChange={(layout: LayoutName) => navigate({ layout })}
        />
        {state.grouping !== 'none' && (state.layout ?? 'force') !== 'force' && (
          <p className="hint">
            Med gruppering tegnes kortet kraftbaseret, så grupperne holdes samlet.
          </p>
        )}
      </details>
    </div>
  );
}
