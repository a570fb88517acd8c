/// <reference types="node" />
// A token or the client secret must never appear in an error's message, fields, stack, cause or inspection.
import { describe, expect, it } from "vitest";
import { InvalidRequestError } from "../src/errors.js";
import { tokenSource, TokenRequestError, withAuth, type Auth, type TokenSource } from "../src/auth/index.js";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  credentials,
  expectNothingSecret,
  platformFetch,
  rejectionOf,
  useAuthServer,
} from "./auth-server.js";

const server = useAuthServer();

const authed = (auth: Auth, tokenUrl = server().tokenUrl) => {
  const tokens = tokenSource(auth, { tokenUrl, fetch: platformFetch });
  return { tokens, fetch: withAuth(platformFetch, tokens) };
};

describe("no secret or token in errors", () => {
  it("a refused token request (wrong secret), directly and through withAuth", async () => {
    const wrong = "wrong-secret-value-123";
    const { tokens, fetch } = authed({ clientId: CLIENT_ID, clientSecret: wrong });
    const direct = await rejectionOf(tokens.current());
    const viaFetch = await rejectionOf(fetch(new Request(server().apiUrl)));
    for (const error of [direct, viaFetch]) {
      expect(error).toBeInstanceOf(TokenRequestError);
      expectNothingSecret(error, [wrong]);
    }
    expect(server().state.apiRequests).toHaveLength(0);
  });

  it("an error body that echoes the secret and a bearer token is cleaned", async () => {
    server().state.tokenAnswer = {
      status: 400,
      body: {
        error: `invalid_grant ${CLIENT_SECRET}`,
        error_description: `client_secret ${CLIENT_SECRET} does not match; Authorization: Bearer app-token-echoed`,
        exception: CLIENT_SECRET,
      },
    };
    const error = await rejectionOf(authed(credentials).tokens.current());
    expect(error).toMatchObject({
      status: 400,
      error_description: "client_secret [redacted] does not match; Authorization: Bearer [redacted]",
    });
    expectNothingSecret(error, [CLIENT_SECRET, "app-token-echoed"]);
  });

  it("a 401 whose renewal fails: neither the refused token nor the secret", async () => {
    const { tokens, fetch } = authed(credentials);
    const stale = await tokens.current();
    server().state.valid.delete(stale);
    server().state.tokenAnswer = { status: 503, body: { error: "service_unavailable", error_description: "try later" } };
    const error = await rejectionOf(fetch(new Request(server().apiUrl, { method: "POST", body: "{}" })));
    expect(error).toBeInstanceOf(TokenRequestError);
    expect(error).toMatchObject({ status: 503, error: "service_unavailable" });
    expectNothingSecret(error, [stale, CLIENT_SECRET]);
    expect(server().state.apiRequests).toHaveLength(1);
  });

  it("a 200 whose access_token a header cannot carry", async () => {
    server().state.tokenAnswer = { status: 200, body: { access_token: "leaky-token\nX-Injected: 1", expires_in: 60 } };
    const error = await rejectionOf(authed(credentials).fetch(new Request(server().apiUrl)));
    expect(error).toBeInstanceOf(TokenRequestError);
    expectNothingSecret(error, ["leaky-token", CLIENT_SECRET]);
  });

  it("an unreachable token endpoint (network error kept as cause)", async () => {
    const error = await rejectionOf(authed(credentials, "http://127.0.0.1:1/org/app/token").tokens.current());
    expect(error).toBeInstanceOf(TokenRequestError);
    expect((error as Error).cause).toBeDefined();
    expectNothingSecret(error, [CLIENT_SECRET]);
  });

  it("a token function that returns a token a header cannot carry", async () => {
    const error = await rejectionOf(authed({ getToken: () => "agora-leak\r\nX: y" }).fetch(new Request(server().apiUrl)));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ field: "auth.getToken" });
    expectNothingSecret(error, ["agora-leak"]);
  });

  it("a custom token source handing out a malformed token (Headers.set would quote it)", async () => {
    const source: TokenSource = { peek: () => undefined, current: async () => "custom-leak\nx", renew: async (t) => t };
    const error = await rejectionOf(withAuth(platformFetch, source)(new Request(server().apiUrl)));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expectNothingSecret(error, ["custom-leak"]);
    expect(server().state.apiRequests).toHaveLength(0);
  });

  it.each<[string, Auth]>([
    ["renewAfter out of range", { ...credentials, renewAfter: 2 }],
    ["a negative ttl", { ...credentials, ttl: -5 }],
    ["an empty clientId", { clientId: "", clientSecret: CLIENT_SECRET }],
    ["both shapes", { ...credentials, getToken: () => "t" } as Auth],
    ["a fixed token with a line break", `${CLIENT_SECRET}\n`],
  ])("a configuration error (%s)", (_, auth) => {
    let error: unknown;
    try {
      tokenSource(auth, { tokenUrl: server().tokenUrl, fetch: platformFetch });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidRequestError);
    expectNothingSecret(error, [CLIENT_SECRET]);
  });
});
