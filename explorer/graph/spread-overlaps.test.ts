import { describe, expect, it } from 'vitest';
import { spreadOverlaps } from './spread-overlaps.ts';

describe('spreadOverlaps', () => {
  it('leaves nodes on their own spot where they are', () => {
    const positions = { 'sys-akta': { x: 0, y: 0 }, 'use-aarby-esdh': { x: 100, y: 40 } };
    expect(spreadOverlaps(positions)).toEqual(positions);
  });

  it('spreads nodes sharing a spot on a spiral around it, at least the spacing apart', () => {
    const leaves = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`unit-${i}`, { x: 200 + (i % 3) * 0.5, y: -80 }]),
    );
    const spread = Object.values(spreadOverlaps(leaves, 6, 36));
    expect(spread).toHaveLength(50);
    for (let i = 0; i < spread.length; i++) {
      for (let j = i + 1; j < spread.length; j++) {
        const distance = Math.hypot(spread[i]!.x - spread[j]!.x, spread[i]!.y - spread[j]!.y);
        expect(distance).toBeGreaterThan(25);
      }
    }
    const centre = spread.reduce((c, p) => ({ x: c.x + p.x / 50, y: c.y + p.y / 50 }), {
      x: 0,
      y: 0,
    });
    expect(Math.hypot(centre.x - 200, centre.y + 80)).toBeLessThan(40);
  });
});
