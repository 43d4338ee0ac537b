import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { today } from '../domain/dates.ts';
import { elementCount, type GraphElements } from '../graph/elements.ts';
import { layoutSpec } from '../graph/layouts.ts';
import { graphStylesheet, largeGraphOverrides } from '../graph/stylesheet.ts';
import { exportFileName } from '../export/csv.ts';
import { downloadBlob, downloadText } from '../export/download.ts';
import { renderSvg } from '../export/svg.ts';
import type { LayoutName } from '../state/url-state.ts';
import type { LayoutInput } from './compute-layout.ts';
import { LayoutCancelled, LayoutClient } from './layout-client.ts';
import { recordRender, testHooks } from './render-stats.ts';
import { sceneOf } from './svg-scene.ts';

/**
 * Above this many elements, label wrapping and backgrounds, edge labels and arrows are dropped:
 * measured in headless Chromium, wrapping labels alone cost ~0.4 s per thousand nodes of first frame.
 */
const LARGE_GRAPH = 800;
/**
 * Above this many elements node labels start switched off and come on once the view is zoomed in
 * far enough to read them (at a fitted zoom they are mostly too small to draw anyway): measuring
 * the labels took about a quarter of the first frame at 1k and 5k elements.
 */
const HUGE_GRAPH = LARGE_GRAPH;
/** Zoom at which switched-off labels come on: 10 px labels are drawn from zoom 1 (see stylesheet). */
const LABELS_FROM_ZOOM = 0.9;

type StyleMode = 'normal' | 'large' | 'huge';

function stylesheetFor(mode: StyleMode) {
  if (mode === 'normal') return graphStylesheet();
  const large = [...graphStylesheet(), ...largeGraphOverrides()];
  return mode === 'large' ? large : [...large, { selector: 'node', style: { label: '' } }];
}

export interface GraphCanvasProps {
  readonly elements: GraphElements;
  /** A named layout, or `preset` for positions the elements carry. */
  readonly layout: LayoutName | 'preset';
  /** Entity id to select; matches a node's id or its `entityId`. */
  readonly selection?: string | null;
  /** Names the graph for screen readers and exported files. */
  readonly title: string;
  readonly onSelect?: (id: string | null) => void;
  /** Double-click or Enter on a node. */
  readonly onExpand?: (id: string) => void;
  /** Right-click, `m` or Shift+F10 on a node: where to open its menu, relative to the canvas. */
  readonly onNodeMenu?: (id: string, at: { x: number; y: number }) => void;
  /** Double-click or Enter on a group node. */
  readonly onToggleGroup?: (groupId: string) => void;
  readonly emptyMessage?: string;
}

function entityIdOf(data: Record<string, unknown>): string {
  return String(data.entityId ?? data.id);
}

function structureKey(elements: GraphElements, layout: LayoutName | 'preset'): string {
  const nodes = elements.nodes.map((n) => `${n.data.id}<${n.data.parent ?? ''}`).join('|');
  const edges = elements.edges.map((e) => `${e.data.id}`).join('|');
  return `${layout}#${nodes}#${edges}`;
}

function layoutInput(elements: GraphElements): LayoutInput {
  return {
    nodes: elements.nodes.map((n) => ({
      id: n.data.id,
      ...(n.data.parent ? { parent: n.data.parent } : {}),
      ...(n.data.layer !== undefined ? { layer: n.data.layer } : {}),
    })),
    edges: elements.edges.map((e) => ({
      id: e.data.id,
      source: e.data.source,
      target: e.data.target,
      ...(e.data.flowReversed ? { flowReversed: true } : {}),
    })),
  };
}

function presetPositions(elements: GraphElements) {
  const positions: Record<string, { x: number; y: number }> = {};
  for (const node of elements.nodes)
    if (node.position) positions[node.data.id] = { ...node.position };
  return { positions, layoutMs: 0 };
}

/** The last structure drawn (or failed to draw); the phase shown is derived from it. */
interface Drawn {
  readonly key: string;
  readonly error: string | null;
}

/**
 * The one owner of a cytoscape instance. Views hand it plain elements and a layout name; it
 * lays them out in a worker, draws them, reports selection, expansion and menu requests, and
 * exports PNG and SVG. A change of classes only (highlighting a path, say) restyles in place;
 * a change of structure lays out again.
 */
