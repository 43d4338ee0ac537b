import { useMemo, useState, type ReactNode } from 'react';
import { today } from '../domain/dates.ts';
import { exportFileName, toCsv, type CsvColumn } from '../export/csv.ts';
import { downloadText } from '../export/download.ts';

export interface Column<Row> {
  readonly key: string;
  readonly header: string;
  /** The cell's value: shown unless `render` is given, and used for sorting and CSV. */
  readonly value: (row: Row) => string | number | boolean | null | undefined;
  readonly render?: (row: Row) => ReactNode;
  readonly align?: 'left' | 'right';
  /** Keep the cell on one line (dates, short codes). */
  readonly nowrap?: boolean;
  /** Leave out of the CSV (action columns). */
  readonly noExport?: boolean;
}

export interface DataTableProps<Row> {
  readonly title: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  /** Clicking a row (or Enter on it) selects it. */
  readonly onSelect?: (row: Row) => void;
  readonly selectedKey?: string | null;
  /** Rows drawn before "Vis flere"; the CSV always has every row. */
  readonly pageSize?: number;
  readonly emptyText?: string;
  /** Extra text after the count, e.g. "af 223 i alt". */
  readonly note?: ReactNode;
  readonly testId?: string;
  /** A short scroll area, for a table above a graph. */
  readonly compact?: boolean;
}

type Sort = { key: string; direction: 1 | -1 } | null;

const collator = new Intl.Collator('da', { numeric: true, sensitivity: 'base' });

type CellValue = string | number | boolean | null | undefined;

function compare(a: CellValue, b: CellValue): number {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1;
  if (b === null || b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * A table twin: sortable columns, keyboard-selectable rows, and CSV export of exactly the rows
 * and columns shown (in the shown order).
 */
export function DataTable<Row>({
  title,
  columns,
  rows,
  rowKey,
  onSelect,
  selectedKey = null,
  pageSize = 200,
  emptyText = 'Ingen rækker.',
  note,
  testId,
  compact = false,
}: DataTableProps<Row>) {
  const [sort, setSort] = useState<Sort>(null);
  const [shown, setShown] = useState(pageSize);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const column = columns.find((c) => c.key === sort.key);
    if (!column) return rows;
    return [...rows].sort((a, b) => sort.direction * compare(column.value(a), column.value(b)));
  }, [rows, columns, sort]);

  const keyCounts = new Map<string, number>();

  const exportCsv = () => {
    const csvColumns: CsvColumn<Row>[] = columns
      .filter((c) => !c.noExport)
      .map((c) => ({ header: c.header, value: c.value }));
    downloadText(
      toCsv(csvColumns, sorted),
      exportFileName(title, 'csv', today()),
      'text/csv;charset=utf-8',
    );
  };

  const toggleSort = (key: string) =>
    setSort((s) =>
      s?.key === key ? (s.direction === 1 ? { key, direction: -1 } : null) : { key, direction: 1 },
    );

  return (
    <section
      className={`data-table${compact ? ' compact' : ''}`}
      aria-label={title}
      data-testid={testId}
    >
      <div className="table-header">
        <h3>{title}</h3>
        <span className="count">
          {rows.length.toLocaleString('da-DK')} rækker{note ? <> {note}</> : null}
        </span>
        <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
          Eksportér CSV
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="empty-row">{emptyText}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    className={cellClass(c)}
                    aria-sort={
                      sort?.key === c.key
                        ? sort.direction === 1
                          ? 'ascending'
                          : 'descending'
                        : 'none'
                    }
                  >
                    <button type="button" className="sort" onClick={() => toggleSort(c.key)}>
                      {c.header}
                      <span aria-hidden="true">
                        {sort?.key === c.key ? (sort.direction === 1 ? ' ▲' : ' ▼') : ''}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.slice(0, shown).map((row) => {
                const key = rowKey(row);
                // Answers may hold two rows with one key (two findings on one entity, say);
                // React needs them apart.
                const seen = (keyCounts.get(key) ?? 0) + 1;
                keyCounts.set(key, seen);
                return (
                  <tr
                    key={seen === 1 ? key : `${key}#${seen}`}
                    className={key === selectedKey ? 'selected' : undefined}
                    aria-selected={onSelect ? key === selectedKey : undefined}
                    tabIndex={onSelect ? 0 : undefined}
                    onClick={onSelect ? () => onSelect(row) : undefined}
                    onKeyDown={
                      onSelect
                        ? (event) => {
                            if (event.target !== event.currentTarget) return;
                            if (event.key === 'Enter' || event.key === ' ') {
                              event.preventDefault();
                              onSelect(row);
                            }
                          }
                        : undefined
                    }
                  >
                    {columns.map((c) => (
                      <td key={c.key} className={cellClass(c)}>
                        {c.render ? c.render(row) : formatCell(c.value(row))}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {sorted.length > shown && (
            <button type="button" className="more" onClick={() => setShown((n) => n + pageSize)}>
              Vis flere ({(sorted.length - shown).toLocaleString('da-DK')} tilbage)
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function cellClass<Row>(column: Column<Row>): string | undefined {
  const classes = [column.align === 'right' ? 'right' : '', column.nowrap ? 'nowrap' : ''].filter(
    Boolean,
  );
  return classes.length > 0 ? classes.join(' ') : undefined;
}

function formatCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'number') return value.toLocaleString('da-DK');
  return value;
}
