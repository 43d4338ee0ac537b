import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bestOf,
  buildReference,
  checkFails,
  checkRatios,
  checkWithRetry,
  describeFailures,
  GUARDED_RATIOS,
  parseReference,
  TOLERANCE,
  type QuickReference,
  type Ratios,
} from './ratio-reference.ts';

const ABOUT = {
  scale: 'medium',
  rounds: 15,
  measuredAt: '2026-11-22T12:00:00.000Z',
  machine: { cores: 2, memoryGb: 24, node: 'v24.21.0', cpu: 'test' },
};

/** A reference whose every ratio has the given median. */
function reference(ratios: Ratios): QuickReference {
  return buildReference([ratios], ABOUT);
}

const AS_REFERENCE: Ratios = {
  'hop2-typical.toCypher': 0.01,
  'blast-supplier.toCypher': 0.2,
  'blast-month.toCypher': 0.3,
  'hop2-typical.toFloor': 15,
  'blast-supplier.toFloor': 40,
  'blast-month.toFloor': 10,
};

const REFERENCE = reference(AS_REFERENCE);

describe('checkRatios', () => {
  it('passes ratios equal to the reference and checks every guarded ratio', () => {
    const checks = checkRatios(REFERENCE, AS_REFERENCE);
    expect(checkFails(checks)).toBe(false);
    expect(checks.filter((c) => c.guarded).map((c) => c.key)).toEqual([...GUARDED_RATIOS]);
  });

  it('fails a guarded ratio more than 25% worse, naming the scenario and both ratios', () => {
    const checks = checkRatios(REFERENCE, { ...AS_REFERENCE, 'blast-supplier.toCypher': 0.26 });
    expect(checkFails(checks)).toBe(true);
    expect(checks.find((c) => c.key === 'blast-supplier.toCypher')?.verdict).toBe('regressed');
    expect(describeFailures(checks)).toEqual([
      'blast-supplier.toCypher: 0.26 against the reference 0.2 (+30%, more than +25%)',
    ]);
  });

  it('allows up to the tolerance and fails just past it', () => {
    const limit = 0.3 * (1 + TOLERANCE);
    expect(
      checkFails(checkRatios(REFERENCE, { ...AS_REFERENCE, 'blast-month.toCypher': limit })),
    ).toBe(false);
    expect(
      checkFails(checkRatios(REFERENCE, { ...AS_REFERENCE, 'blast-month.toCypher': limit * 1.01 })),
    ).toBe(true);
  });

  it('reports but does not fail on a ratio that is not guarded', () => {
    const guarded = GUARDED_RATIOS.filter((k) => k !== 'blast-month.toFloor');
    const checks = checkRatios(REFERENCE, { ...AS_REFERENCE, 'blast-month.toFloor': 30 }, guarded);
    expect(checkFails(checks)).toBe(false);
    const floor = checks.find((c) => c.key === 'blast-month.toFloor')!;
    expect(floor).toMatchObject({ guarded: false, measured: 30, reference: 10, change: 2 });
    expect(checkFails(checkRatios(REFERENCE, { ...AS_REFERENCE, 'blast-month.toFloor': 30 }))).toBe(
      true,
    );
  });

  it('fails when a guarded ratio was not measured or is not in the reference', () => {
    const without = <T>(record: Readonly<Record<string, T>>, key: string) =>
      Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
    const unmeasured = checkRatios(REFERENCE, without(AS_REFERENCE, 'hop2-typical.toCypher'));
    expect(checkFails(unmeasured)).toBe(true);
    expect(describeFailures(unmeasured)).toEqual(['hop2-typical.toCypher: not measured']);

    const thin = without(REFERENCE.ratios, 'hop2-typical.toCypher');
    const notInReference = checkRatios({ ...REFERENCE, ratios: thin }, AS_REFERENCE);
    expect(describeFailures(notInReference)).toEqual([
      'hop2-typical.toCypher: not in the reference',
    ]);
  });

  it('marks a much better ratio as improved without failing', () => {
    const checks = checkRatios(REFERENCE, { ...AS_REFERENCE, 'hop2-typical.toCypher': 0.005 });
    expect(checkFails(checks)).toBe(false);
    expect(checks[0]).toMatchObject({ key: 'hop2-typical.toCypher', verdict: 'improved' });
  });
});

