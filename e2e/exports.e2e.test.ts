import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { graphql, target, useBrowser, waitForGraph } from './browser.ts';

async function download(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

describe.skipIf(!target)('explorer: exports', () => {
  const browser = useBrowser();

  it('downloads the graph as PNG and SVG and its table twin as CSV', async () => {
    const { page } = browser;
    const hit = await graphql<{ search: { hits: { id: string; name: string }[] } }>(`
      {
        search(text: "sag", kinds: [SYSTEM], first: 1) {
          hits {
            id
            name
          }
        }
      }
    `);
    const system = hit.search.hits[0]!;
    await browser.open(`/?focus=${system.id}`);
    await waitForGraph(page);

    const png = await download(page, () => page.getByRole('button', { name: 'PNG' }).click());
    expect(png.name).toMatch(/^overblik-kort-\d{4}-\d{2}-\d{2}\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(5_000);

    const svg = await download(page, () => page.getByRole('button', { name: 'SVG' }).click());
    expect(svg.name).toMatch(/\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain(system.name.replace(/&/g, '&amp;').slice(0, 20));

    await page.getByRole('tab', { name: 'Tabel' }).click();
    const csv = await download(page, () =>
      page.getByTestId('map-nodes-table').getByRole('button', { name: 'Eksportér CSV' }).click(),
    );
    expect(csv.name).toMatch(/^overblik-elementer-på-kortet-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Navn;Type;Kommune;Livscyklus;Kritikalitet;Persondata;Leverandør;Trin fra fokus;Skjulte naboer;Id',
    );
    expect(lines.some((line) => line.startsWith(`${system.name};IT-system;`))).toBe(true);
  });

  it('downloads the deadlines timeline as SVG and PNG', async () => {
    const { page } = browser;
    await browser.open('/?view=deadlines');
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    const svg = await download(page, () => timeline.getByRole('button', { name: 'SVG' }).click());
    expect(svg.name).toMatch(/^overblik-frister-\d{4}-\d{2}-\d{2}\.svg$/);
    expect(svg.bytes.toString('utf8')).toContain('beslut senest');
    const png = await download(page, () => timeline.getByRole('button', { name: 'PNG' }).click());
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
