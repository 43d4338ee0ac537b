import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, target, useBrowser, waitForGraph } from './browser.ts';

interface EndingContract {
  contractId: string;
  name: string;
  dates: { decideBy: { value: string | null }; noticeDeadline: { value: string | null } };
}

const DANISH_DATE = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const danish = (date: string) => DANISH_DATE.format(new Date(`${date}T00:00:00Z`));

/** The first contract, by decide-by date, whose end loses usages: the demo data decides which. */
async function contractThatLosesUsages(): Promise<{ contract: EndingContract; lost: number }> {
  const asOf = new Date().toISOString().slice(0, 10);
  const page = await graphql<{ deadlines: { items: { contractId: string }[] } }>(
    `
      query ($asOf: Date!) {
        deadlines(asOf: $asOf, first: 200) {
          items {
            contractId
          }
        }
      }
    `,
    { asOf },
  );
  for (const { contractId } of page.deadlines.items) {
    const answer = await graphql<{
      blastRadius: { endingContracts: EndingContract[]; totals: { lostUsages: number } };
    }>(
      `
        query ($id: ID!, $asOf: Date!) {
          blastRadius(input: { contractIds: [$id], asOf: $asOf, limit: 1 }) {
            endingContracts {
              contractId
              name
              dates {
                decideBy {
                  value
                }
                noticeDeadline {
                  value
                }
              }
            }
            totals {
              lostUsages
            }
          }
        }
      `,
      { id: contractId, asOf },
    );
    const contract = answer.blastRadius.endingContracts[0];
    if (contract && answer.blastRadius.totals.lostUsages > 0 && contract.dates.decideBy.value) {
      return { contract, lost: answer.blastRadius.totals.lostUsages };
    }
  }
  throw new Error('No contract in the demo landscape loses a usage');
}

describe.skipIf(!target)('explorer: impact and deadlines', () => {
  const browser = useBrowser();
  let ending: { contract: EndingContract; lost: number };

  beforeAll(async () => {
    ending = await contractThatLosesUsages();
  });

  it('shows the LOST usages of a contract and the deadlines that drive it', async () => {
    const { page } = browser;
    await browser.open('/?view=impact');
    await browser.screenshot('impact-empty');
    const search = page.getByRole('combobox', { name: 'Tilføj kontrakt' });
    await search.fill(ending.contract.name);
    const option = page
      .getByTestId('impact-contract-search')
      .getByRole('option')
      .filter({ hasText: ending.contract.name })
      .first();
    await option.click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('contracts'))
      .toBe(ending.contract.contractId);

    const summary = page.getByTestId('impact-summary');
    await expect
      .poll(() => summary.getByRole('listitem').filter({ hasText: 'Mistes' }).textContent())
      .toContain(String(ending.lost));
    const deadlines = page.getByTestId('ending-contracts');
    await expect
      .poll(() => deadlines.textContent())
      .toContain(danish(ending.contract.dates.decideBy.value!));
    if (ending.contract.dates.noticeDeadline.value) {
      await expect
        .poll(() => deadlines.textContent())
        .toContain(danish(ending.contract.dates.noticeDeadline.value));
    }
    await waitForGraph(page);
    await browser.screenshot('impact-graph');

    await page.getByRole('tab', { name: 'Tabel' }).click();
    const table = page.getByTestId('impact-table');
    const lostRows = table.getByRole('row').filter({ hasText: 'Mistes' });
    await lostRows.first().waitFor();
    expect(await lostRows.count()).toBe(Math.min(ending.lost, 200));
    await lostRows.first().click();
    const why = page.getByTestId('path-explanation');
    await why.waitFor();
    await expect.poll(() => why.textContent()).toContain(ending.contract.name);
    await expect
      .poll(() => why.textContent())
      .toContain(`beslut senest ${danish(ending.contract.dates.decideBy.value!)}`);
    await browser.screenshot('impact-table');
  });

  it('lists contracts by decide-by date, overdue first, and opens the impact of one', async () => {
    const { page } = browser;
    await browser.open('/?view=deadlines');
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    await browser.screenshot('deadlines-timeline');
    const statuses = await timeline
      .getByRole('button', { name: /beslut senest/ })
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
    const overdue = statuses.map((s) => s.includes(': Overskredet;'));
    expect(overdue[0]).toBe(true);
    expect(overdue).toEqual([...overdue].sort((a, b) => Number(b) - Number(a)));

    await page.getByRole('button', { name: /^Overskredet: \d+/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('OVERDUE');
    await page.getByRole('tab', { name: 'Tabel' }).click();
    const table = page.getByTestId('deadlines-table');
    await table.getByRole('row').nth(1).waitFor();
    await browser.screenshot('deadlines-table');
    const firstName = await table.getByRole('row').nth(1).getByRole('cell').nth(2).textContent();
    await table.getByRole('row').nth(1).getByRole('button', { name: 'Se konsekvens' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('impact');
    await expect
      .poll(() => page.getByTestId('ending-contracts').textContent())
      .toContain(firstName ?? '');
  });

  it('says what is wrong, in words, when the server refuses', async () => {
    const { page } = browser;
    await browser.open('/?view=impact&contracts=no-such-contract');
    const alert = page.getByRole('alert').filter({ hasText: 'Konsekvensen kunne ikke beregnes' });
    await alert.waitFor();
    await expect.poll(() => alert.textContent()).toContain('Contract "no-such-contract" not found');
    await expect.poll(() => alert.textContent()).toContain('NOT_FOUND');
    await browser.screenshot('impact-error');
  });
});
