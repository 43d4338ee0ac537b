import type { EntityKind, ImpactStatus } from '../domain/model.ts';
import { IMPACT_STATUS_HELP, IMPACT_STATUS_TERMS, KIND_TERMS } from '../domain/terms.ts';
import {
  EDGE_COLOR,
  HIGHLIGHT_COLOR,
  KIND_STYLES,
  SHARED_COLOR,
  STATUS_COLORS,
  UNIQUE_COLOR,
  VIA_EDGE_COLOR,
} from '../graph/stylesheet.ts';

function Swatch({
  color,
  shape = 'ellipse',
  ring,
}: {
  color: string;
  shape?: string;
  ring?: string;
}) {
  const common = { fill: color, stroke: ring ?? 'none', strokeWidth: ring ? 2 : 0 };
  const polygon = (points: string) => <polygon points={points} {...common} />;
  let glyph;
  switch (shape) {
    case 'diamond':
      glyph = polygon('7,1 13,7 7,13 1,7');
      break;
    case 'round-triangle':
      glyph = polygon('7,1 13,13 1,13');
      break;
    case 'hexagon':
      glyph = polygon('1,7 4,2 10,2 13,7 10,12 4,12');
      break;
    case 'round-octagon':
      glyph = polygon('4,1 10,1 13,4 13,10 10,13 4,13 1,10 1,4');
      break;
    case 'round-pentagon':
      glyph = polygon('7,1 13,6 11,13 3,13 1,6');
      break;
    case 'tag':
    case 'round-tag':
      glyph = polygon('1,2 9,2 13,7 9,12 1,12');
      break;
    case 'rectangle':
      glyph = <rect x="1" y="2" width="12" height="10" {...common} />;
      break;
    case 'round-rectangle':
      glyph = <rect x="1" y="2" width="12" height="10" rx="3" {...common} />;
      break;
    default:
      glyph = <circle cx="7" cy="7" r="6" {...common} />;
  }
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      {glyph}
    </svg>
  );
}

function Line({
  color,
  dashed = false,
  width = 1.5,
}: {
  color: string;
  dashed?: boolean;
  width?: number;
}) {
  return (
    <svg width="26" height="10" viewBox="0 0 26 10" aria-hidden="true">
      <line
        x1="1"
        y1="5"
        x2="25"
        y2="5"
        stroke={color}
        strokeWidth={width}
        strokeDasharray={dashed ? '5 3' : undefined}
      />
    </svg>
  );
}

/** Which kinds, markers and edges a map shows, and what each looks like. */
export function MapLegend({
  kinds,
  open = true,
}: {
  kinds: readonly EntityKind[];
  open?: boolean;
}) {
  return (
    <details className="legend" open={open}>
      <summary>Signaturforklaring</summary>
      <ul>
        {kinds.map((kind) => (
          <li key={kind}>
            <Swatch color={KIND_STYLES[kind].color} shape={KIND_STYLES[kind].shape} />{' '}
            {KIND_TERMS[kind].one}
          </li>
        ))}
        <li>
          <Swatch color="#e2e8f0" ring={HIGHLIGHT_COLOR} /> Fokus
        </li>
        <li>
          <Swatch color="#e2e8f0" ring="#334155" /> +n: skjulte naboer
        </li>
        <li>
          <Swatch color="#e2e8f0" ring="#b91c1c" /> Under udfasning
        </li>
        <li>
          <Line color={EDGE_COLOR} /> Forbindelse
        </li>
        <li>
          <Line color={VIA_EDGE_COLOR} dashed /> Indirekte via skjulte
        </li>
        <li>
          <Line color="#64748b" width={3} /> Samlet (sammenklappet gruppe)
        </li>
      </ul>
      <p className="legend-help">
        Dobbeltklik (eller Enter) på et element udvider det; på en gruppe folder det den sammen
        eller ud. Højreklik (eller m) åbner elementets menu.
      </p>
    </details>
  );
}

export function ImpactLegend() {
  const statuses: ImpactStatus[] = ['ENDING', 'LOST', 'DEGRADED', 'DEPENDENT'];
  return (
    <details className="legend" open>
      <summary>Signaturforklaring</summary>
      <ul>
        {statuses.map((status) => (
          <li key={status} title={IMPACT_STATUS_HELP[status]}>
            <Swatch color={STATUS_COLORS[status]} /> {IMPACT_STATUS_TERMS[status]}
            <span className="legend-help"> – {IMPACT_STATUS_HELP[status]}</span>
          </li>
        ))}
        <li>
          <Line color="#dc2626" /> Kontrakten dækker
        </li>
        <li>
          <Line color="#7c3aed" /> Bruger (relation)
        </li>
        <li>
          <Line color={HIGHLIGHT_COLOR} width={3} /> Valgt forklaringssti
        </li>
      </ul>
    </details>
  );
}

export function CompareLegend() {
  return (
    <details className="legend" open>
      <summary>Signaturforklaring</summary>
      <ul>
        <li>
          <Swatch color={KIND_STYLES.ORGANIZATION.color} shape="round-octagon" /> Kommune
        </li>
        <li>
          <Swatch color={SHARED_COLOR} shape="round-rectangle" /> System alle bruger
        </li>
        <li>
          <Swatch color={UNIQUE_COLOR} shape="round-rectangle" /> System kun denne kommune bruger
        </li>
      </ul>
    </details>
  );
}
