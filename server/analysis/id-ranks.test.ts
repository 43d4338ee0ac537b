import { describe, expect, it } from 'vitest';
import { generateLandscape } from '../../seed/generate-landscape.ts';
import { LandscapeBuilder } from '../model/landscape.ts';
import { GraphIndex } from './graph-index.ts';
import { sortById } from './graph-view.ts';
import { rankIds } from './id-ranks.ts';

/** The ids in the order their ranks give. */
function ordered(ids: readonly string[]): string[] {
  const ranks = rankIds(ids);
  const out = new Array<string>(ids.length);
  ids.forEach((id, i) => (out[ranks[i]!] = id));
  return out;
}

/** The order of `<` on strings, which the ranks must reproduce. */
function sortedAsText(ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // xorshift32: exact in 32-bit integers, unlike a multiplier past 2^53 in doubles.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

describe('rankIds', () => {
  it('ranks UUIDs, and ids that share their first characters, as their texts sort', () => {
    const ids = [
      'c9de79d5-3039-41ac-9a7e-d95e2c0a8b0f',
      '0806a1b2-0000-4000-8000-000000000000',
      'c9de79d5-3039-41ac-9a7e-d95e2c0a8b0e',
      '0806a1b2-0000-4000-8000-000000000001',
      'sys-esdh',
      'sys-esdh-light',
      'sys-es',
    ];
    expect(ordered(ids)).toEqual(sortedAsText(ids));
  });

  it('places characters outside ASCII, DEL, NUL and short ids where string order does', () => {
    const ids = [
      'xé',
      'x\u007fa',
      'x\u007f\u007f\u007f\u007f\u007f\u007f',
      'xü',
      'x',
      'x\u0000',
      'x\u0000\u0000',
      '',
      'Åby',
      'Zeta',
      'aaaaaaé',
      'aaaaaa\u007f',
      'aaaaaaz',
      '\u{1F600}',
      '\uFFFF',
    ];
    expect(ordered(ids)).toEqual(sortedAsText(ids));
  });

  it('agrees with string order on thousands of random ids from a narrow alphabet', () => {
    const next = random(7);
    const alphabet = ['a', 'b', '-', '0', '\u007f', 'é', '\u0000', 'Z'];
    const ids = new Set<string>();
    while (ids.size < 5000) {
      const length = Math.floor(next() * 9);
      let id = '';
      for (let i = 0; i < length; i++) id += alphabet[Math.floor(next() * alphabet.length)];
      ids.add(id);
    }
    const list = [...ids];
    expect(ordered(list)).toEqual(sortedAsText(list));
  });

  it('gives each of its ids a distinct rank from 0 up', () => {
    const ranks = rankIds(['b', 'a', 'c']);
    expect([...ranks]).toEqual([1, 0, 2]);
    expect([...rankIds([])]).toEqual([]);
  });

  it('sorts nodes by id in place, short and long lists, repeated nodes included (sortById)', () => {
    const index = GraphIndex.fromLandscape(
      generateLandscape({ scale: 'small', seed: 3, referenceDate: '2026-01-01' }),
    );
    const next = random(11);
    for (const size of [0, 1, 2, 3, 12, 13, 17, 500, 5000]) {
      const nodes = Array.from({ length: size }, () => Math.floor(next() * index.nodeCount));
      const expected = [...nodes]
        .map((n) => index.idAt(n))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const sorted = sortById(index, nodes);
      expect(sorted).toBe(nodes);
      expect(sorted.map((n) => index.idAt(n))).toEqual(expected);
    }
  });
});

describe('GraphIndex.indexOf', () => {
  it('finds every id by its rank and nothing for ids it does not hold', () => {
    const next = random(5);
    const alphabet = ['a', 'b', '-', '0', '\u007f', 'é', 'Z'];
    const word = () => {
      let id = 'x';
      for (let i = Math.floor(next() * 7); i > 0; i--) {
        id += alphabet[Math.floor(next() * alphabet.length)];
      }
      return id;
    };
    const held = new Set<string>();
    while (held.size < 2000) held.add(word());
    const builder = new LandscapeBuilder();
    for (const id of held) builder.node('System', { id, name: id, scope: 'PUBLIC' });
    const index = GraphIndex.fromLandscape(builder.build());
    for (const id of held) expect(index.idAt(index.indexOf(id)!)).toBe(id);
    let absent = 0;
    while (absent < 2000) {
      const id = word();
      if (held.has(id)) continue;
      absent++;
      expect(index.indexOf(id)).toBeUndefined();
    }
    expect(index.indexOf('')).toBeUndefined();
    // An id that came through untyped JSON as a number finds nothing, as with a Map.
    expect(index.indexOf(5 as unknown as string)).toBeUndefined();
    expect(index.get('w')).toBeUndefined();
  });
});
