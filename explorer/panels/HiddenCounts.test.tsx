// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOTHING_HIDDEN } from '../graph/map-graph.ts';
import { HiddenCounts } from './HiddenCounts.tsx';

describe('HiddenCounts', () => {
  afterEach(cleanup);

  it('says when nothing is hidden', () => {
    render(
      <HiddenCounts
        hidden={NOTHING_HIDDEN}
        truncated={false}
        viaSearchLimited={false}
        maxNodes={500}
      />,
    );
    expect(screen.getByTestId('hidden-counts').textContent).toBe('Intet skjult i udsnittet.');
  });

  it('counts every reason a node is left off and offers more when the slice is cut', () => {
    const onMore = vi.fn();
    render(
      <HiddenCounts
        hidden={{ byMaxNodes: 1200, byFilters: 3, byKinds: 40, byCriticality: 2, viaEdges: 1 }}
        truncated
        viaSearchLimited={false}
        maxNodes={500}
        onMore={onMore}
      />,
    );
    expect(screen.getByTestId('hidden-counts').textContent).toContain(
      '1.200 ikke plads (højst 500) · 3 filtreret fra · 40 af skjulte typer (vist som stiplede via-kanter) · 2 fravalgt på kritikalitet · 1 via-kanter over loftet',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Hent flere' }));
    expect(onMore).toHaveBeenCalledOnce();
  });
});
