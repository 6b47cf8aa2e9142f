/**
 * Per-town write tokens in DATA/tokens.json (mode 0600), created on the aggregator's first start.
 * A token writes only its own town.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, statSync } from 'node:fs';
import { z } from 'zod';
import { tokensPath } from '../files/data-dir.ts';
import { readJsonIfExists, writeAtomic } from '../files/durable.ts';

const TokensSchema = z.record(z.string(), z.string().min(16));
export type Tokens = Record<string, string>;

/** Load the tokens, adding one for any town that has none, and keep the file private. */
export function loadOrCreateTokens(dataDir: string, towns: readonly string[]): Tokens {
  const path = tokensPath(dataDir);
  const raw = readJsonIfExists(path);
  const parsed = TokensSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new Error(`${path} is damaged: ${z.prettifyError(parsed.error)}`);
  const tokens = { ...parsed.data };
  const missing = towns.filter((t) => !tokens[t]);
  for (const town of missing) tokens[town] = randomBytes(24).toString('base64url');
  if (missing.length > 0 || raw === undefined) {
    writeAtomic(path, `${JSON.stringify(tokens, null, 2)}\n`, 0o600);
  }
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return tokens;
}

/** Whether a token given is the secret, compared in constant time. */
export function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The town a bearer token writes for; every town's secret is compared, so timing tells nothing. */
export function townOfToken(tokens: Tokens, token: string): string | undefined {
  let found: string | undefined;
  for (const [town, secret] of Object.entries(tokens)) if (sameSecret(token, secret)) found = town;
  return found;
}

export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1];
}
