// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataTable, type Column } from './DataTable.tsx';

interface Usage {
  id: string;
  name: string;
  users: number;
}

const columns: Column<Usage>[] = [
  { key: 'name', header: 'Navn', value: (u) => u.name },
  { key: 'users', header: 'Brugere', value: (u) => u.users, align: 'right' },
];
const rows: Usage[] = [
  { id: 'use-esdh', name: 'Akta ESDH', users: 120 },
  { id: 'use-oko', name: 'Økonomi', users: 40 },
  { id: 'use-bi', name: 'Ledelsesinformation', users: 9 },
];

const names = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('DataTable', () => {
  afterEach(cleanup);

  it('sorts by a column, descending on the second click, with Danish collation', () => {
    render(<DataTable title="Anvendelser" columns={columns} rows={rows} rowKey={(u) => u.id} />);
    expect(names()).toEqual(['Akta ESDH', 'Økonomi', 'Ledelsesinformation']);
    fireEvent.click(screen.getByRole('button', { name: 'Navn' }));
    expect(names()).toEqual(['Akta ESDH', 'Ledelsesinformation', 'Økonomi']);
    fireEvent.click(screen.getByRole('button', { name: /Navn/ }));
    expect(names()).toEqual(['Økonomi', 'Ledelsesinformation', 'Akta ESDH']);
    expect(screen.getByRole('columnheader', { name: /Navn/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
  });

  it('selects a row by click or Enter and marks the selected one', () => {
    const onSelect = vi.fn();
    render(
      <DataTable
        title="Anvendelser"
        columns={columns}
        rows={rows}
        rowKey={(u) => u.id}
        onSelect={onSelect}
        selectedKey="use-oko"
      />,
    );
    const [, first, second] = screen.getAllByRole('row');
    fireEvent.click(first!);
    fireEvent.keyDown(second!, { key: 'Enter' });
    expect(onSelect.mock.calls.map(([u]) => (u as Usage).id)).toEqual(['use-esdh', 'use-oko']);
    expect(second!.getAttribute('aria-selected')).toBe('true');
  });

  it('pages long tables and exports every row as CSV', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:csv';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(
      <DataTable
        title="Anvendelser"
        columns={columns}
        rows={rows}
        rowKey={(u) => u.id}
        pageSize={2}
      />,
    );
    expect(names()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: /Vis flere/ }));
    expect(names()).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Eksportér CSV' }));
    expect(click).toHaveBeenCalledOnce();
    const bytes = new Uint8Array(await created[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe(
      'Navn;Brugere\r\nAkta ESDH;120\r\nØkonomi;40\r\nLedelsesinformation;9\r\n',
    );
  });

  it('says so when there are no rows', () => {
    render(
      <DataTable
        title="Anvendelser"
        columns={columns}
        rows={[]}
        rowKey={(u) => u.id}
        emptyText="Ingen anvendelser."
      />,
    );
    expect(screen.getByText('Ingen anvendelser.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Eksportér CSV' }).disabled).toBe(
      true,
    );
  });

  it('shows rows that share a key without React complaining', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const twice = [rows[0]!, { ...rows[0]!, name: 'Akta ESDH (kopi)' }];
    render(<DataTable title="Anvendelser" columns={columns} rows={twice} rowKey={(u) => u.id} />);
    expect(names()).toEqual(['Akta ESDH', 'Akta ESDH (kopi)']);
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });
});
