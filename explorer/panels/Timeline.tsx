import { useRef } from 'react';
import type { DeadlineStatus } from '../domain/model.ts';
import { exportFileName } from '../export/csv.ts';
import { downloadBlob, downloadText } from '../export/download.ts';
import { DEADLINE_STATUS_TERMS } from '../domain/terms.ts';
import { formatDate, today } from '../domain/dates.ts';
import { shortLabel } from '../graph/elements.ts';
import { timeScale } from './timeline-scale.ts';

export interface TimelineItem {
  readonly id: string;
  readonly label: string;
  readonly status: DeadlineStatus;
  readonly decideBy: string | null;
  readonly noticeDeadline: string | null;
  readonly plannedEnd: string | null;
}

const ROW = 24;
const LABEL_WIDTH = 230;
const WIDTH = 900;
const STATUS_COLOR: Record<DeadlineStatus, string> = {
  OVERDUE: '#dc2626',
  DUE: '#f59e0b',
  LATER: '#2563eb',
  UNKNOWN: '#94a3b8',
};

/**
 * Contracts on a time axis, one row each in the order given (overdue first): a diamond at the
 * decide-by date, a circle at the notice deadline, the bar running to the planned end, and a line
 * at the as-of date. Rows are buttons: Enter or a click selects the contract.
 */
export function Timeline({
  items,
  asOf,
  selection,
  onSelect,
}: {
  items: readonly TimelineItem[];
  asOf: string;
  selection: string | null;
  onSelect: (id: string) => void;
}) {
  const svgRef = useRef<SVGSVGElement>(null);
  const dates = items
    .flatMap((i) => [i.decideBy, i.noticeDeadline, i.plannedEnd])
    .filter((d): d is string => !!d);
  const scale = timeScale([...dates, asOf], LABEL_WIDTH + 10, WIDTH - 10);
  const height = 28 + items.length * ROW;
  return (
    <div className="timeline" data-testid="timeline">
      <div className="graph-toolbar" role="toolbar" aria-label="Gem tidslinjen">
        <span className="toolbar-gap" />
        <button type="button" onClick={() => void exportTimelinePng(svgRef.current)}>
          PNG
        </button>
        <button type="button" onClick={() => exportTimelineSvg(svgRef.current)}>
          SVG
        </button>
      </div>
      <svg
        ref={svgRef}
        xmlns="http://www.w3.org/2000/svg"
        fontFamily="system-ui, sans-serif"
        width={WIDTH}
        height={height}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="group"
        aria-label="Tidslinje: beslut senest, opsigelsesfrist og ophør pr. kontrakt"
      >
        {scale.ticks.map((tick) => (
          <g key={tick.date}>
            <line
              x1={scale.x(tick.date)}
              x2={scale.x(tick.date)}
              y1={18}
              y2={height}
              stroke="#e2e8f0"
            />
            <text x={scale.x(tick.date)} y={12} fontSize={10} textAnchor="middle" fill="#475569">
              {tick.label}
            </text>
          </g>
        ))}
        <line
          x1={scale.x(asOf)}
          x2={scale.x(asOf)}
          y1={14}
          y2={height}
          stroke="#111827"
          strokeDasharray="4 3"
        />
        <text x={scale.x(asOf) + 3} y={24} fontSize={9} fill="#111827">
          {formatDate(asOf)}
        </text>
        {items.map((item, i) => {
          const y = 28 + i * ROW + ROW / 2;
          const color = STATUS_COLOR[item.status];
          const start = item.decideBy ?? item.noticeDeadline;
          const title = `${item.label}: ${DEADLINE_STATUS_TERMS[item.status]}; beslut senest ${formatDate(item.decideBy)}, opsigelsesfrist ${formatDate(item.noticeDeadline)}, ophør ${formatDate(item.plannedEnd)}`;
          return (
            <g
              key={item.id}
              role="button"
              tabIndex={0}
              aria-label={title}
              aria-pressed={selection === item.id}
              className={`timeline-row${selection === item.id ? ' selected' : ''}`}
              onClick={() => onSelect(item.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(item.id);
                }
              }}
            >
              <title>{title}</title>
              <rect
                x={0}
                y={y - ROW / 2}
                width={WIDTH}
                height={ROW}
                className="row-bg"
                fill="transparent"
              />
              <text x={4} y={y + 4} fontSize={11} fill="#1f2937">
                {shortLabel(item.label, 36)}
              </text>
              {start && item.plannedEnd && (
                <line
                  x1={scale.x(start)}
                  x2={scale.x(item.plannedEnd)}
                  y1={y}
                  y2={y}
                  stroke={color}
                  strokeWidth={4}
                  strokeOpacity={0.35}
                />
              )}
              {item.noticeDeadline && (
                <circle
                  cx={scale.x(item.noticeDeadline)}
                  cy={y}
                  r={4}
                  fill="#ffffff"
                  stroke={color}
                  strokeWidth={2}
                />
              )}
              {item.decideBy && (
                <polygon
                  points={`${scale.x(item.decideBy)},${y - 6} ${scale.x(item.decideBy) + 6},${y} ${scale.x(item.decideBy)},${y + 6} ${scale.x(item.decideBy) - 6},${y}`}
                  fill={color}
                />
              )}
              {item.plannedEnd && (
                <line
                  x1={scale.x(item.plannedEnd)}
                  x2={scale.x(item.plannedEnd)}
                  y1={y - 6}
                  y2={y + 6}
                  stroke={color}
                  strokeWidth={2}
                />
              )}
              {!item.decideBy && (
                <text x={LABEL_WIDTH + 14} y={y + 4} fontSize={10} fill="#64748b">
                  beslut senest ukendt
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p className="hint timeline-key">
        ◆ beslut senest · ○ opsigelsesfrist · | planlagt ophør · stiplet linje: pr. dato
      </p>
    </div>
  );
}

function serialise(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

function exportTimelineSvg(svg: SVGSVGElement | null): void {
  if (!svg) return;
  downloadText(serialise(svg), exportFileName('frister', 'svg', today()), 'image/svg+xml');
}

/** Draws the timeline's SVG onto a white canvas at twice its size and saves that as PNG. */
async function exportTimelinePng(svg: SVGSVGElement | null): Promise<void> {
  if (!svg) return;
  const url = URL.createObjectURL(new Blob([serialise(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = svg.width.baseVal.value * 2;
    canvas.height = svg.height.baseVal.value * 2;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) downloadBlob(blob, exportFileName('frister', 'png', today()));
  } finally {
    URL.revokeObjectURL(url);
  }
}
