import type { Municipality } from './municipalities.ts';

/** How big one municipality's generated landscape is. */
export interface LandscapeSize {
  /** System usages to aim for (300-1,000). */
  readonly usages: number;
  /** Organisation units to aim for (300-720). */
  readonly orgUnits: number;
  /** LOCAL catalogue systems the municipality created itself. */
  readonly localSystems: number;
  /** Multiplier for contract amounts: bigger municipalities pay more. */
  readonly costFactor: number;
}

const SMALLEST = 1_700;
const TYPICAL = 50_000;
const LARGEST = 660_000;

/**
 * Sizes follow the logarithm of the population: about 300 usages for the smallest islands, about
 * 500 for a typical municipality of 50,000 inhabitants and 1,000 for København.
 */
export function landscapeSize(municipality: Pick<Municipality, 'population'>): LandscapeSize {
  const population = Math.min(LARGEST, Math.max(SMALLEST, municipality.population));
  const usages =
    population >= TYPICAL
      ? 500 + (500 * Math.log(population / TYPICAL)) / Math.log(LARGEST / TYPICAL)
      : 500 - (200 * Math.log(TYPICAL / population)) / Math.log(TYPICAL / SMALLEST);
  const scale = (usages - 300) / 700;
  return {
    usages: Math.round(usages),
    orgUnits: Math.round(Math.min(720, Math.max(300, 0.55 * usages + 170))),
    localSystems: Math.round(3 + 9 * scale),
    costFactor: Math.min(3.5, Math.max(0.3, Math.sqrt(population / TYPICAL))),
  };
}
