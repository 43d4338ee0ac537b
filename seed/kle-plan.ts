import type { TaskLevel } from '../server/model/model-types.ts';
import { KLE_MAIN_GROUPS } from './kle-main-groups.ts';
import type { Random } from './random.ts';

/** One task of the generated KLE plan. */
export interface KleTask {
  readonly id: string;
  /** "27", "27.24" or "27.24.03". */
  readonly number: string;
  readonly title: string;
  readonly level: TaskLevel;
  /** Number of the parent task; null for main groups. */
  readonly parentNumber: string | null;
  /** Two-digit number of the main group the task falls under. */
  readonly mainGroup: string;
}

/** A KLE plan: real main groups, mostly synthetic groups and synthetic subjects. */
export interface KlePlan {
  /** Main groups first, then each group followed by its subjects. */
  readonly tasks: readonly KleTask[];
  readonly byNumber: ReadonlyMap<string, KleTask>;
  /** Subjects per main group number. */
  readonly subjectsByMainGroup: ReadonlyMap<string, readonly KleTask[]>;
  /** Groups per main group number. */
  readonly groupsByMainGroup: ReadonlyMap<string, readonly KleTask[]>;
}

/**
 * The few real KLE groups we carry, written from general knowledge; every other group gets a
 * synthetic number and a generic title, because the full plan is third-party data we may not copy.
 */
export const KNOWN_KLE_GROUPS: Readonly<Record<string, string>> = {
  '00.05': 'Besøg, repræsentation mv.',
  '13.02': 'Vandforsyning',
  '13.03': 'Varmeforsyning',
  '27.24': 'Særlig støtte til børn og unge',
};

const two = (n: number) => String(n).padStart(2, '0');

/** Groups and subjects to generate: with the 36 main groups, about the real plan's 2,913 tasks. */
export const KLE_GROUP_COUNT = 490;
export const KLE_SUBJECT_COUNT = 2385;

/**
 * Splits `total` into `parts` random counts of at least `min` that add up to `total` exactly
 * (largest remainder), so the plan's size does not wander with the seed.
 */
function splitTotal(random: Random, total: number, parts: number, min: number): number[] {
  const weights = Array.from({ length: parts }, () => random.float(0.4, 1.6));
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - parts * min;
  const exact = weights.map((w) => (spare * w) / sum);
  const counts = exact.map((x) => min + Math.floor(x));
  let missing = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (missing-- <= 0) break;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

/**
 * Ascending two-digit numbers starting at 00 with irregular gaps (the real plan skips numbers
 * too), always including `required`.
 */
function numberSequence(random: Random, count: number, required: readonly number[]): number[] {
  const numbers = new Set<number>(required);
  // Keep the gaps small enough that `count` numbers fit below 100.
  const maxGap = Math.max(1, Math.min(4, Math.floor(99 / Math.max(1, count))));
  for (let next = 0; numbers.size < count && next <= 99;) {
    numbers.add(next);
    next += Math.min(
      maxGap,
      random.weighted([
        [1, 60],
        [2, 25],
        [3, 10],
        [4, 5],
      ]),
    );
  }
  return [...numbers].sort((a, b) => a - b);
}

/**
 * Generates the KLE plan: the 36 real main groups, 490 groups spread unevenly over them and 2,385
 * subjects spread over the groups, close to the real plan's 2,913 tasks. Each group has a subject
 * xx.yy.00 first, as in the real plan.
 */
export function generateKlePlan(random: Random): KlePlan {
  const tasks: KleTask[] = [];
  const groupsByMainGroup = new Map<string, KleTask[]>();
  const subjectsByMainGroup = new Map<string, KleTask[]>();
  for (const main of KLE_MAIN_GROUPS) {
    tasks.push({
      id: random.uuid(),
      number: main.number,
      title: main.title,
      level: 'MAIN_GROUP',
      parentNumber: null,
      mainGroup: main.number,
    });
  }
  const groupCounts = splitTotal(random, KLE_GROUP_COUNT, KLE_MAIN_GROUPS.length, 4);
  const subjectCounts = splitTotal(random, KLE_SUBJECT_COUNT, KLE_GROUP_COUNT, 1);
  let groupIndex = 0;
  for (const [mainIndex, main] of KLE_MAIN_GROUPS.entries()) {
    const required = Object.keys(KNOWN_KLE_GROUPS)
      .filter((n) => n.startsWith(`${main.number}.`))
      .map((n) => Number(n.slice(3)));
    const groups: KleTask[] = [];
    const subjects: KleTask[] = [];
    for (const g of numberSequence(random, groupCounts[mainIndex] as number, required)) {
      const number = `${main.number}.${two(g)}`;
      const group: KleTask = {
        id: random.uuid(),
        number,
        title: KNOWN_KLE_GROUPS[number] ?? `Gruppe ${number}`,
        level: 'GROUP',
        parentNumber: main.number,
        mainGroup: main.number,
      };
      tasks.push(group);
      groups.push(group);
      const subjectCount = subjectCounts[Math.min(groupIndex++, KLE_GROUP_COUNT - 1)] as number;
      for (const s of numberSequence(random, subjectCount, [])) {
        const subjectNumber = `${number}.${two(s)}`;
        const subject: KleTask = {
          id: random.uuid(),
          number: subjectNumber,
          title: `Emne ${subjectNumber}`,
          level: 'SUBJECT',
          parentNumber: number,
          mainGroup: main.number,
        };
        tasks.push(subject);
        subjects.push(subject);
      }
    }
    groupsByMainGroup.set(main.number, groups);
    subjectsByMainGroup.set(main.number, subjects);
  }
  return {
    tasks,
    byNumber: new Map(tasks.map((t) => [t.number, t])),
    subjectsByMainGroup,
    groupsByMainGroup,
  };
}
