/// <reference types="node" />
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";

export const CLIENT_ID = "YXA6-client-id";
export const CLIENT_SECRET = "YXA6-very-secret-value";
/** The client credentials the test server accepts. */
export const credentials = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };

export interface TokenRequestSeen {
  authorization: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

export interface ApiRequestSeen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: Buffer;
}

/** A hand-written answer of the token endpoint (replaces the default behaviour). */
export type TokenAnswer = { status: number; body: unknown } | ((seen: TokenRequestSeen) => { status: number; body: unknown });

/**
 * A node:http server on 127.0.0.1 (port 0) standing in for the Easemob API:
 * `POST /org/app/token` checks client credentials like the real endpoint and issues `app-token-1`,
 * `app-token-2`... (each added to `valid`), after `tokenDelayMs`; every other path is an API call,
 * answered 200 (echoing nothing secret) when its bearer token is in `valid`, else 401. Every request
 * is counted and recorded.
 */
export async function startAuthServer() {
  const state = {
    tokenRequests: [] as TokenRequestSeen[],
    apiRequests: [] as ApiRequestSeen[],
    /** Tokens the API accepts. Delete one to make the API refuse it. */
    valid: new Set<string>(),
    expiresIn: 7200,
    tokenDelayMs: 20,
    tokenAnswer: undefined as TokenAnswer | undefined,
    issued: 0,
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method === "POST" && req.url === "/org/app/token") {
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
        } catch {
          // leave empty
        }
        const seen = { authorization: req.headers.authorization, contentType: req.headers["content-type"], body };
        state.tokenRequests.push(seen);
        setTimeout(() => {
          const custom = typeof state.tokenAnswer === "function" ? state.tokenAnswer(seen) : state.tokenAnswer;
          if (custom) return reply(custom.status, custom.body);
          const fail = (error: string, description: string) =>
            reply(400, { error, exception: "EasemobSecurityException", timestamp: 1, duration: 0, error_description: description });
          if (!body.client_id) return fail("illegal_argument", "client_id must be provided.");
          if (!body.client_secret) return fail("illegal_argument", "client_secret must be provided");
          if (body.client_id !== CLIENT_ID) return fail("invalid_grant", "client_id does not match");
          if (body.client_secret !== CLIENT_SECRET) return fail("invalid_grant", "client_secret does not match");
          const token = `app-token-${++state.issued}`;
          state.valid.add(token);
          reply(200, { access_token: token, expires_in: state.expiresIn, application: "8be024f0-e978-11e8-b697-5d598d5f8402" });
        }, state.tokenDelayMs);
        return;
      }
      const authorization = req.headers.authorization;
      state.apiRequests.push({ method: req.method ?? "", url: req.url ?? "", authorization, body: raw });
      const token = authorization?.startsWith("Bearer ") ? authorization.slice("Bearer ".length) : undefined;
      if (token === undefined || !state.valid.has(token)) {
        return reply(401, { error: "unauthorized", error_description: "Unable to authenticate (OAuth)" });
      }
      reply(200, { action: req.method?.toLowerCase(), data: { bytes: raw.length } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    state,
    origin,
    tokenUrl: `${origin}/org/app/token`,
    apiUrl: `${origin}/org/app/chatgroups/g1/users`,
    reset() {
      state.tokenRequests.length = 0;
      state.apiRequests.length = 0;
      state.valid.clear();
      state.expiresIn = 7200;
      state.tokenDelayMs = 20;
      state.tokenAnswer = undefined;
      state.issued = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

export type AuthServer = Awaited<ReturnType<typeof startAuthServer>>;

/** The platform fetch, as the auth layer's FetchLike. */
export const platformFetch = (request: Request): Promise<Response> => fetch(request);

/** A clock the test moves by hand. */
export function manualClock(start = 1_700_000_000_000) {
  let time = start;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
}

/** Every way an error could be shown or shipped: none of them may contain any of `secrets`. */
export function expectNothingSecret(error: unknown, secrets: readonly string[]): void {
  const views = [
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
    String(error),
    error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : "",
    JSON.stringify(Object.fromEntries(Object.entries(error as object))),
  ];
  for (const view of views) for (const secret of secrets) expect(view).not.toContain(secret);
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

/** One server for the calling test file: started before all tests, reset before each, closed after all. */
export function useAuthServer(): () => AuthServer {
  let server: AuthServer | undefined;
  beforeAll(async () => {
    server = await startAuthServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => server?.reset());
  return () => {
    if (!server) throw new Error("the auth test server is not started yet");
    return server;
  };
}
