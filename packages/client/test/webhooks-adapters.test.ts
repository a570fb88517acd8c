import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  createWebhookReceiver,
  expressHandler,
  fetchHandler,
  nodeHandler,
  postSendEndpoint,
  preSendEndpoint,
  preSendReply,
  type ReceivedCallback,
  type WebhookEndpoint,
} from "../src/webhooks/index.js";
import { clockAt, documentedCallbacks, signed, SECRET, type Body } from "./webhooks-examples.js";

const kick = documentedCallbacks.find((c) => c.webhook === "mucKick" && c.name === "group");
const preSendExample = documentedCallbacks.find((c) => c.webhook === "preSendMessage");
if (!kick || !preSendExample) throw new Error("the mucKick and preSendMessage examples are missing");
const kickCallback = signed(kick.body);
const forged = { ...kickCallback, security: "0".repeat(32) };

/** A post-send endpoint recording what its handler got; the handler throws when `fail` is set. */
function recordingEndpoint(options: { fail?: Error; maxBodyBytes?: number } = {}) {
  const received: ReceivedCallback[] = [];
  const receiver = createWebhookReceiver({ secret: SECRET, now: clockAt(kick!.body), ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}) });
  const endpoint = postSendEndpoint(receiver, (callback) => {
    if (options.fail) throw options.fail;
    received.push(callback);
  });
  return { endpoint, received };
}

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/callbacks`;
}

const post = (url: string, body: string | Body) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

type Route = (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: (error?: unknown) => void) => Promise<void>;

/** What Express does around a route: express.json() puts the parsed body on `req.body`; `next(error)` reaches its error handler, which answers 500. */
function likeExpress(route: Route, onNext: (error: unknown) => void = () => {}): RequestListener {
  return async (req, res) => {
    let text = "";
    for await (const chunk of req) text += chunk;
    await route(Object.assign(req, { body: JSON.parse(text) as unknown }), res, (error) => {
      onNext(error);
      res.statusCode = 500;
      res.end();
    });
  };
}

describe.each([
  ["node:http", (endpoint: WebhookEndpoint) => nodeHandler(endpoint, { onError: () => {} })],
  ["Express-style, body already parsed", (endpoint: WebhookEndpoint) => likeExpress(expressHandler(endpoint))],
  ["Express-style, stream unread", (endpoint: WebhookEndpoint) => ((req, res) => void expressHandler(endpoint)(req, res, () => {})) as RequestListener],
])("%s", (_, adapt) => {
  it("answers 200 with an empty body and hands the named callback over", async () => {
    const { endpoint, received } = recordingEndpoint();
    const response = await post(await serve(adapt(endpoint)), kickCallback);
    expect([response.status, await response.text()]).toEqual([200, ""]);
    expect(received).toEqual([{ ok: true, event: "mucKick", body: kickCallback }]);
  });

  it("answers a forged callback 401 with the reason, and never calls the handler", async () => {
    const { endpoint, received } = recordingEndpoint();
    const response = await post(await serve(adapt(endpoint)), forged);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "bad-signature" });
    expect(received).toEqual([]);
  });
});

describe("node:http", () => {
  it("answers 405 to anything but POST, 413 past the size limit, 400 to a body that is not JSON", async () => {
    const { endpoint, received } = recordingEndpoint({ maxBodyBytes: 64 });
    const url = await serve(nodeHandler(endpoint));
    const get = await fetch(url);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
    expect((await post(url, "x".repeat(65))).status).toBe(413);
    expect((await post(url, "{not json")).status).toBe(400);
    expect(received).toEqual([]);
  });

  it("answers 500 when the handler throws, and gives onError the error", async () => {
    const failure = new Error("database down");
    const errors: unknown[] = [];
    const { endpoint } = recordingEndpoint({ fail: failure });
    const response = await post(await serve(nodeHandler(endpoint, { onError: (error) => errors.push(error) })), kickCallback);
    expect(response.status).toBe(500);
    expect(errors).toEqual([failure]);
  });
});

describe("Express-style", () => {
  it("passes an error thrown by the handler to next, for the app's error handler to answer", async () => {
    const failure = new Error("database down");
    const passed: unknown[] = [];
    const { endpoint } = recordingEndpoint({ fail: failure });
    const response = await post(await serve(likeExpress(expressHandler(endpoint), (error) => passed.push(error))), kickCallback);
    expect(response.status).toBe(500);
    expect(passed).toEqual([failure]);
  });
});

describe("Fetch Request handler", () => {
  const requestOf = (body: string | Body, init: RequestInit = {}) =>
    new Request("https://app.example/callbacks", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), ...init });

  it("answers a post-send callback 200 and a forged one 401", async () => {
    const { endpoint, received } = recordingEndpoint();
    const handle = fetchHandler(endpoint);
    expect((await handle(requestOf(kickCallback))).status).toBe(200);
    const refused = await handle(requestOf(forged));
    expect([refused.status, ((await refused.json()) as { error: string }).error]).toEqual([401, "bad-signature"]);
    expect(received.map((c) => c.event)).toEqual(["mucKick"]);
  });

  it("answers 405 to a GET, 413 to a declared length past the limit, 500 when the handler throws", async () => {
    expect((await fetchHandler(recordingEndpoint().endpoint)(new Request("https://app.example/callbacks"))).status).toBe(405);
    const small = fetchHandler(recordingEndpoint({ maxBodyBytes: 64 }).endpoint);
    expect((await small(requestOf("x".repeat(65), { headers: { "content-length": "65" } }))).status).toBe(413);
    const errors: unknown[] = [];
    const failing = fetchHandler(recordingEndpoint({ fail: new Error("boom") }).endpoint, { onError: (error) => errors.push(error) });
    expect((await failing(requestOf(kickCallback))).status).toBe(500);
    expect(errors).toHaveLength(1);
  });

  describe("pre-send endpoint", () => {
    const callback = signed(preSendExample.body);
    const receiver = createWebhookReceiver({ secret: SECRET, now: clockAt(preSendExample.body) });

    it("answers 200 with the verdict as JSON", async () => {
      const handle = fetchHandler(preSendEndpoint(receiver, (c) => (c.body.from === "user1" ? preSendReply.reject("HX:10001") : preSendReply.pass())));
      const response = await handle(requestOf(callback));
      expect([response.status, response.headers.get("content-type"), await response.json()]).toEqual([200, "application/json", { valid: false, code: "HX:10001" }]);
    });

    it("answers a verdict longer than the server accepts 500, so the rule's default policy applies", async () => {
      const errors: unknown[] = [];
      const handle = fetchHandler(preSendEndpoint(receiver, () => preSendReply.reject("c".repeat(1000))), { onError: (error) => errors.push(error) });
      expect((await handle(requestOf(callback))).status).toBe(500);
      expect(errors[0]).toBeInstanceOf(RangeError);
    });

    it("answers a forged pre-send callback 401 without asking", async () => {
      let asked = false;
      const handle = fetchHandler(preSendEndpoint(receiver, () => ((asked = true), preSendReply.pass())));
      expect((await handle(requestOf({ ...callback, timestamp: (callback["timestamp"] as number) + 1 }))).status).toBe(401);
      expect(asked).toBe(false);
    });
  });
});
