import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { relationshipTypesOf, type EntityKind, type RelationshipType } from '../domain/model.ts';
import { EDGE_TERMS, KIND_TERMS } from '../domain/terms.ts';

export interface NodeMenuAction {
  readonly label: string;
  readonly run: () => void;
}

/**
 * The menu of a node on the map: expand it (every relationship, deeper, or chosen types), plus
 * the view's own actions. Keyboard: arrows move, Enter runs, Escape closes.
 */
export function NodeMenu({
  name,
  kind,
  at,
  onExpand,
  actions,
  onClose,
}: {
  name: string;
  kind: EntityKind | null;
  at: { x: number; y: number };
  onExpand: (depth: number, types: RelationshipType[]) => void;
  actions: readonly NodeMenuAction[];
  onClose: () => void;
}) {
  const menuRef = useRef<HTMLDivElement>(null);
  const [types, setTypes] = useState<RelationshipType[]>([]);
  const [place, setPlace] = useState(at);
  const available = kind ? relationshipTypesOf(kind) : [];

  // Keep the whole menu inside the graph area: open to the left of or above the node when the
  // node sits near the right or bottom edge.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    const area = menu?.offsetParent as HTMLElement | null;
    if (!menu || !area) return;
    const x =
      at.x + menu.offsetWidth > area.clientWidth ? Math.max(0, at.x - menu.offsetWidth) : at.x;
    const y =
      at.y + menu.offsetHeight > area.clientHeight
        ? Math.max(0, area.clientHeight - menu.offsetHeight)
        : at.y;
    setPlace({ x, y });
  }, [at]);

  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);

  const items = () => [
    ...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"], input') ?? []),
  ];
  const onKeyDown = (event: KeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      onClose();
      event.preventDefault();
    } else if (event.key === 'ArrowDown') {
      list[(index + 1) % list.length]?.focus();
      event.preventDefault();
    } else if (event.key === 'ArrowUp') {
      list[(index - 1 + list.length) % list.length]?.focus();
      event.preventDefault();
    }
  };
  const run = (action: () => void) => () => {
    action();
    onClose();
  };

  return (
    <div
      ref={menuRef}
      className="node-menu"
      role="menu"
      aria-label={`Handlinger for ${name}`}
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
      data-testid="node-menu"
    >
      <p className="menu-title">
        {name}
        {kind && <span className="meta"> · {KIND_TERMS[kind].one}</span>}
      </p>
      <button type="button" role="menuitem" onClick={run(() => onExpand(1, []))}>
        Udvid naboer (1 trin)
      </button>
      <button type="button" role="menuitem" onClick={run(() => onExpand(2, []))}>
        Udvid 2 trin
      </button>
      {available.length > 0 && (
        <fieldset>
          <legend>Udvid kun ad</legend>
          {available.map((type) => (
            <label key={type}>
              <input
                type="checkbox"
                checked={types.includes(type)}
                onChange={(e) =>
                  setTypes((t) => (e.target.checked ? [...t, type] : t.filter((x) => x !== type)))
                }
              />{' '}
              {EDGE_TERMS[type]}
            </label>
          ))}
          <button
            type="button"
            role="menuitem"
            disabled={types.length === 0}
            onClick={run(() => onExpand(1, types))}
          >
            Udvid ad valgte
          </button>
        </fieldset>
      )}
      {actions.map((action) => (
        <button key={action.label} type="button" role="menuitem" onClick={run(action.run)}>
          {action.label}
        </button>
      ))}
      <button type="button" role="menuitem" className="secondary" onClick={onClose}>
        Luk
      </button>
    </div>
  );
}
