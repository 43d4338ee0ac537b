import { describe, expect, it } from 'vitest';
import { target, useBrowser, waitForGraph } from './browser.ts';

describe.skipIf(!target)('explorer: compare', () => {
  const browser = useBrowser();

  it('compares two municipalities: shared and unique systems, KLE similarity, procurement', async () => {
    const { page } = browser;
    await browser.open('/?view=compare');
    const choices = page
      .getByRole('group', { name: 'Sammenlign kommuner (2–10)' })
      .getByRole('checkbox');
    await choices.nth(1).waitFor();
    await choices.nth(0).check();
    await choices.nth(1).check();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('munis')?.split(',').length)
      .toBe(2);

    const summary = page.getByTestId('compare-summary');
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toMatch(/\d+Systemer alle bruger/);
    const kle = page.getByTestId('compare-kle');
    expect(await kle.getByRole('row').count()).toBeGreaterThan(1);
    await page.getByTestId('compare-procurement').waitFor();
    await waitForGraph(page);
    await browser.screenshot('compare-graph');

    await page.getByRole('tab', { name: 'Tabel' }).click();
    const tables = page.getByTestId('compare-system-tables');
    await expect
      .poll(() => tables.getByRole('heading', { level: 3 }).allTextContents())
      .toEqual([
        'IT-systemer alle bruger',
        expect.stringMatching(/^Kun .+ bruger$/),
        expect.stringMatching(/^Kun .+ bruger$/),
      ]);
    await browser.screenshot('compare-table');
  });
});
