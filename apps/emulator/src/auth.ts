/**
 * App tokens. Without credentials any Bearer token is accepted, as by the mock. With credentials
 * (`--credentials ID:SECRET`), only tokens issued by the token endpoint are, until they expire.
 */
import { randomBytes } from 'node:crypto';

export interface Credentials {
  clientId: string;
  clientSecret: string;
}

export type TokenCheck = 'valid' | 'missing' | 'unknown' | 'expired';

interface Issued {
  app: string;
  /** Infinity for `ttl: 0`. */
  expiresAt: number;
}

/** Validity when the request gives no `ttl`: the console's default in the documented example. */
export const DEFAULT_TOKEN_TTL_S = 5_184_000;

export class Tokens {
  private readonly issued = new Map<string, Issued>();

  constructor(readonly credentials: Credentials | undefined) {}

  issue(app: string, ttlSeconds: number, now: number): string {
    const token = `YWMt${randomBytes(24).toString('base64url')}`;
    this.issued.set(token, { app, expiresAt: ttlSeconds === 0 ? Infinity : now + ttlSeconds * 1000 });
    return token;
  }

  check(app: string, authorization: string | undefined, now: number): TokenCheck {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!token) return 'missing';
    if (!this.credentials) return 'valid';
    const issued = this.issued.get(token);
    if (!issued || issued.app !== app) return 'unknown';
    return now < issued.expiresAt ? 'valid' : 'expired';
  }

  /** Forgets the tokens of every app, or of one. */
  reset(app?: string): void {
    if (app === undefined) this.issued.clear();
    else for (const [token, issued] of this.issued) if (issued.app === app) this.issued.delete(token);
  }
}

export function parseCredentials(text: string): Credentials {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) throw new Error(`Invalid credentials: expected ID:SECRET`);
  return { clientId: text.slice(0, colon), clientSecret: text.slice(colon + 1) };
}
