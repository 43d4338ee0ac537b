import fc from 'fast-check';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessPolicy } from '../access/access-policy.ts';
import { createApiToken, hashApiToken } from '../access/api-token.ts';
import { GraphService } from '../analysis/graph-service.ts';
import { createApp } from '../app.ts';
import { ERROR_CODES } from '../domain/errors.ts';
import { createHttpServer } from '../http-server.ts';
import { ACCESS_SHARING, buildAccessLandscape } from '../testing/access-scenario.ts';
import { createFixtureStore } from '../testing/fixture-store.ts';
import { assertFuzz, FUZZ_TEST_TIMEOUT_MS } from '../testing/assert-fuzz.ts';
import { closeServer, listenLocally } from '../testing/listen-locally.ts';

/**
 * Property-based fuzzing of the GraphQL API over real HTTP, in server mode (with tokens of
 * several roles, none, or wrong ones) and in local mode. Operations are generated from the
 * schema the server itself describes (introspection): every query field with random arguments
 * (real ids, unicode, huge strings, numbers out of range, wrong types, nulls, unknown enum values
 * and input fields), as variables or inline, with random selections nested up to past the depth
 * limit; besides them, broken documents, malformed and oversized bodies, other methods, content
 * types and origins. Whatever is sent, the server answers without a 5xx, without a stack trace
 * or a file path, and every error has a code of the closed set below; it is still up after.
 *
 * FUZZ_RUNS sets the number of runs; a failure prints the seed and path that FUZZ_SEED and
 * FUZZ_PATH replay.
 */

/**
 * Every `extensions.code` an error of the API may carry: the domain's codes, the HTTP server's
 * refusals, and what graphql-yoga and graphql give requests they cannot run. INTERNAL_SERVER_ERROR
 * (an unexpected, masked error) is deliberately not among them: a fuzzer meeting one found a bug.
 */
const ALLOWED_CODES = new Set<string>([
  ...ERROR_CODES,
  // http-server.ts
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  // graphql-yoga: a request it cannot read, a document that does not parse or validate, an
  // operation it cannot pick; mask-error.ts: variables graphql cannot coerce.
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_USER_INPUT',
]);

