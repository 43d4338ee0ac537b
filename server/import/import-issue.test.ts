import { describe, expect, it } from 'vitest';
import { importWarning } from './import-issue.ts';

describe('import issues', () => {
  it('name the column in the message, shortened when it is huge, and in full in its field', () => {
    const origin = { file: 'data-types.csv', line: 1 };
    expect(importWarning(origin, 'UNKNOWN_COLUMN', 'ignored', 'colour').message).toBe(
      'column "colour": ignored',
    );
    const huge = 'x'.repeat(1000);
    const issue = importWarning(origin, 'UNKNOWN_COLUMN', 'ignored', huge);
    expect(issue.message.length).toBeLessThan(100);
    expect(issue.column).toBe(huge);
  });
});
