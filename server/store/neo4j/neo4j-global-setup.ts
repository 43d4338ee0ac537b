import { Neo4jContainer, type StartedNeo4jContainer } from '@testcontainers/neo4j';
import { getContainerRuntimeClient } from 'testcontainers';
import type { TestProject } from 'vitest/node';

/** Where the Neo4j contract suite connects; null when there is no Neo4j to test against. */
export interface Neo4jTarget {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTarget | null;
  }
}

/** Pinned so a new Neo4j release never changes what CI tests. */
export const NEO4J_IMAGE = 'neo4j:5.26.12-community';
/** Neo4j 5 rejects passwords under 8 characters (older module defaults use `test`). */
const PASSWORD = 'contract-tests';

/**
 * Integration-project global setup: NEO4J_URI if set, else a testcontainers Neo4j, else a
 * one-line skip, which REQUIRE_NEO4J=1 turns into a failure.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const env = process.env;
  if (env.NEO4J_URI) {
    project.provide('neo4j', {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? PASSWORD,
    });
    return;
  }
  try {
    await getContainerRuntimeClient();
  } catch {
    const reason = 'neo4j contract skipped: no NEO4J_URI and no container runtime';
    if (env.REQUIRE_NEO4J === '1') throw new Error(`${reason} (REQUIRE_NEO4J=1)`);
    console.log(reason);
    project.provide('neo4j', null);
    return;
  }
  const container: StartedNeo4jContainer = await new Neo4jContainer(NEO4J_IMAGE)
    .withPassword(PASSWORD)
    .start();
  project.provide('neo4j', {
    uri: container.getBoltUri(),
    user: container.getUsername(),
    password: container.getPassword(),
  });
  return async () => {
    await container.stop();
  };
}
