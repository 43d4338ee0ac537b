import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, hashApiToken } from '../server/access/api-token.ts';
import { graphql, target, useBrowser } from './browser.ts';
import { seedDemo, serveStore, type ServedStore } from './e2e-global-setup.ts';

/** Chromium logs every 401 answer as a console error; before sign-in they are the point. */
function withoutRefusals(errors: string[]): void {
  const kept = errors.filter((e) => !/status of 401/.test(e));
  errors.splice(0, errors.length, ...kept);
}

describe.skipIf(!target)('explorer: server mode', () => {
  const browser = useBrowser();
  const token = createApiToken();
  let own: { id: string; name: string };
  let sharing: { id: string; name: string };
  let baseUrl: string;
  let server: ServedStore | undefined;
  let dir: string;

  beforeAll(async () => {
    const { municipalities } = await graphql<{ municipalities: { id: string; name: string }[] }>(
      '{ municipalities { id name } }',
    );
    [own, sharing] = municipalities as [typeof own, typeof sharing];
    dir = mkdtempSync(join(tmpdir(), 'overblik-e2e-access-'));
    const access = join(dir, 'access.json');
    writeFileSync(
      access,
      JSON.stringify({
        tokens: [
          {
            name: 'e2e-reader',
            sha256: hashApiToken(token),
            role: 'reader',
            municipalityId: own.id,
          },
        ],
        sharing: { [sharing.id]: 'landscape' },
      }),
    );
    // The same demo (same scale and seed, so the same ids) in a store of its own.
    const db = join(dir, 'medium.kuzu');
    await seedDemo(db);
    server = await serveStore(db, ['--access', access]);
    baseUrl = server.baseUrl;
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for a token, refuses a wrong one, and shows what the viewer may see', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/?view=deadlines`);
    const input = page.getByLabel('API-nøgle');
    await input.waitFor();
    await browser.screenshot('sign-in');
    expect(await page.getByRole('navigation', { name: 'Visninger' }).count()).toBe(0);

    await input.fill(createApiToken());
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nøglen blev ikke godkendt' }).waitFor();

    await page.getByLabel('API-nøgle').fill(token);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('navigation', { name: 'Visninger' }).waitFor();
    // The view asked for before signing in is the one shown after.
    expect(new URL(page.url()).searchParams.get('view')).toBe('deadlines');
    const badge = page.getByText(`${own.name} · læser`);
    await badge.waitFor();
    await badge.click();
    const levels = page.getByRole('table', { name: 'Hvad du ser af hver kommune' });
    await expect
      .poll(() => levels.getByRole('row').filter({ hasText: sharing.name }).textContent())
      .toContain('landskab');
    const others = await levels.locator('tr[data-level="NONE"]').count();
    expect(others).toBeGreaterThan(0);
    expect(await levels.locator('tr[data-level="FULL"]').count()).toBe(1);
    await browser.screenshot('signed-in');

    // Every deadline listed belongs to the viewer's municipality or the one sharing its landscape.
    await badge.click();
    await page.getByRole('tab', { name: 'Tabel' }).click();
    const table = page.getByTestId('deadlines-table');
    await table.getByRole('row').nth(1).waitFor();
    const names = await table.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect([own.name, sharing.name]).toContain(name);

    await badge.click();
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByLabel('API-nøgle').waitFor();
    withoutRefusals(browser.errors);
  });
});
