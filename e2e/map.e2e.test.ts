import { describe, expect, it } from 'vitest';
import { graphql, renderCount, sharedSystem, target, useBrowser, waitForGraph } from './browser.ts';

describe.skipIf(!target)('explorer: map', () => {
  const browser = useBrowser();

  it('searches, focuses an entity and expands a node by double-click', async () => {
    const { page } = browser;
    await browser.open('/');
    await browser.screenshot('map-empty');
    const search = page.getByRole('combobox', { name: 'Søg', exact: true });
    await search.fill('esdh');
    const options = page.getByTestId('map-search').getByRole('option');
    await options.first().waitFor();
    const firstName = (await options.first().locator('.hit-name').textContent()) ?? '';
    await search.press('Enter');

    await waitForGraph(page);
    await expect.poll(() => new URL(page.url()).searchParams.get('focus')).toBeTruthy();
    const focus = new URL(page.url()).searchParams.get('focus')!;
    await expect
      .poll(() => page.getByRole('list', { name: 'Fokus' }).textContent())
      .toContain(firstName);
    const before = await page.evaluate(() => window.__overblik!.nodeIds!().length);
    expect(before).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('hidden-counts').textContent()).toMatch(/skjult/i);

    // Expand a neighbour that has neighbours of its own outside the map.
    const expandable = await graphql<{
      neighbourhood: {
        nodes: { id: string; hiddenNeighbours: number; isStart: boolean; hub: boolean }[];
      };
    }>(
      `
        query ($ids: [ID!]!) {
          neighbourhood(ids: $ids, depth: 1) {
            nodes {
              id
              hiddenNeighbours
              isStart
              hub
            }
          }
        }
      `,
      { ids: [focus] },
    );
    const neighbour = expandable.neighbourhood.nodes.find(
      (n) => !n.isStart && !n.hub && n.hiddenNeighbours > 0,
    );
    expect(neighbour, 'a neighbour with hidden neighbours').toBeDefined();
    const renders = await renderCount(page);
    const at = await page.evaluate((id) => window.__overblik!.nodePosition!(id), neighbour!.id);
    expect(at).not.toBeNull();
    await page.mouse.dblclick(at!.x, at!.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('ex')).toBe(neighbour!.id);
    await waitForGraph(page, renders);
    const after = await page.evaluate(() => window.__overblik!.nodeIds!().length);
    expect(after).toBeGreaterThan(before);
    await expect
      .poll(() => page.getByRole('list', { name: 'Udvidede elementer' }).isVisible())
      .toBe(true);
    await browser.screenshot('map-expanded');
  });

  it('restores the whole view from the URL on reload and follows back and forward', async () => {
    const { page } = browser;
    const system = await sharedSystem();
    const path = `/?focus=${system.id}&depth=2&group=municipality&layout=concentric&life=OPERATIONAL&sel=${system.id}`;
    await browser.open(path);
    await waitForGraph(page);
    await expect
      .poll(() =>
        page.getByTestId('details-panel').getByRole('heading', { level: 2 }).textContent(),
      )
      .toBe(system.name);
    await expect.poll(() => page.getByLabel('Dybde (antal trin fra fokus)').inputValue()).toBe('2');
    await browser.screenshot('map-grouped');

    await page.getByLabel('Layout').selectOption('hierarchy');
    await expect.poll(() => new URL(page.url()).searchParams.get('layout')).toBe('hierarchy');
    await page.reload();
    await page.getByRole('navigation', { name: 'Visninger' }).waitFor();
    await waitForGraph(page);
    await expect.poll(() => page.getByLabel('Layout').inputValue()).toBe('hierarchy');
    await expect.poll(() => page.getByLabel('Gruppering').inputValue()).toBe('municipality');
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'I drift', exact: true }).isChecked())
      .toBe(true);
    await expect
      .poll(() =>
        page.getByTestId('details-panel').getByRole('heading', { level: 2 }).textContent(),
      )
      .toBe(system.name);

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('layout')).toBe('concentric');
    await expect.poll(() => page.getByLabel('Layout').inputValue()).toBe('concentric');
    await page.goForward();
    await expect.poll(() => page.getByLabel('Layout').inputValue()).toBe('hierarchy');
  });

  it('shows the table twin of the map, operable by keyboard', async () => {
    const { page } = browser;
    const hit = await graphql<{ search: { hits: { id: string }[] } }>(`
      {
        search(text: "sag", kinds: [SYSTEM], first: 1) {
          hits {
            id
          }
        }
      }
    `);
    await browser.open(`/?focus=${hit.search.hits[0]!.id}&tab=table`);
    const table = page.getByTestId('map-nodes-table');
    const firstRow = table.getByRole('row').nth(1);
    await firstRow.waitFor();
    await firstRow.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBeTruthy();
    await page.getByTestId('details-panel').getByRole('heading', { level: 2 }).waitFor();
    await browser.screenshot('map-table');
  });

  it('collapses and expands groups', async () => {
    const { page } = browser;
    const system = await sharedSystem();
    await browser.open(`/?focus=${system.id}&depth=2&group=municipality`);
    await waitForGraph(page);
    const before = await page.evaluate(() => window.__overblik!.nodeIds!().length);
    const renders = await renderCount(page);
    await page.getByRole('button', { name: 'Fold alle grupper sammen' }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('collapsed'))
      .toMatch(/^group:municipality:/);
    await waitForGraph(page, renders);
    const collapsed = await page.evaluate(() => window.__overblik!.nodeIds!());
    expect(collapsed.length).toBeLessThan(before);
    expect(collapsed.filter((id) => id.startsWith('group:municipality:')).length).toBeGreaterThan(
      1,
    );
    await browser.screenshot('map-collapsed');
    await page.getByRole('button', { name: 'Fold alle ud' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('collapsed')).toBeNull();
  });

  it('is operable from the keyboard: select a node, open its menu, expand it', async () => {
    const { page } = browser;
    const system = await sharedSystem();
    await browser.open(`/?focus=${system.id}`);
    await waitForGraph(page);
    await page.getByTestId('graph-surface').focus();
    await page.keyboard.press('n');
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBeTruthy();
    const selected = new URL(page.url()).searchParams.get('sel');
    await page.keyboard.press('m');
    const menu = page.getByTestId('node-menu');
    await menu.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Udvid naboer (1 trin)');
    await browser.screenshot('map-node-menu');
    await page.keyboard.press('Enter');
    await expect.poll(() => menu.isVisible()).toBe(false);
    if (selected === system.id) {
      await expect.poll(() => new URL(page.url()).searchParams.get('depth')).toBe('2');
    } else {
      await expect.poll(() => new URL(page.url()).searchParams.get('ex')).toBe(selected);
    }
  });
});