describe('checkWithRetry', () => {
  const regressed = { ...AS_REFERENCE, 'hop2-typical.toCypher': 0.02 };
  const measuring = (results: Ratios[]) => {
    const attempts: number[] = [];
    const measure = (attempt: number) => {
      attempts.push(attempt);
      return Promise.resolve(results[attempt]!);
    };
    return { attempts, measure };
  };

  it('measures once when the first measurement passes', async () => {
    const { attempts, measure } = measuring([AS_REFERENCE]);
    const outcome = await checkWithRetry(REFERENCE, measure);
    expect(attempts).toEqual([0]);
    expect(outcome.failed).toBe(false);
  });

  it('passes when a failure does not come back in a later measurement', async () => {
    const { attempts, measure } = measuring([regressed, regressed, AS_REFERENCE]);
    const outcome = await checkWithRetry(REFERENCE, measure);
    expect(attempts).toEqual([0, 1, 2]);
    expect(outcome.failed).toBe(false);
  });

  it('fails when the ratio is worse in every measurement, with the best of them', async () => {
    const { attempts, measure } = measuring([
      regressed,
      { ...regressed, 'hop2-typical.toCypher': 0.015 },
      regressed,
    ]);
    const outcome = await checkWithRetry(REFERENCE, measure);
    expect(attempts).toEqual([0, 1, 2]);
    expect(outcome.failed).toBe(true);
    expect(describeFailures(outcome.checks)).toEqual([
      'hop2-typical.toCypher: 0.015 against the reference 0.01 (+50%, more than +25%)',
    ]);
  });

  it('stops at the number of attempts given, saying why before each further one', async () => {
    const { attempts, measure } = measuring([regressed, regressed, regressed]);
    const told: string[] = [];
    const outcome = await checkWithRetry(REFERENCE, measure, {
      attempts: 2,
      onRetry: (checks, attempt) => told.push(`${attempt}: ${describeFailures(checks).join()}`),
    });
    expect(outcome.failed).toBe(true);
    expect(attempts).toEqual([0, 1]);
    expect(told).toEqual([
      '1: hop2-typical.toCypher: 0.02 against the reference 0.01 (+100%, more than +25%)',
    ]);
  });
});

describe('bestOf', () => {
  it('keeps each ratio’s lowest value over the measurements', () => {
    expect(bestOf([{ a: 2, b: 1 }, { a: 1, b: 3 }, { c: 5 }])).toEqual({ a: 1, b: 1, c: 5 });
  });
});

describe('buildReference', () => {
  it('takes the median of the runs and keeps their range and every run', () => {
    const built = buildReference([{ r: 3 }, { r: 1 }, { r: 2 }, { r: 10 }], ABOUT);
    expect(built.ratios.r).toEqual({ reference: 2.5, min: 1, max: 10, runs: [3, 1, 2, 10] });
    expect(buildReference([{ r: 3 }, { r: 1 }, { r: 2 }], ABOUT).ratios.r?.reference).toBe(2);
  });
});

describe('parseReference', () => {
  it('reads back what buildReference writes', () => {
    expect(parseReference(JSON.stringify(REFERENCE), 'ref.json')).toEqual(REFERENCE);
  });

  it('names the file, the field and the problem of a bad reference', () => {
    const bad = { ...REFERENCE, ratios: { x: { reference: 'fast', min: 1, max: 1, runs: [1] } } };
    expect(() => parseReference(JSON.stringify(bad), 'ref.json')).toThrow(
      /^ref\.json: ratios\.x\.reference: .*number/,
    );
    expect(() => parseReference('{', 'ref.json')).toThrow(/^ref\.json: not JSON/);
  });

  it('accepts the committed reference, which holds every guarded ratio', () => {
    const file = new URL('../../bench/reference-quick.json', import.meta.url);
    const committed = parseReference(readFileSync(file, 'utf8'), 'bench/reference-quick.json');
    for (const key of GUARDED_RATIOS) expect(committed.ratios[key]?.reference).toBeGreaterThan(0);
    expect(checkFails(checkRatios(committed, bestOf([])))).toBe(true);
  });
});