export function GraphCanvas({
  elements,
  layout,
  selection = null,
  title,
  onSelect,
  onExpand,
  onNodeMenu,
  onToggleGroup,
  emptyMessage = 'Intet at vise.',
}: GraphCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const clientRef = useRef<LayoutClient | null>(null);
  const structureRef = useRef<string>('');
  const sequenceRef = useRef(0);
  const styleModeRef = useRef<StyleMode>('normal');
  const selectionRef = useRef(selection);
  const handlers = useRef({ onSelect, onExpand, onNodeMenu, onToggleGroup });
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const count = elementCount(elements);
  const key = useMemo(() => structureKey(elements, layout), [elements, layout]);
  const phase: 'layout' | 'ready' | 'error' =
    elements.nodes.length === 0
      ? 'ready'
      : drawn?.key !== key
        ? 'layout'
        : drawn.error
          ? 'error'
          : 'ready';

  useLayoutEffect(() => {
    handlers.current = { onSelect, onExpand, onNodeMenu, onToggleGroup };
    selectionRef.current = selection;
  });

  useEffect(() => {
    const cy = cytoscape({
      container: containerRef.current,
      style: graphStylesheet() as unknown as cytoscape.StylesheetJson,
      minZoom: 0.03,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      textureOnViewport: true,
      motionBlur: false,
    });
    cyRef.current = cy;
    const client = new LayoutClient();
    clientRef.current = client;
    const activate = (event: EventObject) => {
      const node = event.target as cytoscape.NodeSingular;
      if (node.data('kind') === 'GROUP') handlers.current.onToggleGroup?.(node.id());
      else handlers.current.onExpand?.(entityIdOf(node.data() as Record<string, unknown>));
    };
    cy.on('tap', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      if (node.data('kind') === 'GROUP') return;
      handlers.current.onSelect?.(entityIdOf(node.data() as Record<string, unknown>));
    });
    cy.on('tap', (event) => {
      if (event.target === cy) handlers.current.onSelect?.(null);
    });
    cy.on('dbltap', 'node', activate);
    cy.on('zoom', () => {
      if (styleModeRef.current === 'huge' && cy.zoom() >= LABELS_FROM_ZOOM) {
        styleModeRef.current = 'large';
        cy.style(stylesheetFor('large'));
      }
    });
    cy.on('cxttap', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      if (node.data('kind') === 'GROUP') return;
      handlers.current.onNodeMenu?.(
        entityIdOf(node.data() as Record<string, unknown>),
        menuPosition(node, containerRef.current),
      );
    });
    // The surface changes size without the window doing so (the details panel opens, say);
    // cytoscape only watches the window, so tell it, keeping the same part of the graph centred.
    let lastSize = { width: 0, height: 0 };
    const resizer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      if (width === 0 || height === 0) return;
      if (lastSize.width > 0) {
        const pan = cy.pan();
        cy.resize();
        cy.pan({
          x: pan.x + (width - lastSize.width) / 2,
          y: pan.y + (height - lastSize.height) / 2,
        });
      } else cy.resize();
      lastSize = { width, height };
    });
    if (containerRef.current) resizer.observe(containerRef.current);
    const hooks = testHooks();
    hooks.nodeIds = () => cy.nodes().map((n) => n.id());
    hooks.nodePosition = (id) => {
      const node = cy.getElementById(id);
      const box = containerRef.current?.getBoundingClientRect();
      if (node.empty() || !box) return null;
      const { x, y } = node.renderedPosition();
      return { x: box.left + x, y: box.top + y };
    };
    return () => {
      resizer.disconnect();
      client.dispose();
      cy.destroy();
      cyRef.current = null;
      structureRef.current = '';
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    const client = clientRef.current;
    if (!cy || !client) return;
    if (key === structureRef.current) {
      cy.batch(() => {
        for (const element of [...elements.nodes, ...elements.edges]) {
          const found = cy.getElementById(element.data.id);
          if (found.empty()) continue;
          found.data(element.data);
          found.classes(element.classes.join(' '));
        }
      });
      selectIn(cy, selectionRef.current, false);
      return;
    }
    structureRef.current = key;
    const sequence = ++sequenceRef.current;
    const started = performance.now();
    if (elements.nodes.length === 0) {
      cy.elements().remove();
      return;
    }
    const laidOut =
      layout === 'preset'
        ? Promise.resolve(presetPositions(elements))
        : client.run(layoutInput(elements), layoutSpec(layout, elements));
    laidOut.then(
      ({ positions, layoutMs }) => {
        if (sequence !== sequenceRef.current || cyRef.current !== cy) return;
        const positioned = performance.now();
        const definitions: ElementDefinition[] = [
          ...elements.nodes.map((n) => ({
            group: 'nodes' as const,
            data: { ...n.data },
            classes: n.classes.join(' '),
            ...(positions[n.data.id] ? { position: { ...positions[n.data.id]! } } : {}),
          })),
          ...elements.edges.map((e) => ({
            group: 'edges' as const,
            data: { ...e.data },
            classes: e.classes.join(' '),
          })),
        ];
        const count = elementCount(elements);
        const mode: StyleMode =
          count > HUGE_GRAPH ? 'huge' : count > LARGE_GRAPH ? 'large' : 'normal';
        let added = 0;
        cy.one('render', () => {
          recordRender({
            title,
            elements: elementCount(elements),
            layout,
            layoutMs,
            positionedMs: positioned - started,
            addMs: added - positioned,
            totalMs: performance.now() - started,
          });
          setDrawn({ key, error: null });
        });
        cy.batch(() => {
          cy.elements().remove();
          if (mode !== styleModeRef.current) {
            styleModeRef.current = mode;
            cy.style(stylesheetFor(mode));
          }
          cy.add(definitions);
        });
        added = performance.now();
        fitPositions(cy, positions);
        if (mode === 'huge' && cy.zoom() >= LABELS_FROM_ZOOM) {
          styleModeRef.current = 'large';
          cy.style(stylesheetFor('large'));
        }
        selectIn(cy, selectionRef.current, false);
      },
      (error: unknown) => {
        if (error instanceof LayoutCancelled || sequence !== sequenceRef.current) return;
        setDrawn({ key, error: error instanceof Error ? error.message : String(error) });
      },
    );
  }, [elements, layout, title, key]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy) selectIn(cy, selection, true);
  }, [selection]);

  const zoomBy = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({
      level: cy.zoom() * factor,
      renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
    });
  };

  const exportPng = async () => {
    const cy = cyRef.current;
    if (!cy) return;
    const blob = await cy.png({
      output: 'blob-promise',
      full: true,
      scale: 2,
      bg: '#ffffff',
      maxWidth: 8000,
      maxHeight: 8000,
    });
    downloadBlob(blob, exportFileName(title, 'png', today()));
  };

  const exportSvg = () => {
    const cy = cyRef.current;
    if (!cy) return;
    downloadText(
      renderSvg(sceneOf(cy, title)),
      exportFileName(title, 'svg', today()),
      'image/svg+xml',
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const cy = cyRef.current;
    if (!cy) return;
    const selected = cy.nodes(':selected').first();
    const pan = (x: number, y: number) => cy.panBy({ x, y });
    const step = (direction: 1 | -1) => {
      const ordered: cytoscape.NodeSingular[] = [];
      cy.nodes().forEach((n) => {
        if (!n.isParent() || n.data('kind') === 'GROUP') ordered.push(n);
      });
      ordered.sort(
        (a, b) => a.position('y') - b.position('y') || a.position('x') - b.position('x'),
      );
      if (ordered.length === 0) return;
      const index = selected.nonempty() ? ordered.findIndex((n) => n.id() === selected.id()) : -1;
      const next = ordered[(index + direction + ordered.length) % ordered.length]!;
      cy.center(next);
      if (next.data('kind') === 'GROUP') {
        cy.elements().unselect();
        next.select();
      } else handlers.current.onSelect?.(entityIdOf(next.data() as Record<string, unknown>));
    };
    const handled = () => event.preventDefault();
    switch (event.key) {
      case 'ArrowLeft':
        pan(60, 0);
        return handled();
      case 'ArrowRight':
        pan(-60, 0);
        return handled();
      case 'ArrowUp':
        pan(0, 60);
        return handled();
      case 'ArrowDown':
        pan(0, -60);
        return handled();
      case '+':
      case '=':
        zoomBy(1.25);
        return handled();
      case '-':
        zoomBy(0.8);
        return handled();
      case '0':
        fitGraph(cy);
        return handled();
      case 'n':
        step(1);
        return handled();
      case 'p':
        step(-1);
        return handled();
      case 'Escape':
        handlers.current.onSelect?.(null);
        return handled();
      case 'Enter':
        if (selected.nonempty()) {
          if (selected.data('kind') === 'GROUP') handlers.current.onToggleGroup?.(selected.id());
          else handlers.current.onExpand?.(entityIdOf(selected.data() as Record<string, unknown>));
          handled();
        }
        return;
      case 'm':
      case 'ContextMenu':
      case 'F10':
        if (event.key === 'F10' && !event.shiftKey) return;
        if (selected.nonempty() && selected.data('kind') !== 'GROUP') {
          handlers.current.onNodeMenu?.(
            entityIdOf(selected.data() as Record<string, unknown>),
            menuPosition(selected, containerRef.current),
          );
          handled();
        }
        return;
    }
  };

  return (
    <div className="graph-canvas">
      <div className="graph-toolbar" role="toolbar" aria-label={`Værktøjer til ${title}`}>
        <button
          type="button"
          onClick={() => cyRef.current && fitGraph(cyRef.current)}
          title="Tilpas til vinduet (0)"
        >
          Tilpas
        </button>
        <button
          type="button"
          onClick={() => zoomBy(1.25)}
          aria-label="Zoom ind"
          title="Zoom ind (+)"
        >
          +
        </button>
        <button type="button" onClick={() => zoomBy(0.8)} aria-label="Zoom ud" title="Zoom ud (−)">
          −
        </button>
        <span className="toolbar-gap" />
        <button
          type="button"
          onClick={() => void exportPng()}
          disabled={count === 0}
          title="Gem grafen som billede"
        >
          PNG
        </button>
        <button
          type="button"
          onClick={exportSvg}
          disabled={count === 0}
          title="Gem grafen som vektorgrafik"
        >
          SVG
        </button>
      </div>
      <div
        ref={containerRef}
        className="graph-surface"
        tabIndex={0}
        role="application"
        aria-roledescription="graf"
        aria-label={`${title}: ${elements.nodes.length} elementer. Taster: n og p vælger næste og forrige, Enter udvider, m åbner menu, piletaster flytter, plus og minus zoomer, 0 tilpasser.`}
        onKeyDown={onKeyDown}
        data-testid="graph-surface"
        data-phase={phase}
      />
      {phase === 'layout' && (
        <div className="graph-overlay" role="status">
          Beregner layout for {count.toLocaleString('da-DK')} elementer…
        </div>
      )}
      {phase === 'error' && (
        <div className="graph-overlay error" role="alert">
          Grafen kunne ikke tegnes: {drawn?.error}
        </div>
      )}
      {count === 0 && <div className="graph-overlay empty">{emptyMessage}</div>}
    </div>
  );
}

