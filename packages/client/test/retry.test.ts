/// <reference types="node" />
import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import createFetchClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FetchLike } from "../src/fetch-like.js";
import { withRetries, type RetryOptions } from "../src/retry/with-retries.js";
import { startRetryServer, type RetryServer } from "./support/retry-server.js";

let server: RetryServer;
beforeAll(async () => {
  server = await startRetryServer();
});
afterAll(async () => {
  await server.close();
});

const fast: RetryOptions = { baseDelayMs: 2, maxDelayMs: 20 };
const client = (options: RetryOptions = fast) => withRetries((request) => fetch(request), options);
const request = (method: string, init: RequestInit = {}) => new Request(`${server.url}/r`, { method, ...init });
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
};

describe("withRetries: which outcomes are retried", () => {
  it("retries 429, 429 then returns the 200 after 3 requests", async () => {
    server.script(429, 429, { status: 200, body: '{"ok":true}' });
    const response = await client()(request("GET"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(server.received).toHaveLength(3);
  });

  it("retries a POST refused with 503 (2 requests)", async () => {
    server.script(503, 200);
    const response = await client()(request("POST", { body: "{}" }));
    expect(response.status).toBe(200);
    expect(server.received.map((r) => r.method)).toEqual(["POST", "POST"]);
  });

  it.each([
    ["POST", 502],
    ["POST", 504],
    ["PATCH", 502],
  ])("does not retry a %s answered %s: one request, that response returned", async (method, status) => {
    server.script(status, 200);
    const response = await client()(request(method, { body: '{"a":1}' }));
    expect(response.status).toBe(status);
    expect(server.received).toHaveLength(1);
  });

  it.each([
    ["GET", 502],
    ["DELETE", 502],
    ["PUT", 504],
    ["HEAD", 504],
  ])("retries a %s answered %s (2 requests)", async (method, status) => {
    server.script(status, 200);
    const response = await client()(request(method));
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 500, 501, 200, 201])("returns %s as is after one request", async (status) => {
    server.script(status, 200);
    const response = await client()(request("GET"));
    expect(response.status).toBe(status);
    expect(server.received).toHaveLength(1);
  });

  it("retries a GET after a network error (socket destroyed)", async () => {
    server.script("destroy", 200);
    const response = await client()(request("GET"));
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(2);
  });

  it("does not retry a POST after a network error: it throws after one request", async () => {
    server.script("destroy", 200);
    const error = await rejection(client()(request("POST", { body: "{}" })));
    expect(error).toBeInstanceOf(TypeError);
    expect(server.received).toHaveLength(1);
  });

  it("rethrows the last network error once the attempts are used up", async () => {
    server.script("destroy");
    const error = await rejection(client({ ...fast, maxAttempts: 3 })(request("GET")));
    expect(error).toBeInstanceOf(TypeError);
    expect(server.received).toHaveLength(3);
  });
});

describe("withRetries: bounds", () => {
  it("returns the last response after exactly maxAttempts requests", async () => {
    server.script(503);
    const response = await client({ ...fast, maxAttempts: 3 })(request("GET"));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 503 });
    expect(server.received).toHaveLength(3);
  });

  it("sends 4 requests by default and one with maxAttempts: 1", async () => {
    server.script(429);
    expect((await client()(request("GET"))).status).toBe(429);
    expect(server.received).toHaveLength(4);
    server.script(429);
    expect((await client({ ...fast, maxAttempts: 1 })(request("GET"))).status).toBe(429);
    expect(server.received).toHaveLength(1);
  });

  it("stops when the next wait would pass maxElapsedMs and returns the last response", async () => {
    server.script(503);
    // waits are exactly 100 ms, 200 ms, ...: the second would end past 250 ms
    const options = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 10_000, maxElapsedMs: 250, random: () => 1 };
    const started = performance.now();
    const response = await client(options)(request("GET"));
    const elapsed = performance.now() - started;
    expect(response.status).toBe(503);
    expect(server.received).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(290); // a third attempt could not start before 300 ms
  });

  it("uses the injected random source for the waits", async () => {
    server.script(503, 503, 200);
    const started = performance.now();
    const response = await client({ baseDelayMs: 10_000, random: () => 0 })(request("GET"));
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(3);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("withRetries: Retry-After", () => {
  it("waits Retry-After seconds instead of the backoff", async () => {
    server.script({ status: 429, headers: { "Retry-After": "1" } }, 200);
    const started = performance.now();
    const response = await client({ baseDelayMs: 1, random: () => 0 })(request("POST", { body: "{}" }));
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(3000);
  });

  it("retries at once on Retry-After: 0 even when the backoff would be long", async () => {
    server.script({ status: 503, headers: { "Retry-After": "0" } }, 200);
    const started = performance.now();
    const response = await client({ baseDelayMs: 60_000, random: () => 1 })(request("GET"));
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("returns the response at once when Retry-After exceeds the remaining budget", async () => {
    server.script({ status: 429, headers: { "Retry-After": "60" } }, 200);
    const started = performance.now();
    const response = await client({ ...fast, maxElapsedMs: 5000 })(request("GET"));
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("60");
    expect(server.received).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("withRetries: the body is replayed intact", () => {
  it("sends the same JSON body and headers on every attempt", async () => {
    server.script(503, 429, 200);
    const json = JSON.stringify({ usernames: ["u1", "u2"], note: "héllo ✓" });
    const response = await client()(
      request("POST", { body: json, headers: { "Content-Type": "application/json", "X-Trace": "t1" } }),
    );
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(3);
    for (const received of server.received) {
      expect(received.body.toString("utf8")).toBe(json);
      expect(received.headers["content-type"]).toBe("application/json");
      expect(received.headers["x-trace"]).toBe("t1");
    }
  });

  it("sends a 1 MB body byte-identical on every attempt", async () => {
    server.script(502, 503, 200);
    const bytes = randomBytes(1024 * 1024);
    const response = await client()(request("PUT", { body: bytes }));
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(3);
    for (const received of server.received) {
      expect(received.body.length).toBe(bytes.length);
      expect(received.body.equals(bytes)).toBe(true);
    }
  });

  it("replays a streamed body (readable once) byte-identical", async () => {
    server.script(429, 503, 200);
    const bytes = randomBytes(300_000);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 65_536) controller.enqueue(bytes.subarray(i, i + 65_536));
        controller.close();
      },
    });
    const response = await client()(request("POST", { body: stream, duplex: "half" } as RequestInit));
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(3);
    for (const received of server.received) expect(received.body.equals(bytes)).toBe(true);
  });
});

describe("withRetries: abort and timeout", () => {
  it("rejects promptly with an AbortError when aborted during a wait, and sends nothing more", async () => {
    server.script(503, 200);
    const controller = new AbortController();
    const started = performance.now();
    const pending = client({ baseDelayMs: 5000, random: () => 1 })(request("GET", { signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    const error = await rejection(pending);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("AbortError");
    await delay(150);
    expect(server.received).toHaveLength(1);
  });

  it("rejects with the signal's own reason", async () => {
    server.script(429, 200);
    const controller = new AbortController();
    const reason = new Error("shutting down");
    const pending = client({ baseDelayMs: 5000, random: () => 1 })(request("POST", { body: "{}", signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 50);
    expect(await rejection(pending)).toBe(reason);
    await delay(100);
    expect(server.received).toHaveLength(1);
  });

  it("sends nothing when the signal is already aborted", async () => {
    server.script(200);
    const error = await rejection(client()(request("GET", { signal: AbortSignal.abort() })));
    expect((error as DOMException).name).toBe("AbortError");
    await delay(50);
    expect(server.received).toHaveLength(0);
  });

  it("rejects with the abort reason when aborted during an attempt, without retrying", async () => {
    server.script("hang");
    const controller = new AbortController();
    const pending = client()(request("GET", { signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    expect((await rejection(pending) as DOMException).name).toBe("AbortError");
    await delay(100);
    expect(server.received).toHaveLength(1);
  });

  it("times out an attempt that does not answer with a TimeoutError", async () => {
    server.script("hang");
    const started = performance.now();
    const error = await rejection(client({ ...fast, timeoutMs: 150 })(request("GET")));
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("TimeoutError");
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1000);
    await delay(100);
    expect(server.received).toHaveLength(1);
  });

  it("counts the timeout over the whole call, attempts and waits together", async () => {
    server.script(503, 503, "hang");
    const error = await rejection(client({ ...fast, timeoutMs: 300 })(request("GET")));
    expect((error as DOMException).name).toBe("TimeoutError");
    await delay(100);
    expect(server.received).toHaveLength(3);
  });

  it("does not start a wait that would outlast the timeout: returns the last response instead", async () => {
    server.script(503, 200);
    const started = performance.now();
    const response = await client({ baseDelayMs: 1000, random: () => 1, timeoutMs: 500 })(request("GET"));
    expect(response.status).toBe(503);
    expect(server.received).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(400);
  });
});

describe("withRetries: hygiene", () => {
  it("cancels the bodies of the responses it retries, not the one it returns", async () => {
    let cancelled = 0;
    const statuses = [429, 503, 200];
    const fake: FetchLike = async () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.enqueue(new TextEncoder().encode("x"));
          },
          cancel() {
            cancelled++;
          },
        }),
        { status: statuses.shift() ?? 200 },
      );
    const response = await withRetries(fake, fast)(new Request("http://example.invalid/", { method: "GET" }));
    expect(response.status).toBe(200);
    expect(cancelled).toBe(2);
    expect(response.bodyUsed).toBe(false);
  });

  it("does not retry errors other than TypeError (not a network error)", async () => {
    let calls = 0;
    const failure = new RangeError("boom");
    const fake: FetchLike = async () => {
      calls++;
      throw failure;
    };
    expect(await rejection(withRetries(fake, fast)(new Request("http://example.invalid/")))).toBe(failure);
    expect(calls).toBe(1);
  });

  it("keeps the Authorization header value out of the errors it rejects with", async () => {
    const token = "s3cr3t-app-token-value";
    const headers = { Authorization: `Bearer ${token}` };
    server.script("destroy");
    const network = await rejection(client()(request("POST", { body: "{}", headers })));
    server.script("hang");
    const timeout = await rejection(client({ ...fast, timeoutMs: 50 })(request("GET", { headers })));
    server.script(503);
    const controller = new AbortController();
    const pending = client({ baseDelayMs: 5000, random: () => 1 })(request("GET", { headers, signal: controller.signal }));
    setTimeout(() => controller.abort(), 30);
    const aborted = await rejection(pending);
    for (const error of [network, timeout, aborted]) {
      expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(token);
    }
    expect(server.received.every((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
  });

  it.each([{ maxAttempts: 0 }, { maxAttempts: 1.5 }, { maxElapsedMs: -1 }, { baseDelayMs: Number.NaN }, { timeoutMs: 0 }])(
    "refuses the options %j",
    (options) => {
      expect(() => withRetries(fetch, options)).toThrow(RangeError);
    },
  );

  it("plugs into openapi-fetch as its fetch", async () => {
    server.script(429, { status: 200, body: '{"data":[1,2]}' });
    const api = createFetchClient<{
      "/r": { get: { responses: { 200: { content: { "application/json": { data: number[] } } } } } };
    }>({ baseUrl: server.url, fetch: withRetries((r) => fetch(r), fast) });
    const { data, response } = await api.GET("/r");
    expect(response.status).toBe(200);
    expect(data).toEqual({ data: [1, 2] });
    expect(server.received).toHaveLength(2);
  });
});

describe("withRetries: waits longer than a Node timer can hold", () => {
  const beyondTimers = 2 ** 31 + 5_000;

  it("a timeoutMs above 2^31 - 1 ms does not time out at once", async () => {
    server.script({ status: 200, body: "{}" });
    const response = await client({ ...fast, timeoutMs: beyondTimers })(request("GET"));
    expect(response.status).toBe(200);
  });

  it("a Retry-After above 2^31 - 1 ms is waited, not retried at once", async () => {
    server.script({ status: 503, headers: { "Retry-After": String(Math.ceil(beyondTimers / 1000)) } }, 200);
    const controller = new AbortController();
    const pending = client({ ...fast, maxElapsedMs: Infinity })(request("GET", { signal: controller.signal }));
    await delay(150);
    controller.abort();
    expect(await rejection(pending)).toMatchObject({ name: "AbortError" });
    expect(server.received).toHaveLength(1);
  });
});
