/// <reference types="node" />
// The token endpoint failing, hanging, redirecting or dropping a connection, and what calls see.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tokenSource, TokenRequestError } from "../src/auth/index.js";
import { RENEWAL_PAUSE_MS } from "../src/auth/cached-source.js";
import { createClient, InvalidRequestError } from "../src/index.js";
import { credentials, manualClock, platformFetch, rejectionOf, useAuthServer } from "./auth-server.js";
import { startRetryServer, type RetryServer } from "./support/retry-server.js";

const server = useAuthServer();
const members = { params: { path: { group_id: "g1" } } } as const;

describe("proactive renewal", () => {
  it("falls back to the still-valid token when the renewal fails, and fails only once that token has expired", async () => {
    const clock = manualClock();
    server().state.expiresIn = 100;
    const tokens = tokenSource(credentials, { tokenUrl: server().tokenUrl, fetch: platformFetch, now: clock.now });
    expect(await tokens.current()).toBe("app-token-1");
    server().state.tokenAnswer = { status: 503, body: { error: "service_unavailable", error_description: "busy" } };
    clock.advance(60_000); // renewal due, 40 s of validity left
    expect(await tokens.current()).toBe("app-token-1");
    await vi.waitFor(() => expect(server().state.tokenRequests).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The failed renewal pauses further attempts for a while instead of one per call.
    expect(await tokens.current()).toBe("app-token-1");
    expect(server().state.tokenRequests).toHaveLength(2);
    clock.advance(RENEWAL_PAUSE_MS);
    expect(await tokens.current()).toBe("app-token-1");
    await vi.waitFor(() => expect(server().state.tokenRequests).toHaveLength(3));
    clock.advance(40_000); // expired now
    await expect(tokens.current()).rejects.toBeInstanceOf(TokenRequestError);
  });

  it("a call during a failing renewal is sent with the cached token", async () => {
    const start = Date.now();
    server().state.expiresIn = 100;
    const im = createClient({ host: server().origin, orgName: "org", appName: "app", retry: { maxAttempts: 1 } }, credentials);
    const first = await im.GET("/chatgroups/{group_id}/users", members);
    expect(first.response.status).toBe(200);
    server().state.tokenAnswer = { status: 503, body: { error: "service_unavailable" } };
    vi.spyOn(Date, "now").mockImplementation(() => start + 60_000); // renewal due, still valid
    try {
      const during = await im.GET("/chatgroups/{group_id}/users", members);
      expect(during.response.status).toBe(200);
      expect(server().state.apiRequests.map((r) => r.authorization)).toEqual(["Bearer app-token-1", "Bearer app-token-1"]);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe("a token endpoint that hangs", () => {
  it("a caller's abort frees the others: a later caller starts a fresh request instead of joining the doomed one", async () => {
    server().state.tokenDelayMs = 3_000;
    const tokens = tokenSource(credentials, { tokenUrl: server().tokenUrl, fetch: platformFetch });
    const started = performance.now();
    await expect(tokens.current(AbortSignal.timeout(100))).rejects.toMatchObject({ name: "TimeoutError" });
    expect(performance.now() - started).toBeLessThan(1_000);
    server().state.tokenDelayMs = 5;
    const later = performance.now();
    expect(await tokens.current(AbortSignal.timeout(1_000))).toBe("app-token-1");
    expect(performance.now() - later).toBeLessThan(1_000);
    expect(server().state.tokenRequests).toHaveLength(2);
  });

  it("a call made just after another timed out gets its own token request and succeeds", async () => {
    server().state.tokenDelayMs = 3_000;
    const im = createClient({ host: server().origin, orgName: "org", appName: "app", retry: { timeoutMs: 300, maxAttempts: 1 } }, credentials);
    await expect(im.GET("/chatgroups/{group_id}/users", members)).rejects.toMatchObject({ name: "TimeoutError" });
    server().state.tokenDelayMs = 5;
    const { response } = await im.GET("/chatgroups/{group_id}/users", members);
    expect(response.status).toBe(200);
  });
});

describe("token requests through createClient", () => {
  let scripted: RetryServer;
  let elsewhere: RetryServer;
  beforeAll(async () => {
    scripted = await startRetryServer();
    elsewhere = await startRetryServer();
  });
  afterAll(async () => {
    await scripted?.close();
    await elsewhere?.close();
  });
  const tokenAnswer = { status: 200, body: JSON.stringify({ access_token: "scripted-token-1", expires_in: 3600 }) };

  it("a dropped connection to the token endpoint is retried like any request", async () => {
    scripted.script("destroy", tokenAnswer, 200);
    const im = createClient({ host: scripted.url, orgName: "o", appName: "a", retry: { baseDelayMs: 1 } }, credentials);
    const { response } = await im.GET("/chatgroups/{group_id}/users", members);
    expect(response.status).toBe(200);
    expect(scripted.received.map((r) => `${r.method} ${r.url}`)).toEqual(["POST /o/a/token", "POST /o/a/token", "GET /o/a/chatgroups/g1/users"]);
    expect(scripted.received[2]?.headers.authorization).toBe("Bearer scripted-token-1");
  });

  it("a redirect from the token endpoint is refused: the secret is not posted anywhere else", async () => {
    elsewhere.script(tokenAnswer);
    scripted.script({ status: 307, headers: { Location: `${elsewhere.url}/steal` } });
    const im = createClient({ host: scripted.url, orgName: "o", appName: "a", retry: { maxAttempts: 1 } }, credentials);
    const error = await rejectionOf(im.GET("/chatgroups/{group_id}/users", members));
    expect(error).toBeInstanceOf(TokenRequestError);
    expect(error).toMatchObject({ status: 307, message: expect.stringContaining("redirect") });
    expect(elsewhere.received).toHaveLength(0);
    expect(scripted.received).toHaveLength(1);
  });

  it("a client-side error is never retried: a token function returning an unusable token is called once", async () => {
    scripted.script(200);
    let calls = 0;
    const im = createClient({ host: scripted.url, orgName: "o", appName: "a", retry: { baseDelayMs: 1 } }, { getToken: () => (calls++, "bad token") });
    const error = await rejectionOf(im.GET("/chatgroups/{group_id}/users", members));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).not.toBeInstanceOf(TypeError);
    expect(calls).toBe(1);
    expect(scripted.received).toHaveLength(0);
  });
});
