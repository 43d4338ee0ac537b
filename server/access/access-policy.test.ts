import { describe, expect, it } from 'vitest';
import { AccessPolicy } from './access-policy.ts';
import { createApiToken, hashApiToken, TOKEN_PREFIX } from './api-token.ts';
import { RateLimiter } from './rate-limiter.ts';

describe('API tokens', () => {
  it('are random, prefixed, and stored as their SHA-256', () => {
    const a = createApiToken();
    expect(a.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(a).not.toBe(createApiToken());
    expect(hashApiToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken(a)).not.toContain(a.slice(TOKEN_PREFIX.length, 20));
  });
});

describe('AccessPolicy', () => {
  const token = createApiToken();
  const policy = AccessPolicy.parse(
    {
      tokens: [{ name: 'ib', sha256: hashApiToken(token), role: 'editor', municipalityId: 'm1' }],
      sharing: { m2: 'landscape' },
    },
    'access.json',
  );

  it('authenticates a bearer token to its viewer, once per token', () => {
    const viewer = policy.authenticate(`Bearer ${token}`);
    expect(viewer).toMatchObject({ id: 'ib', role: 'EDITOR', municipalityId: 'm1' });
    expect(viewer?.visibility?.levelOf('m1')).toBe('FULL');
    expect(viewer?.visibility?.levelOf('m2')).toBe('LANDSCAPE');
    expect(viewer?.visibility?.levelOf('m3')).toBe('NONE');
    expect(policy.authenticate(`bearer  ${token}`)).toBe(viewer);
  });

  it('refuses missing, malformed and unknown tokens', () => {
    for (const header of [undefined, '', token, `Basic ${token}`, `Bearer ${createApiToken()}`]) {
      expect(policy.authenticate(header)).toBeNull();
    }
    expect(policy.authenticate(`Bearer ${hashApiToken(token)}`)).toBeNull();
  });

  it('names the file, the field and the problem of a bad configuration', () => {
    expect(() =>
      AccessPolicy.parse(
        {
          tokens: [{ name: 'x', sha256: 'ovb_plain', role: 'boss', municipalityId: 'm1' }],
          sharing: { m1: 'some' },
        },
        'access.json',
      ),
    ).toThrow(
      'access.json: tokens.0.sha256 must be the 64 hex digits `overblik token` prints, not the ' +
        'token; tokens.0.role must be reader, editor or admin; sharing.m1 must be none, ' +
        'landscape or full',
    );
    expect(() => AccessPolicy.parse({}, 'ACCESS_JSON')).toThrow('ACCESS_JSON: tokens');
  });

  it('reports an unreadable or broken file by name', async () => {
    await expect(AccessPolicy.load({ file: 'no-such-access.json' })).rejects.toThrow(
      'no-such-access.json: cannot read the access file',
    );
    await expect(AccessPolicy.load({ json: '{tokens' })).rejects.toThrow(
      'ACCESS_JSON: not valid JSON',
    );
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then refills at the rate per minute, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(20);
    expect(limiter.take('b')).toBe(0);
    now += 20_000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });
});
