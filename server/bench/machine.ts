import { cpus, totalmem } from 'node:os';

/** The machine a benchmark ran on, printed beside every set of figures. */
export interface Machine {
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly cpu: string;
}

export function describeMachine(): Machine {
  return {
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
  };
}

export function machineLine(m: Machine): string {
  return `${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}`;
}
