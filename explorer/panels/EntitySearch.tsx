import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { searchEntities, type SearchHit } from '../api/map-operations.ts';
import type { EntityKind } from '../domain/model.ts';
import { KIND_TERMS } from '../domain/terms.ts';
import { useAsync } from '../hooks/useGraphQuery.ts';
import { useLandscape } from '../state/landscape-context.ts';

/** Waits this long after the last key before asking the server. */
const DEBOUNCE_MS = 180;

export interface EntitySearchProps {
  readonly label: string;
  readonly kinds?: readonly EntityKind[];
  readonly municipalityId?: string | null;
  readonly placeholder?: string;
  readonly onPick: (hit: SearchHit) => void;
  readonly first?: number;
  readonly testId?: string;
}

/**
 * A search box with a result list (the ARIA combobox pattern): type, move with the arrow keys,
 * pick with Enter or a click. Results show kind and municipality, so two "Økonomi" usages in
 * different municipalities can be told apart.
 */
export function EntitySearch({
  label,
  kinds,
  municipalityId = null,
  placeholder = 'Søg efter navn, nummer eller id…',
  onPick,
  first = 20,
  testId,
}: EntitySearchProps) {
  const id = useId();
  const listId = `${id}-list`;
  const { municipalityNames } = useLandscape();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const kindsKey = (kinds ?? []).join(',');
  const result = useAsync(
    query.length === 0 ? null : `${query}|${kindsKey}|${municipalityId ?? ''}|${first}`,
    (signal) =>
      searchEntities(query, { kinds: kinds ? [...kinds] : null, municipalityId, first }, signal),
  );
  const hits = result.data?.hits ?? [];

  const pick = (hit: SearchHit) => {
    onPick(hit);
    setOpen(false);
    setText('');
    setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      setOpen(true);
      setActive((i) => Math.min(i + 1, hits.length - 1));
      event.preventDefault();
    } else if (event.key === 'ArrowUp') {
      setActive((i) => Math.max(i - 1, 0));
      event.preventDefault();
    } else if (event.key === 'Enter') {
      const hit = hits[active];
      if (hit && open) pick(hit);
      event.preventDefault();
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const showList = open && query.length > 0;
  return (
    <div className="entity-search" data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {showList && (
        <div className="search-results">
          {result.loading && <p className="hint">Søger…</p>}
          {result.error && <p role="alert">Søgningen fejlede: {result.error.message}</p>}
          {!result.loading && !result.error && hits.length === 0 && (
            <p className="hint">Ingen træf for “{query}”.</p>
          )}
          {hits.length > 0 && (
            <ul id={listId} role="listbox" aria-label={`Resultater for ${query}`}>
              {hits.map((hit, i) => (
                <li
                  key={hit.id}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : undefined}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(hit)}
                >
                  <span
                    className={`kind-dot kind-${hit.kind.toLowerCase().replace(/_/g, '-')}`}
                    aria-hidden="true"
                  />
                  <span className="hit-name">{hit.name}</span>
                  <span className="hit-meta">
                    {KIND_TERMS[hit.kind]?.one ?? hit.kind}
                    {hit.municipalityId
                      ? ` · ${municipalityNames.get(hit.municipalityId) ?? ''}`
                      : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {result.data && result.data.total > hits.length && (
            <p className="hint">
              Viser {hits.length} af {result.data.total.toLocaleString('da-DK')} træf. Skriv mere
              for at indsnævre.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
