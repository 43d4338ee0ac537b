import { describe, expect, it } from 'vitest';
import { KLE_MAIN_GROUPS } from './kle-main-groups.ts';
import {
  KLE_GROUP_COUNT,
  KLE_SUBJECT_COUNT,
  KNOWN_KLE_GROUPS,
  generateKlePlan,
} from './kle-plan.ts';
import { Random } from './random.ts';

describe('generateKlePlan', () => {
  const plan = generateKlePlan(Random.create(1, 'kle'));
  const level = (l: string) => plan.tasks.filter((t) => t.level === l);

  it('carries the 36 real main groups', () => {
    expect(KLE_MAIN_GROUPS).toHaveLength(36);
    expect(level('MAIN_GROUP').map((t) => [t.number, t.title])).toEqual(
      KLE_MAIN_GROUPS.map((g) => [g.number, g.title]),
    );
    expect(plan.byNumber.get('27')?.title).toBe('Social service');
  });

  it('has about as many tasks as the real plan, in the right number formats', () => {
    expect(level('GROUP')).toHaveLength(KLE_GROUP_COUNT);
    expect(level('SUBJECT')).toHaveLength(KLE_SUBJECT_COUNT);
    expect(plan.tasks.length).toBeGreaterThan(2_800);
    expect(level('GROUP').every((t) => /^\d{2}\.\d{2}$/.test(t.number))).toBe(true);
    expect(level('SUBJECT').every((t) => /^\d{2}\.\d{2}\.\d{2}$/.test(t.number))).toBe(true);
    expect(new Set(plan.tasks.map((t) => t.number)).size).toBe(plan.tasks.length);
  });

  it('hangs every group under its main group and every subject under its group', () => {
    for (const task of plan.tasks) {
      if (task.level === 'MAIN_GROUP') {
        expect(task.parentNumber).toBeNull();
        continue;
      }
      expect(task.number.startsWith(`${task.parentNumber}.`)).toBe(true);
      expect(plan.byNumber.get(task.parentNumber!)?.level).toBe(
        task.level === 'GROUP' ? 'MAIN_GROUP' : 'GROUP',
      );
    }
    for (const group of level('GROUP'))
      expect(plan.byNumber.get(`${group.number}.00`)?.level).toBe('SUBJECT');
  });

  it('uses real titles only for the few groups we know, generic titles elsewhere', () => {
    for (const [number, title] of Object.entries(KNOWN_KLE_GROUPS))
      expect(plan.byNumber.get(number)?.title).toBe(title);
    const generic = level('GROUP').filter((t) => !(t.number in KNOWN_KLE_GROUPS));
    expect(generic.every((t) => t.title === `Gruppe ${t.number}`)).toBe(true);
    expect(level('SUBJECT').every((t) => t.title === `Emne ${t.number}`)).toBe(true);
  });
});