/** Where a node's menu opens: its position in the graph area, below the toolbar. */
function menuPosition(node: cytoscape.NodeSingular, surface: HTMLElement | null) {
  const { x, y } = node.renderedPosition();
  return { x: x + (surface?.offsetLeft ?? 0), y: y + (surface?.offsetTop ?? 0) };
}

/** Largest zoom a fit may choose: a handful of nodes should not fill the screen. */
const MAX_FIT_ZOOM = 1.25;
/** Room around the outermost node centres for the nodes, in model pixels; labels hang below. */
const FIT_MARGIN = 50;
const LABEL_ROOM = 40;

/**
 * Fits the view to the laid-out positions. cy.fit() would measure every label first, which for
 * thousands of nodes costs more than drawing them; the positions are enough.
 */
function fitPositions(cy: Core, positions: Record<string, { x: number; y: number }>): void {
  const points = Object.values(positions);
  if (points.length === 0) {
    fitGraph(cy);
    return;
  }
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of points) {
    x1 = Math.min(x1, x);
    y1 = Math.min(y1, y);
    x2 = Math.max(x2, x);
    y2 = Math.max(y2, y);
  }
  y2 += LABEL_ROOM;
  const width = x2 - x1 + 2 * FIT_MARGIN;
  const height = y2 - y1 + 2 * FIT_MARGIN;
  const zoom = Math.max(
    cy.minZoom(),
    Math.min(MAX_FIT_ZOOM, cy.width() / width, cy.height() / height),
  );
  cy.viewport({
    zoom,
    pan: {
      x: cy.width() / 2 - zoom * ((x1 + x2) / 2),
      y: cy.height() / 2 - zoom * ((y1 + y2) / 2),
    },
  });
}

function fitGraph(cy: Core): void {
  cy.fit(undefined, 30);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}

function selectIn(cy: Core, selection: string | null, center: boolean): void {
  cy.batch(() => {
    cy.elements(':selected').unselect();
    cy.edges('.near-selection').removeClass('near-selection');
    if (!selection) return;
    const nodes = cy
      .nodes()
      .filter((n) => n.id() === selection || n.data('entityId') === selection);
    nodes.select();
    nodes.connectedEdges().addClass('near-selection');
    if (center && nodes.nonempty()) {
      const first = nodes.first() as cytoscape.NodeSingular;
      const extent = cy.extent();
      const { x, y } = first.position();
      if (x < extent.x1 || x > extent.x2 || y < extent.y1 || y > extent.y2) cy.center(first);
    }
  });
}
