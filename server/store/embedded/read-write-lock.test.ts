import { describe, expect, it } from 'vitest';
import { ReadWriteLock } from './read-write-lock.ts';

/** Work that runs until `finish` is called, noting when it starts and ends in `log`. */
function gate(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    work: async () => {
      log.push(`${name} starts`);
      await done;
      log.push(`${name} ends`);
      return name;
    },
    finish: () => finish(),
  };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ReadWriteLock', () => {
  it('runs shared work side by side up to its limit, and the rest as room frees', async () => {
    const lock = new ReadWriteLock(2);
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => gate(log, name));
    const results = [lock.shared(a!.work), lock.shared(b!.work), lock.shared(c!.work)];
    await settle();
    expect(log).toEqual(['a starts', 'b starts']);
    b!.finish();
    await settle();
    expect(log).toEqual(['a starts', 'b starts', 'b ends', 'c starts']);
    a!.finish();
    c!.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
  });

  it('runs exclusive work alone, after the shared work before it', async () => {
    const lock = new ReadWriteLock(2);
    const log: string[] = [];
    const [read, write] = ['read', 'write'].map((name) => gate(log, name));
    const done = [lock.shared(read!.work), lock.exclusive(write!.work)];
    await settle();
    expect(log).toEqual(['read starts']);
    read!.finish();
    await settle();
    expect(log).toEqual(['read starts', 'read ends', 'write starts']);
    write!.finish();
    await Promise.all(done);
  });

  it('keeps shared work that comes after a waiting exclusive caller behind it', async () => {
    const lock = new ReadWriteLock(2);
    const log: string[] = [];
    const [first, write, later] = ['first', 'write', 'later'].map((name) => gate(log, name));
    const done = [lock.shared(first!.work), lock.exclusive(write!.work), lock.shared(later!.work)];
    await settle();
    // There is room for a second reader, but the writer came first.
    expect(log).toEqual(['first starts']);
    first!.finish();
    await settle();
    expect(log.at(-1)).toBe('write starts');
    write!.finish();
    await settle();
    expect(log.at(-1)).toBe('later starts');
    later!.finish();
    await Promise.all(done);
  });

  it('lets the next caller in when work fails, and passes the failure on', async () => {
    const lock = new ReadWriteLock(1);
    const failing = lock.exclusive(() => Promise.reject(new Error('statement failed')));
    const next = lock.shared(() => Promise.resolve('ran'));
    await expect(failing).rejects.toThrow('statement failed');
    expect(await next).toBe('ran');
  });

  it('refuses a limit that lets no reader in', () => {
    expect(() => new ReadWriteLock(0)).toThrow('at least one shared holder; got 0');
  });
});