/** What may never appear in an answer: stack frames, source files, dependencies, this machine. */
const LEAKS = [/\n\s+at /, /\bat \S+ \(/, /\.ts:\d/, /node_modules/, /file:\/\//];

const AS_OF = '2026-11-22';
const IDS = [...buildAccessLandscape().nodes.values()].flat().map((r) => r.id);

let serverBase: string;
let localBase: string;
let close: () => Promise<void>;
const tokens: string[] = [];
let schema: IntrospectionSchema;

beforeAll(async () => {
  const fixture = await createFixtureStore(buildAccessLandscape());
  const graph = await GraphService.create(fixture.store);
  const entries = (['reader', 'editor', 'admin'] as const).map((role) => {
    const token = createApiToken();
    tokens.push(token);
    return { name: `fuzz-${role}`, sha256: hashApiToken(token), role, municipalityId: 'org-a' };
  });
  const access = AccessPolicy.parse({ tokens: entries, sharing: ACCESS_SHARING }, 'fuzz access');
  const app = createApp({ graph });
  const servers = [
    createHttpServer(app, graph, { access, rateLimitPerMinute: 1_000_000_000 }),
    createHttpServer(app, graph),
  ];
  serverBase = await listenLocally(servers[0]!);
  localBase = await listenLocally(servers[1]!);
  close = async () => {
    for (const server of servers) await closeServer(server);
    await fixture.dispose();
  };
  // The schema as a client sees it; the served app's depth limit refuses the introspection query.
  const response = await createApp({ graph, maxDepth: 64 }).fetch('http://overblik/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  schema = ((await response.json()) as { data: { __schema: IntrospectionSchema } }).data.__schema;
});

afterAll(() => close());

// ---- the schema, as the server describes it ----

interface TypeRef {
  readonly kind: string;
  readonly name: string | null;
  readonly ofType: TypeRef | null;
}
interface InputValue {
  readonly name: string;
  readonly type: TypeRef;
  readonly defaultValue: string | null;
}
interface Field {
  readonly name: string;
  readonly args: readonly InputValue[];
  readonly type: TypeRef;
}
interface FullType {
  readonly kind: string;
  readonly name: string;
  readonly fields: readonly Field[] | null;
  readonly inputFields: readonly InputValue[] | null;
  readonly enumValues: readonly { name: string }[] | null;
  readonly possibleTypes: readonly { name: string }[] | null;
}
interface IntrospectionSchema {
  readonly queryType: { name: string };
  readonly types: readonly FullType[];
}

function typeNamed(name: string): FullType {
  return schema.types.find((t) => t.name === name)!;
}

function named(ref: TypeRef): TypeRef {
  return ref.ofType ? named(ref.ofType) : ref;
}

function typeString(ref: TypeRef): string {
  if (ref.kind === 'NON_NULL') return `${typeString(ref.ofType!)}!`;
  if (ref.kind === 'LIST') return `[${typeString(ref.ofType!)}]`;
  return ref.name!;
}

// ---- values ----

type Gen = fc.GeneratorValue;

function oneOf<T>(g: Gen, values: readonly T[]): T {
  return g(() => fc.constantFrom(...values));
}

const NASTY: readonly unknown[] = [
  null,
  '',
  ' ',
  0,
  -1,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  1e20,
  Number.MAX_SAFE_INTEGER,
  true,
  [],
  {},
  [null],
  { id: 'x' },
  '\u0000',
  '\ud800',
  '🙂'.repeat(50),
  '"}]',
  '$x',
  '__typename',
  "'; DROP TABLE x; --",
  'MATCH (n) DETACH DELETE n',
  '../../../etc/passwd',
  '2026-02-30',
  '9999-12-31',
  '0000-00-00',
  'org-b',
  'con-b',
];

function someString(g: Gen, hostile: boolean): string {
  switch (g(fc.integer, { min: 0, max: hostile ? 9 : 6 })) {
    case 0:
    case 1:
    case 2:
      return oneOf(g, IDS);
    case 3:
      return g(fc.string, { maxLength: 20 });
    case 4:
      return g(fc.string, { unit: 'grapheme', maxLength: 20 });
    case 5:
      return g(fc.string, { unit: 'binary', maxLength: 20 });
    case 6:
      return oneOf(g, ['a', 'e', 'ESDH', 'kontrakt', 'øko', 'aa', '27', '27.24', 'SECRET']);
    case 7:
      return oneOf(g, ['x', 'ø', '%', '_', '*', '.']).repeat(
        g(fc.integer, { min: 1_000, max: 100_000 }),
      );
    default:
      return String(oneOf(g, NASTY));
  }
}

/** Ids of the kind an argument names, so that clean queries mostly reach their analysis. */
function idsFor(key: string): readonly string[] {
  const name = key.toLowerCase();
  if (name.includes('municipalit')) return ['org-a', 'org-b', 'org-c', 'org-d'];
  if (name.includes('supplier')) return ['org-s'];
  if (name.includes('system')) return ['sys-esdh', 'sys-oko'];
  if (name.includes('contract')) return IDS.filter((id) => id.startsWith('con-'));
  return IDS;
}

/** A clean whole number for an argument, in the range its name suggests. */
function wholeFor(g: Gen, key: string): number {
  const name = key.toLowerCase();
  if (name.includes('depth')) return g(fc.integer, { min: 1, max: 4 });
  if (name.includes('month')) return g(fc.integer, { min: 0, max: 60 });
  if (name === 'maxnodes') return g(fc.integer, { min: 1, max: 500 });
  if (name === 'first') return g(fc.integer, { min: 0, max: 50 });
  return g(fc.integer, { min: 0, max: 12 });
}

function scalarValue(g: Gen, name: string, key: string, hostile: boolean): unknown {
  switch (name) {
    case 'ID':
      return hostile || g(fc.integer, { min: 0, max: 4 }) === 0
        ? someString(g, hostile)
        : oneOf(g, idsFor(key));
    case 'Int':
      return hostile
        ? g(() =>
            fc.oneof(
              fc.integer({ min: -2, max: 12 }),
              fc.integer({ min: 0, max: 6000 }),
              fc.integer(),
              fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1e20, 0.5, Number.MAX_SAFE_INTEGER),
            ),
          )
        : wholeFor(g, key);
    case 'Float':
      return g(fc.double, { noNaN: true, noDefaultInfinity: true });
    case 'Boolean':
      return g(fc.boolean);
    case 'Date':
      return g(() =>
        fc.oneof(
          fc.constantFrom(AS_OF, '2020-01-01', '2029-06-30', '2028-02-29'),
          fc
            .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
          ...(hostile
            ? [fc.string({ maxLength: 12 }), fc.constantFrom('2026-02-30', '26-11-2026', '')]
            : []),
        ),
      );
    default:
      return someString(g, hostile);
  }
}

/**
 * A value for a type. Clean values are of the type (they may still be out of an analysis's
 * range); hostile ones are now and then null, of the wrong type, unknown or huge.
 */
function valueOf(
  g: Gen,
  ref: TypeRef,
  key: string,
  hostile: boolean,
  depth = 0,
  nullable = true,
): unknown {
  const now = (oneIn: number) => hostile && g(fc.integer, { min: 1, max: oneIn }) === 1;
  if (now(12)) return oneOf(g, NASTY);
  if (ref.kind === 'NON_NULL') {
    return now(20) ? null : valueOf(g, ref.ofType!, key, hostile, depth, false);
  }
  if (nullable && g(fc.integer, { min: 0, max: 5 }) === 0) return null;
  if (ref.kind === 'LIST') {
    if (now(10)) {
      // A long list (bounded so the body stays under the server's limit most of the time).
      const count = g(fc.integer, { min: 100, max: 5_000 });
      return Array.from({ length: count }, (_, i) => IDS[i % IDS.length]);
    }
    const count = g(fc.integer, { min: 0, max: 4 });
    return Array.from({ length: count }, () => valueOf(g, ref.ofType!, key, hostile, depth + 1));
  }
  const type = typeNamed(ref.name!);
  if (type.kind === 'ENUM') {
    return now(4)
      ? oneOf(g, ['NOPE', 'operational', 'ALL', ''])
      : oneOf(
          g,
          type.enumValues!.map((v) => v.name),
        );
  }
  if (type.kind === 'INPUT_OBJECT') {
    const value: Record<string, unknown> = {};
    for (const field of type.inputFields!) {
      const required = field.type.kind === 'NON_NULL' && field.defaultValue === null;
      if (required || g(fc.boolean)) {
        value[field.name] =
          depth > 3 ? null : valueOf(g, field.type, field.name, hostile, depth + 1);
      }
    }
    if (now(8)) value[someString(g, true) || 'x'] = 1;
    return value;
  }
  return scalarValue(g, type.name, key, hostile);
}

/** A JSON value written as a GraphQL literal (enum names bare), whatever type it really has. */
function literal(value: unknown, ref: TypeRef): string {
  const base = named(ref);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => literal(v, ref.ofType ?? ref)).join(', ')}]`;
  if (typeof value === 'object') {
    const type = base.name ? typeNamed(base.name) : undefined;
    const fields = type?.inputFields ?? [];
    return `{${Object.entries(value)
      .map(([key, v]) => {
        const field = fields.find((f) => f.name === key);
        return `${/^[_A-Za-z]\w*$/.test(key) ? key : JSON.stringify(key)}: ${literal(v, field?.type ?? base)}`;
      })
      .join(', ')}}`;
  }
  if (typeof value === 'string') {
    const isEnum = base.name !== null && typeNamed(base.name)?.kind === 'ENUM';
    return isEnum && /^[_A-Za-z]\w*$/.test(value) ? value : JSON.stringify(value);
  }
  return JSON.stringify(value);
}

// ---- operations ----

interface Operation {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

function argumentsOf(
  g: Gen,
  args: readonly InputValue[],
  variables: Map<string, { type: string; value: unknown }>,
  hostile: boolean,
): string {
  const parts: string[] = [];
  for (const arg of args) {
    const required = arg.type.kind === 'NON_NULL' && arg.defaultValue === null;
    if (!required && g(fc.boolean)) continue;
    if (required && hostile && g(fc.integer, { min: 0, max: 19 }) === 0) continue;
    const value = valueOf(g, arg.type, arg.name, hostile);
    if (g(fc.boolean)) {
      const name = `v${variables.size}`;
      // Now and then the variable is declared with another type than the argument's.
      const declared =
        hostile && g(fc.integer, { min: 0, max: 9 }) === 0 ? 'String' : typeString(arg.type);
      variables.set(name, { type: declared, value });
      parts.push(`${arg.name}: $${name}`);
    } else {
      parts.push(`${arg.name}: ${literal(value, arg.type)}`);
    }
  }
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

/** Numbers the aliases of one operation. */
let aliases = 0;

function selectionOf(
  g: Gen,
  typeName: string,
  depth: number,
  maxDepth: number,
  variables: Map<string, { type: string; value: unknown }>,
  hostile: boolean,
): string {
  const type = typeNamed(typeName);
  const parts: string[] = [];
  if (type.kind === 'INTERFACE' || type.kind === 'UNION') {
    parts.push('__typename');
    if (type.kind === 'INTERFACE') parts.push(...type.fields!.slice(0, 1).map((f) => f.name));
    const possible = type.possibleTypes ?? [];
    const count = depth < maxDepth ? g(fc.integer, { min: 0, max: 2 }) : 0;
    for (let i = 0; i < count; i++) {
      const target = oneOf(
        g,
        possible.map((p) => p.name),
      );
      parts.push(
        `... on ${target} { ${selectionOf(g, target, depth, maxDepth, variables, hostile)} }`,
      );
    }
    return parts.join(' ');
  }
  const fields = type.fields ?? [];
  const count = g(fc.integer, { min: 1, max: 4 });
  for (let i = 0; i < count; i++) {
    const field = oneOf(g, fields);
    const target = typeNamed(named(field.type).name!);
    const leaf = target.kind === 'SCALAR' || target.kind === 'ENUM';
    if (!leaf && depth >= maxDepth) {
      parts.push('__typename');
      continue;
    }
    // Every field under its own name: fields of one name with other arguments, or of other
    // types in two fragments, would not merge (a validation error on every other query).
    const alias = hostile && g(fc.boolean) ? '' : `f${(aliases += 1)}: `;
    const args = argumentsOf(g, field.args, variables, hostile);
    const sub = leaf
      ? ''
      : ` { ${selectionOf(g, target.name, depth + 1, maxDepth, variables, hostile)} }`;
    parts.push(`${alias}${field.name}${args}${sub}`);
  }
  return parts.join(' ');
}

/** A query over 1–3 root fields, from the schema, with its variables; a third are hostile. */
function operationOf(g: Gen): Operation {
  const root = typeNamed(schema.queryType.name);
  const variables = new Map<string, { type: string; value: unknown }>();
  const hostile = g(fc.integer, { min: 0, max: 2 }) === 0;
  aliases = 0;
  const maxDepth = g(fc.integer, { min: 1, max: hostile ? 10 : 5 });
  const selections: string[] = [];
  const count = g(fc.integer, { min: 1, max: 3 });
  for (let i = 0; i < count; i++) {
    const field = oneOf(g, root.fields!);
    const target = typeNamed(named(field.type).name!);
    const leaf = target.kind === 'SCALAR' || target.kind === 'ENUM';
    const args = argumentsOf(g, field.args, variables, hostile);
    const sub = leaf ? '' : ` { ${selectionOf(g, target.name, 1, maxDepth, variables, hostile)} }`;
    selections.push(`q${i}: ${field.name}${args}${sub}`);
  }
  const declarations = [...variables].map(([name, { type }]) => `$${name}: ${type}`).join(', ');
  return {
    query: `query Fuzz${declarations ? `(${declarations})` : ''} { ${selections.join(' ')} }`,
    variables: Object.fromEntries([...variables].map(([name, { value }]) => [name, value])),
  };
}

// ---- requests ----

interface FuzzRequest {
  readonly path: string;
  readonly init: RequestInit;
}

/** A document broken at the text level: cut, spliced or replaced by noise. */
function brokenDocument(g: Gen, query: string): string {
  const at = g(fc.integer, { min: 0, max: query.length });
  switch (g(fc.integer, { min: 0, max: 5 })) {
    case 0:
      return query.slice(0, at);
    case 1:
      return (
        query.slice(0, at) +
        oneOf(g, ['{', '}', '(', '$', '"', '...', '@skip', '#']) +
        query.slice(at)
      );
    case 2:
      return g(fc.string, { maxLength: 60 });
    case 3:
      return '{'.repeat(g(fc.integer, { min: 10, max: 20_000 }));
    case 4:
      // Fragments: spread before they are defined, spread in a cycle, or not defined at all.
      return oneOf(g, [
        `query { ...F } fragment F on Query { viewer { id } ...F }`,
        `query { viewer { ...Missing } }`,
        `${query.replace('{', '{ ...G ')} fragment G on Query { q9: stats { changeCounter } }`,
      ]);
    default:
      return `${query} ${query}`;
  }
}

/** A body that is not a GraphQL request in JSON, or is one of the wrong shape or size. */
function brokenBody(g: Gen, operation: Operation): string | Uint8Array<ArrayBuffer> {
  switch (g(fc.integer, { min: 0, max: 8 })) {
    case 0:
      return JSON.stringify(operation).slice(0, g(fc.integer, { min: 0, max: 40 }));
    case 1:
      return Uint8Array.from(g(fc.array, fc.integer({ min: 0, max: 255 }), { maxLength: 64 }));
    case 2:
      return JSON.stringify(g(fc.jsonValue, { maxDepth: 3 }));
    case 3:
      return JSON.stringify({ ...operation, variables: g(fc.jsonValue, { maxDepth: 2 }) });
    case 4:
      return JSON.stringify({ query: g(fc.jsonValue, { maxDepth: 2 }) });
    case 5:
      return JSON.stringify([operation, operation]);
    case 6:
      return JSON.stringify({ ...operation, operationName: someString(g, true) });
    case 7:
      // Past the 1 MB GraphQL body limit.
      return JSON.stringify({ query: operation.query, variables: { pad: 'x'.repeat(1_100_000) } });
    default:
      return JSON.stringify({ ...operation, extensions: g(fc.jsonValue, { maxDepth: 2 }) });
  }
}

function requestOf(g: Gen, serverMode: boolean): FuzzRequest {
  const operation = operationOf(g);
  const headers: Record<string, string> = {};
  if (serverMode) {
    const who = g(fc.integer, { min: 0, max: 9 });
    if (who < 7) headers.authorization = `Bearer ${tokens[who % tokens.length]}`;
    else if (who === 7) headers.authorization = `Bearer ${createApiToken()}`;
    else if (who === 8) headers.authorization = someString(g, true).replace(/[^\t\x20-\x7e]/g, '');
  }
  if (g(fc.integer, { min: 0, max: 19 }) === 0) {
    headers.origin = oneOf(g, ['https://evil.example', 'null', 'http://127.0.0.1:1']);
  }
  const kind = g(fc.integer, { min: 0, max: 19 });
  if (kind < 12) {
    headers['content-type'] = 'application/json';
    return { path: '/graphql', init: { method: 'POST', headers, body: JSON.stringify(operation) } };
  }
  if (kind < 14) {
    const params = new URLSearchParams({
      query: operation.query,
      variables: JSON.stringify(operation.variables),
    });
    return { path: `/graphql?${params}`.slice(0, 12_000), init: { method: 'GET', headers } };
  }
  if (kind < 16) {
    headers['content-type'] = 'application/json';
    const query = brokenDocument(g, operation.query);
    return {
      path: '/graphql',
      init: { method: 'POST', headers, body: JSON.stringify({ ...operation, query }) },
    };
  }
  if (kind < 19) {
    headers['content-type'] = oneOf(g, [
      'application/json',
      'application/json; charset=latin1',
      'application/graphql',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]);
    return { path: '/graphql', init: { method: 'POST', headers, body: brokenBody(g, operation) } };
  }
  const method = oneOf(g, ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
  return { path: '/graphql', init: { method, headers } };
}

/** What is wrong with an answer (empty when nothing is). */
function answerProblems(status: number, text: string): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`status ${status}`);
  for (const leak of LEAKS) if (leak.test(text)) problems.push(`leaks ${leak}`);
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (errors !== undefined) {
    if (!Array.isArray(errors) || errors.length === 0) problems.push('errors is not a list');
    for (const error of Array.isArray(errors) ? errors : []) {
      const { message, extensions } = error as {
        message?: unknown;
        extensions?: { code?: unknown };
      };
      if (typeof message !== 'string' || message === '') problems.push('an error without message');
      const code = extensions?.code;
      if (typeof code !== 'string' || !ALLOWED_CODES.has(code)) {
        problems.push(`code ${String(code)}: ${String(message).slice(0, 200)}`);
      }
    }
  }
  return problems;
}

async function send(base: string, request: FuzzRequest): Promise<string[]> {
  const response = await fetch(`${base}${request.path}`, request.init);
  const text = await response.text();
  return answerProblems(response.status, text).map((p) => `${p} (answer: ${text.slice(0, 300)})`);
}

describe('GraphQL API under fuzzing', () => {
  for (const mode of ['server', 'local'] as const) {
    it(
      `answers every request in ${mode} mode without a 5xx, a stack or an unknown code`,
      async () => {
        const base = mode === 'server' ? serverBase : localBase;
        await assertFuzz(
          fc.asyncProperty(fc.gen(), async (g) => {
            const request = requestOf(g, mode === 'server');
            expect(await send(base, request), JSON.stringify(request).slice(0, 2000)).toEqual([]);
          }),
          300,
        );
        const health = await fetch(`${base}/healthz`);
        expect(health.status).toBe(200);
        const answer = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(mode === 'server' ? { authorization: `Bearer ${tokens[2]}` } : {}),
          },
          body: JSON.stringify({ query: '{ entity(id: "sys-esdh") { id } }' }),
        });
        expect(await answer.json()).toEqual({ data: { entity: { id: 'sys-esdh' } } });
      },
      FUZZ_TEST_TIMEOUT_MS,
    );
  }
});

/** Requests the fuzzer found mishandled, kept as plain cases so they stay fixed. */
describe('GraphQL API: cases found by fuzzing', () => {
  async function answer(path: string, init: RequestInit) {
    const response = await fetch(`${localBase}${path}`, init);
    const text = await response.text();
    return {
      status: response.status,
      text,
      codes: [...text.matchAll(/"code":"(\w+)"/g)].map((m) => m[1]),
    };
  }
  const post = (body: string) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

  it.each([
    ['a body that is not JSON', '/graphql', post('{"query": '), 400, 'BAD_REQUEST'],
    [
      'GET variables that are not JSON',
      `/graphql?query=${encodeURIComponent('query($d: Date!) { deadlines(asOf: $d) { total } }')}&variables=%7B%22d`,
      { method: 'GET' },
      400,
      'BAD_REQUEST',
    ],
    [
      'a variable the Date scalar refuses',
      '/graphql',
      post(
        JSON.stringify({
          query: 'query($d: Date!) { deadlines(asOf: $d) { total } }',
          variables: { d: 'x' },
        }),
      ),
      200,
      'INVALID_INPUT',
    ],
    [
      'a page size in a variable past the cost limit',
      '/graphql',
      post(
        JSON.stringify({
          query:
            'query($n: Int) { entity(id: "org-a") { ... on Organization { usages(first: $n) { id } } } }',
          variables: { n: 2_000_000_000 },
        }),
      ),
      200,
      'LIMIT_EXCEEDED',
    ],
    [
      'a required variable left out',
      '/graphql',
      post(JSON.stringify({ query: 'query($d: Date!) { deadlines(asOf: $d) { total } }' })),
      200,
      'BAD_USER_INPUT',
    ],
    [
      'a subscription',
      '/graphql',
      post(JSON.stringify({ query: 'subscription { viewer { id } }' })),
      200,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'a spread of a fragment the document does not define',
      '/graphql',
      post(JSON.stringify({ query: '{ viewer { ...Missing } }' })),
      200,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'a mutation',
      '/graphql',
      post(JSON.stringify({ query: 'mutation { viewer { id } }' })),
      200,
      'GRAPHQL_VALIDATION_FAILED',
    ],
  ] as const)(
    'answers %s with its own code, not a masked 500',
    async (_, path, init, status, code) => {
      const { status: got, text, codes } = await answer(path, init);
      expect({ status: got, codes }).toEqual({ status, codes: [code] });
      expect(text).not.toContain('Unexpected error');
    },
  );
});
