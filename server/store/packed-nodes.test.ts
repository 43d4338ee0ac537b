import { describe, expect, it } from 'vitest';
import { PACK_SEPARATOR, packedLayout, unpackNodes } from './packed-nodes.ts';

/** Texts of every length around the point where V8 stops copying slices, escapes included. */
const TEXTS = [
  'kort',
  'tolv tegn xx',
  'tretten tegn!',
  'Navn med "citat" og \\n, \\u0041 og \\ alene',
  'Tab\there, bell \u0007, nul \u0000 og linje\nskift',
  'Æble → ø, 😀 og en enlig \ud800 halvdel',
  'x'.repeat(5000),
];

describe('unpackNodes', () => {
  it('reads each text exactly, whatever its length and characters', () => {
    const { texts } = packedLayout('System');
    const text = texts.findIndex((p) => p.type === 'string' && p.name !== 'id');
    expect(text).toBeGreaterThan(0);
    const rows = TEXTS.map((value, r) =>
      [
        '0',
        ...texts.map((p, i) =>
          i === text ? value : p.name === 'id' ? `system-${r}-with-a-long-id` : '',
        ),
      ].join(PACK_SEPARATOR),
    );
    const records = unpackNodes('System', rows, null);
    expect(records.map((r) => r?.[texts[text]!.name])).toEqual(TEXTS);
    expect(records.map((r) => r?.id)).toEqual(TEXTS.map((_, r) => `system-${r}-with-a-long-id`));
  });
});
