import { describe, expect, it } from 'vitest';
import { target, useBrowser, waitForGraph } from './browser.ts';

describe.skipIf(!target)('explorer: data quality', () => {
  const browser = useBrowser();

  it('lists findings per municipality, each linking to its entity on the map', async () => {
    const { page } = browser;
    await browser.open('/?view=quality');
    const table = page.getByTestId('quality-table');
    await table.getByRole('row').nth(1).waitFor();
    await browser.screenshot('quality');
    await table.getByRole('row').nth(1).getByRole('button', { name: 'Vis på kortet' }).click();
    // The map is the default view, so its URL names no view.
    await expect.poll(() => new URL(page.url()).searchParams.get('focus')).toBeTruthy();
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    const focus = new URL(page.url()).searchParams.get('focus');
    await waitForGraph(page);
    expect(await page.evaluate(() => window.__overblik!.nodeIds!())).toContain(focus);
    await page.getByTestId('details-panel').getByRole('heading', { level: 2 }).waitFor();
    await browser.screenshot('quality-on-map');
  });
});
