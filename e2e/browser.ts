import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { CHROMIUM_ARGS, VIEWPORT } from '../server/bench/first-frame.ts';
import type { E2eTarget } from './e2e-global-setup.ts';

/** Where screenshots of every view go (gitignored); CI keeps them as artefacts. */
export const SCREENSHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
export const RESULTS = fileURLToPath(new URL('../test-results/', import.meta.url));

export const target: E2eTarget | null = inject('e2e');

export interface BrowserSession {
  readonly page: Page;
  readonly baseUrl: string;
  /** Console errors and uncaught page errors of the current test. */
  readonly errors: string[];
  /** Opens a path of the explorer and waits for the app to be there. */
  open(path: string): Promise<void>;
  /** Saves a screenshot as test-results/screenshots/<name>.png. */
  screenshot(name: string): Promise<void>;
}

/**
 * One Chromium per test file and a fresh page per test, at 1280×800, collecting console errors:
 * every test ends by asserting there were none.
 */
export function useBrowser(): BrowserSession {
  let browser: Browser;
  let context: BrowserContext;
  const session = {
    page: undefined as unknown as Page,
    baseUrl: target?.baseUrl ?? '',
    errors: [] as string[],
    async open(path: string) {
      await session.page.goto(`${session.baseUrl}${path}`);
      await session.page.getByRole('navigation', { name: 'Visninger' }).waitFor();
    },
    async screenshot(name: string) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await session.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    },
  };

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: target!.chromiumPath, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({
      viewport: VIEWPORT,
      acceptDownloads: true,
      locale: 'da-DK',
    });
    session.page = await context.newPage();
    session.errors.length = 0;
    session.page.on('console', (message) => {
      if (message.type() === 'error') session.errors.push(message.text());
    });
    session.page.on('pageerror', (error) => session.errors.push(error.message));
  });
  afterEach(async () => {
    await context?.close();
    expect(session.errors, 'console errors').toEqual([]);
  });
  return session;
}

/** Waits until the graph canvas has drawn (the layout is done and a frame rendered). */
export async function waitForGraph(page: Page, previousRenders = 0): Promise<void> {
  await page.waitForFunction((n) => (window.__overblik?.renders ?? 0) > n, previousRenders, {
    timeout: 60_000,
  });
  await page.locator('[data-testid="graph-surface"][data-phase="ready"]').first().waitFor();
}

export async function renderCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__overblik?.renders ?? 0);
}

/** Runs a GraphQL operation against the server under test. */
export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${target!.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!;
}

/** A catalogue system that several municipalities use: a map around it has something to group. */
export async function sharedSystem(): Promise<{ id: string; name: string }> {
  const data = await graphql<{
    search: {
      hits: { id: string; name: string; entity: { usages?: { municipalityId: string }[] } }[];
    };
  }>(`
    {
      search(text: "a", kinds: [SYSTEM], first: 100) {
        hits {
          id
          name
          entity {
            ... on System {
              usages(first: 20) {
                municipalityId
              }
            }
          }
        }
      }
    }
  `);
  const shared = data.search.hits.find(
    (hit) => new Set(hit.entity.usages?.map((u) => u.municipalityId)).size >= 3,
  );
  if (!shared) throw new Error('No system in the demo landscape is used by three municipalities');
  return { id: shared.id, name: shared.name };
}
