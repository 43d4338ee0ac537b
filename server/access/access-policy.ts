import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Role, Viewer } from '../api/context.ts';
import { ConfigError } from '../config.ts';
import { hashApiToken } from './api-token.ts';
import { Visibility, type SharingLevel } from './visibility.ts';

const tokenSchema = z.object({
  /** Who holds the token (a person or a system); the viewer's id in answers and logs. */
  name: z.string().min(1, 'must not be empty'),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be the 64 hex digits `overblik token` prints, not the token'),
  role: z.enum(['reader', 'editor', 'admin'], { error: 'must be reader, editor or admin' }),
  municipalityId: z.string().min(1, 'must not be empty'),
});

const accessSchema = z.object({
  tokens: z.array(tokenSchema).min(1, 'must list at least one token'),
  /** Municipality id → what it shows other municipalities' viewers. Unlisted: none. */
  sharing: z
    .record(
      z.string(),
      z.enum(['none', 'landscape', 'full'], { error: 'must be none, landscape or full' }),
    )
    .default({}),
});

/** The access configuration as the file (or ACCESS_JSON) holds it. */
export type AccessFile = z.input<typeof accessSchema>;

interface TokenHolder {
  readonly name: string;
  readonly role: Role;
  readonly municipalityId: string;
}

/**
 * Who may use a server in server mode, and what municipalities share: API tokens (stored as
 * hashes) with their role and municipality, and a sharing level per municipality.
 */
export class AccessPolicy {
  readonly #holders: ReadonlyMap<string, TokenHolder>;
  readonly #sharing: ReadonlyMap<string, SharingLevel>;
  /** One Viewer per token, so its visibility (and the caches keyed by it) are built once. */
  readonly #viewers = new Map<string, Viewer>();

  private constructor(
    holders: ReadonlyMap<string, TokenHolder>,
    sharing: ReadonlyMap<string, SharingLevel>,
  ) {
    this.#holders = holders;
    this.#sharing = sharing;
  }

  /**
   * Parses an access configuration.
   * @throws ConfigError naming the source, the field and the value of every problem.
   */
  static parse(value: unknown, source: string): AccessPolicy {
    const parsed = accessSchema.safeParse(value);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => {
        const at = issue.path.join('.');
        return `${at === '' ? '(top level)' : at} ${issue.message}`;
      });
      throw new ConfigError(`${source}: ${problems.join('; ')}`);
    }
    const holders = new Map<string, TokenHolder>();
    for (const [i, token] of parsed.data.tokens.entries()) {
      if (holders.has(token.sha256)) {
        throw new ConfigError(`${source}: tokens.${i}.sha256 is listed twice (${token.name})`);
      }
      holders.set(token.sha256, {
        name: token.name,
        role: token.role.toUpperCase() as Role,
        municipalityId: token.municipalityId,
      });
    }
    const sharing = new Map(
      Object.entries(parsed.data.sharing).map(([id, level]) => [
        id,
        level.toUpperCase() as SharingLevel,
      ]),
    );
    return new AccessPolicy(holders, sharing);
  }

  /**
   * Reads the access configuration from a JSON file or a JSON text (ACCESS_JSON).
   * @throws ConfigError naming the file and the problem.
   */
  static async load(source: { file: string } | { json: string }): Promise<AccessPolicy> {
    const name = 'file' in source ? source.file : 'ACCESS_JSON';
    let text: string;
    try {
      text = 'file' in source ? await readFile(source.file, 'utf8') : source.json;
    } catch (error) {
      throw new ConfigError(`${name}: cannot read the access file (${(error as Error).message})`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(`${name}: not valid JSON (${(error as Error).message})`);
    }
    return AccessPolicy.parse(value, name);
  }

  /** The viewer holding a bearer token, or null for a missing, malformed or unknown token. */
  authenticate(authorization: string | undefined): Viewer | null {
    const match = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
    if (!match) return null;
    const hash = hashApiToken(match[1]!);
    const holder = this.#holders.get(hash);
    if (!holder) return null;
    let viewer = this.#viewers.get(hash);
    if (!viewer) {
      viewer = Object.freeze({
        id: holder.name,
        municipalityId: holder.municipalityId,
        role: holder.role,
        visibility:
          holder.role === 'ADMIN' ? null : new Visibility(holder.municipalityId, this.#sharing),
      });
      this.#viewers.set(hash, viewer);
    }
    return viewer;
  }
}
