import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded store on 127.0.0.1:4000', () => {
    expect(loadConfig({})).toEqual({
      store: { kind: 'embedded', path: './data/overblik.kuzu' },
      port: 4000,
      host: '127.0.0.1',
    });
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
