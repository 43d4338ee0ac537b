import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded store on 127.0.0.1:4000', () => {
    expect(loadConfig({})).toEqual({
      store: { kind: 'embedded', path: './data/overblik.kuzu' },
      port: 4000,
      host: '127.0.0.1',
      access: { mode: 'local' },
      hardening: { rateLimitPerMinute: 600, corsOrigins: [] },
    });
  });

  it('refuses a shared host without access control, and turns server mode on with it', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(
      'HOST 0.0.0.0 makes a shared server, which needs access control: set ACCESS_FILE',
    );
    expect(loadConfig({ HOST: '0.0.0.0', ACCESS_FILE: 'access.json' }).access).toEqual({
      mode: 'server',
      source: { file: 'access.json' },
    });
    expect(loadConfig({ ACCESS_JSON: '{"tokens":[]}' }).access).toEqual({
      mode: 'server',
      source: { json: '{"tokens":[]}' },
    });
  });

  it('checks CORS origins and the rate limit', () => {
    expect(() =>
      loadConfig({ CORS_ORIGINS: 'https://a.example.dk, *', RATE_LIMIT_PER_MINUTE: '0' }),
    ).toThrow(
      'Invalid configuration: RATE_LIMIT_PER_MINUTE must be 1 or more; CORS_ORIGINS has "*"',
    );
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.dk' }).hardening.corsOrigins).toEqual([
      'https://a.example.dk',
    ]);
  });

  it('lets command-line values win over the environment', () => {
    const config = loadConfig({ PORT: '5000', DB_PATH: 'a.kuzu' }, { PORT: '6000' });
    expect(config.port).toBe(6000);
    expect(config.store).toEqual({ kind: 'embedded', path: 'a.kuzu' });
  });

  it('reports every problem at once', () => {
    expect(() => loadConfig({ STORE: 'neo4j', PORT: 'eighty' })).toThrow(
      'Invalid configuration: PORT must be a number; NEO4J_URI is required when STORE=neo4j; ' +
        'NEO4J_PASSWORD is required when STORE=neo4j',
    );
  });

  it('reads the Neo4j connection when STORE=neo4j', () => {
    const config = loadConfig({
      STORE: 'neo4j',
      NEO4J_URI: 'bolt://localhost:7687',
      NEO4J_PASSWORD: 'overblik-demo',
    });
    expect(config.store).toEqual({
      kind: 'neo4j',
      uri: 'bolt://localhost:7687',
      user: 'neo4j',
      password: 'overblik-demo',
      database: 'neo4j',
    });
  });

  it('rejects an unknown store', () => {
    expect(() => loadConfig({ STORE: 'postgres' })).toThrow('STORE must be embedded or neo4j');
  });
});
