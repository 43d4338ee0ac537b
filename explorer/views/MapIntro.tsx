import { searchEntities, type SearchHit } from '../api/map-operations.ts';
import { KIND_TERMS } from '../domain/terms.ts';
import { useAsync } from '../hooks/useGraphQuery.ts';
import { useLandscape } from '../state/landscape-context.ts';

async function loadSuggestions(signal: AbortSignal): Promise<SearchHit[]> {
  const [systems, contracts] = await Promise.all([
    searchEntities('esdh', { kinds: ['SYSTEM'], first: 2 }, signal),
    searchEntities('hovedkontrakt', { kinds: ['CONTRACT'], first: 1 }, signal),
  ]);
  return [...systems.hits, ...contracts.hits];
}

/** What an empty map says: how it works, and a few places to start. */
export function MapIntro({ onFocus }: { onFocus: (id: string) => void }) {
  const { municipalities } = useLandscape();
  const suggestions = useAsync('map-suggestions', loadSuggestions);
  const starts = [
    ...(suggestions.data ?? []).map((hit) => ({
      id: hit.id,
      name: hit.name,
      kind: KIND_TERMS[hit.kind].one,
    })),
    ...municipalities.slice(0, 1).map((m) => ({ id: m.id, name: m.name, kind: 'Kommune' })),
  ];
  return (
    <div className="intro">
      <h2>Se hvordan landskabet hænger sammen</h2>
      <p>
        Søg efter et IT-system, en kontrakt, en leverandør, en snitflade eller en enhed, og vælg
        det. Kortet viser så dets naboer; dobbeltklik (eller Enter) på et element udvider det, og
        højreklik (eller tasten m) åbner en menu med flere valg.
      </p>
      <p>
        Filtre, gruppering og layout står i venstre side. Hele visningen gemmes i adressen, så et
        link viser det samme.
      </p>
      {starts.length > 0 && (
        <div className="suggestions">
          <span>Prøv med:</span>
          {starts.map((start) => (
            <button key={start.id} type="button" onClick={() => onFocus(start.id)}>
              {start.name} <span className="meta">({start.kind.toLowerCase()})</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
