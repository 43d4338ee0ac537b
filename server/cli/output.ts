/** Where a command writes: results to stdout, progress and failures to stderr. */
export interface Output {
  /** True when --json was given: stdout then carries exactly one JSON document. */
  readonly json: boolean;
  result(human: string, machine: unknown): void;
  progress(message: string): void;
}

export function createOutput(json: boolean): Output {
  const interactive = process.stderr.isTTY;
  return {
    json,
    result(human, machine) {
      process.stdout.write(json ? JSON.stringify(machine, null, 2) + '\n' : human + '\n');
    },
    progress(message) {
      if (interactive) process.stderr.write(`\r\x1b[K${message}`);
      else process.stderr.write(message + '\n');
    },
  };
}

/** Renders a two-column table with right-aligned numbers. */
export function table(rows: readonly (readonly [string, number | string])[]): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  const valueWidth = Math.max(...rows.map(([, v]) => String(v).length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${String(v).padStart(valueWidth)}`).join('\n');
}
