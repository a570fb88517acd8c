/// <reference types="node" />
import { describe, expect, it, vi } from "vitest";
import { InvalidRequestError } from "../src/errors.js";
import { tokenSource, TokenRequestError, type Auth } from "../src/auth/index.js";
import { tokenOperationId } from "../src/generated/path-rules.js";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  credentials,
  manualClock,
  platformFetch,
  rejectionOf,
  useAuthServer,
} from "./auth-server.js";

const server = useAuthServer();

const context = (now?: () => number) => ({ tokenUrl: server().tokenUrl, fetch: platformFetch, ...(now ? { now } : {}) });

describe("client credentials", () => {
  it("sends one token request for 10 concurrent callers, as documented JSON without Authorization", async () => {
    const tokens = tokenSource(credentials, context());
    const all = await Promise.all(Array.from({ length: 10 }, () => tokens.current()));
    expect(new Set(all)).toEqual(new Set(["app-token-1"]));
    expect(server().state.tokenRequests).toHaveLength(1);
    const [seen] = server().state.tokenRequests;
    expect(seen?.body).toEqual({ grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    expect(seen?.contentType).toBe("application/json");
    expect(seen?.authorization).toBeUndefined();
  });

  it("sends ttl when given (0 included)", async () => {
    await tokenSource({ ...credentials, ttl: 3600 }, context()).current();
    await tokenSource({ ...credentials, ttl: 0 }, context()).current();
    expect(server().state.tokenRequests.map((r) => r.body.ttl)).toEqual([3600, 0]);
  });

  it("reuses the token until half of expires_in has passed, then renews it once, in the background", async () => {
    const clock = manualClock();
    server().state.expiresIn = 100;
    const tokens = tokenSource(credentials, context(clock.now));
    expect(await tokens.current()).toBe("app-token-1");
    clock.advance(49_999);
    expect(await tokens.current()).toBe("app-token-1");
    expect(server().state.tokenRequests).toHaveLength(1);
    clock.advance(1);
    // Still valid: handed out at once while one renewal runs.
    const during = await Promise.all(Array.from({ length: 10 }, () => tokens.current()));
    expect(new Set(during)).toEqual(new Set(["app-token-1"]));
    await vi.waitFor(() => expect(tokens.peek()).toBe("app-token-2"));
    expect(server().state.tokenRequests).toHaveLength(2);
    clock.advance(49_999);
    expect(await tokens.current()).toBe("app-token-2");
    expect(server().state.tokenRequests).toHaveLength(2);
  });

  it("honours a configured renewAfter share", async () => {
    const clock = manualClock();
    server().state.expiresIn = 100;
    const tokens = tokenSource({ ...credentials, renewAfter: 0.9 }, context(clock.now));
    await tokens.current();
    clock.advance(89_999);
    await tokens.current();
    expect(server().state.tokenRequests).toHaveLength(1);
    clock.advance(1);
    await tokens.current();
    await vi.waitFor(() => expect(tokens.peek()).toBe("app-token-2"));
    expect(server().state.tokenRequests).toHaveLength(2);
  });

  it("never renews a token that never expires (expires_in 0) until it is rejected", async () => {
    const clock = manualClock();
    server().state.expiresIn = 0;
    const tokens = tokenSource({ ...credentials, ttl: 0 }, context(clock.now));
    await tokens.current();
    clock.advance(10 * 365 * 24 * 3600 * 1000);
    expect(await tokens.current()).toBe("app-token-1");
    expect(server().state.tokenRequests).toHaveLength(1);
    expect(await tokens.renew("app-token-1")).toBe("app-token-2");
  });

  it("renews once for any number of concurrent rejections of the same token", async () => {
    const tokens = tokenSource(credentials, context());
    await tokens.current();
    const renewed = await Promise.all(Array.from({ length: 5 }, () => tokens.renew("app-token-1")));
    expect(new Set(renewed)).toEqual(new Set(["app-token-2"]));
    // A late rejection of the old token gets the already renewed one, without a request.
    expect(await tokens.renew("app-token-1")).toBe("app-token-2");
    expect(server().state.tokenRequests).toHaveLength(2);
  });

  it("shares one failed request among concurrent callers, caches nothing, and tries again on the next call", async () => {
    server().state.tokenAnswer = { status: 503, body: { error: "service_unavailable", error_description: "busy" } };
    const tokens = tokenSource(credentials, context());
    const outcomes = await Promise.allSettled(Array.from({ length: 4 }, () => tokens.current()));
    expect(outcomes.every((o) => o.status === "rejected" && o.reason instanceof TokenRequestError)).toBe(true);
    expect(server().state.tokenRequests).toHaveLength(1);
    server().state.tokenAnswer = undefined;
    expect(await tokens.current()).toBe("app-token-1");
    expect(server().state.tokenRequests).toHaveLength(2);
  });

  it("throws TokenRequestError with the body's error fields on a 400", async () => {
    const tokens = tokenSource({ clientId: CLIENT_ID, clientSecret: "wrong-secret" }, context());
    const error = await rejectionOf(tokens.current());
    expect(error).toBeInstanceOf(TokenRequestError);
    expect(error).toMatchObject({
      name: "TokenRequestError",
      status: 400,
      error: "invalid_grant",
      error_description: "client_secret does not match",
      errorDescription: "client_secret does not match",
      exception: "EasemobSecurityException",
      operationId: tokenOperationId,
    });
    expect((error as Error).message).toBe("App token request failed: 400 invalid_grant: client_secret does not match");
  });

  it("throws TokenRequestError without status when the endpoint cannot be reached", async () => {
    const tokens = tokenSource(credentials, { tokenUrl: "http://127.0.0.1:1/org/app/token", fetch: platformFetch });
    const error = await rejectionOf(tokens.current());
    expect(error).toBeInstanceOf(TokenRequestError);
    expect(error).toMatchObject({ status: undefined, message: expect.stringContaining("could not be reached") });
  });

  it.each([
    ["no access_token", { expires_in: 10 }, "access_token"],
    ["an access_token a header cannot carry", { access_token: "bad token\r\n", expires_in: 10 }, "access_token"],
    ["no expires_in", { access_token: "t" }, "expires_in"],
    ["a negative expires_in", { access_token: "t", expires_in: -1 }, "expires_in"],
  ])("refuses a 200 with %s", async (_, body, field) => {
    server().state.tokenAnswer = { status: 200, body };
    const error = await rejectionOf(tokenSource(credentials, context()).current());
    expect(error).toBeInstanceOf(TokenRequestError);
    expect((error as Error).message).toContain(field);
  });
});

describe("a fixed token", () => {
  it("is always the same, and cannot be renewed", async () => {
    const tokens = tokenSource("fixed-token", context());
    expect(await tokens.current()).toBe("fixed-token");
    expect(await tokens.renew("fixed-token")).toBe("fixed-token");
    expect(server().state.tokenRequests).toHaveLength(0);
  });
});

describe("a token function", () => {
  it("is called on first use (once for concurrent callers) and again on renew, not per call", async () => {
    let calls = 0;
    const tokens = tokenSource({ getToken: async () => `agora-${++calls}` }, context());
    expect(await Promise.all([tokens.current(), tokens.current(), tokens.current()])).toEqual(["agora-1", "agora-1", "agora-1"]);
    expect(await tokens.current()).toBe("agora-1");
    expect(calls).toBe(1);
    expect(await Promise.all([tokens.renew("agora-1"), tokens.renew("agora-1")])).toEqual(["agora-2", "agora-2"]);
    expect(calls).toBe(2);
    expect(server().state.tokenRequests).toHaveLength(0);
  });

  it("may be synchronous; a throw is passed on and the next call tries again", async () => {
    let calls = 0;
    const tokens = tokenSource(
      {
        getToken: () => {
          if (++calls === 1) throw new Error("certificate not loaded yet");
          return "agora-ok";
        },
      },
      context(),
    );
    await expect(tokens.current()).rejects.toThrow("certificate not loaded yet");
    expect(await tokens.current()).toBe("agora-ok");
  });
});

describe("configuration is checked up front, synchronously, naming the field", () => {
  it.each<[string, unknown, string]>([
    ["an empty fixed token", "", "auth"],
    ["a fixed token with a line break", "tok\nen", "auth"],
    ["no auth", undefined, "auth"],
    ["an object of neither shape", { token: "x" }, "auth"],
    ["both shapes", { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, getToken: () => "t" }, "auth"],
    ["an empty clientId", { clientId: "", clientSecret: CLIENT_SECRET }, "auth.clientId"],
    ["a missing clientSecret", { clientId: CLIENT_ID }, "auth.clientSecret"],
    ["a blank clientSecret", { clientId: CLIENT_ID, clientSecret: "  " }, "auth.clientSecret"],
    ["a negative ttl", { ...credentials, ttl: -1 }, "auth.ttl"],
    ["a fractional ttl", { ...credentials, ttl: 1.5 }, "auth.ttl"],
    ["renewAfter 0", { ...credentials, renewAfter: 0 }, "auth.renewAfter"],
    ["renewAfter above 1", { ...credentials, renewAfter: 1.01 }, "auth.renewAfter"],
    ["renewAfter NaN", { ...credentials, renewAfter: Number.NaN }, "auth.renewAfter"],
    ["getToken not a function", { getToken: "t" }, "auth.getToken"],
  ])("refuses %s", (_, auth, field) => {
    const attempt = () => tokenSource(auth as Auth, context());
    expect(attempt).toThrow(InvalidRequestError);
    expect(attempt).toThrow(expect.objectContaining({ field }));
  });

  it("accepts renewAfter 1", () => {
    expect(() => tokenSource({ ...credentials, renewAfter: 1 }, context())).not.toThrow();
  });

  it("refuses a token URL that is not absolute http(s)", () => {
    for (const tokenUrl of ["/org/app/token", "ftp://h/org/app/token", ""]) {
      expect(() => tokenSource(credentials, { tokenUrl, fetch: platformFetch })).toThrow(
        expect.objectContaining({ field: "context.tokenUrl" }),
      );
    }
  });
});
