import { describe, expect, it } from "vitest";
import { createWebhookReceiver, postSendWebhooks, preSendWebhooks, type Received, type ReceivedCallback } from "../src/webhooks/index.js";
import { clockAt, documentedCallbacks, isSigned, SECRET, signed, type Body } from "./webhooks-examples.js";

const preSend = new Set<string>(preSendWebhooks);
const postSendExamples = documentedCallbacks.filter((c) => !preSend.has(c.webhook));
const signedPostSend = postSendExamples.filter((c) => isSigned(c.body));
const unsignedPostSend = postSendExamples.filter((c) => !isSigned(c.body));
const preSendExamples = documentedCallbacks.filter((c) => preSend.has(c.webhook));
const label = (c: { webhook: string; name: string }) => `${c.webhook} ${c.name}`;

const receiverAt = (body: Body, options: { maxAgeMs?: number } = {}) =>
  createWebhookReceiver({ secret: SECRET, now: clockAt(body), ...options });
const reasonOf = (received: Received<unknown>) => (received.ok ? "accepted" : received.reason);
const text = (body: Body) => JSON.stringify(body);

/** Changes one hex digit of the signature, keeping its format. */
const flipped = (security: string) => (security[0] === "0" ? "1" : "0") + security.slice(1);

describe("the documented examples", () => {
  it("cover every post-send webhook and the pre-send one", () => {
    expect(new Set(postSendExamples.map((c) => c.webhook))).toEqual(new Set(postSendWebhooks));
    expect(preSendExamples.length).toBeGreaterThan(0);
  });

  it.each(signedPostSend.map((c) => [label(c), c] as const))("%s: accepted and named after its webhook", (_, { webhook, body }) => {
    const callback = signed(body);
    for (const raw of [text(callback), new TextEncoder().encode(text(callback)), callback]) {
      const received = receiverAt(body).receive(raw);
      expect(received).toEqual({ ok: true, event: webhook, body: callback });
    }
  });

  it.each(preSendExamples.map((c) => [label(c), c] as const))("%s: accepted at a pre-send URL", (_, { webhook, body }) => {
    const callback = signed(body);
    expect(receiverAt(body).receivePreSend(text(callback))).toEqual({ ok: true, event: webhook, body: callback });
  });
});

describe("tampered callbacks", () => {
  const cases = [...signedPostSend, ...preSendExamples];
  /** What the URL the webhook is sent to makes of `raw`, at the original's time. */
  const receiveAs = (webhook: string, original: Body) => (raw: string) => {
    const receiver = receiverAt(original);
    return preSend.has(webhook) ? receiver.receivePreSend(raw) : receiver.receive(raw);
  };

  it.each(cases.map((c) => [label(c), c] as const))("%s: a changed signature, callId or timestamp is a bad signature", (_, { webhook, body }) => {
    const receive = receiveAs(webhook, body);
    const callback = signed(body);
    const security = callback["security"] as string;
    expect(reasonOf(receive(text({ ...callback, security: flipped(security) })))).toBe("bad-signature");
    expect(reasonOf(receive(text({ ...callback, security: security.toUpperCase() })))).toBe("accepted");
    expect(reasonOf(receive(text({ ...callback, callId: `${callback["callId"] as string}0` })))).toBe("bad-signature");
    expect(reasonOf(receive(text({ ...callback, timestamp: (callback["timestamp"] as number) + 1 })))).toBe("bad-signature");
    expect(reasonOf(receive(text(signed(body, "another-secret"))))).toBe("bad-signature");
  });

  it.each(cases.map((c) => [label(c), c] as const))("%s: a signature that is missing or not 32 hex digits is refused", (_, { webhook, body }) => {
    const receive = receiveAs(webhook, body);
    const { security: _security, ...unsigned } = signed(body);
    expect(reasonOf(receive(text(unsigned)))).toBe("unsigned");
    expect(reasonOf(receive(text({ ...unsigned, security: "XXXX" })))).toBe("malformed");
    expect(reasonOf(receive(text({ ...unsigned, security: 12 })))).toBe("malformed");
  });

  it.each(cases.map((c) => [label(c), c] as const))("%s: a timestamp beyond maxAgeMs, either way, is stale", (_, { body }) => {
    const callback = text(signed(body));
    const at = (offset: number) => createWebhookReceiver({ secret: SECRET, maxAgeMs: 60_000, now: () => (body["timestamp"] as number) + offset });
    expect(reasonOf(at(60_000).receive(callback))).not.toBe("stale");
    expect(reasonOf(at(60_001).receive(callback))).toBe("stale");
    expect(reasonOf(at(-60_001).receive(callback))).toBe("stale");
  });

  it("the signature leaves the payload out, as the documented formula does: a changed payload still verifies", () => {
    const kick = signedPostSend.find((c) => c.webhook === "mucKick");
    if (!kick) throw new Error("no mucKick example");
    const callback = signed(kick.body);
    const changed = { ...callback, to: "someone-else", payload: { ...(callback["payload"] as Body), operation: "ban" } };
    const received = receiverAt(kick.body).receive(text(changed));
    expect(received.ok && received.event).toBe("mucBan");
  });
});

describe("malformed bodies", () => {
  const [first] = signedPostSend;
  if (!first) throw new Error("no signed example");
  const receiver = receiverAt(first.body);

  it.each([
    ["not JSON", "{\"callId\":"],
    ["a JSON array", "[]"],
    ["a JSON string", "\"callId\""],
    ["null", "null"],
  ])("%s is malformed", (_, raw) => {
    expect(reasonOf(receiver.receive(raw))).toBe("malformed");
    expect(reasonOf(receiver.receivePreSend(raw))).toBe("malformed");
  });

  it("bytes that are not UTF-8 are malformed", () => {
    expect(reasonOf(receiver.receive(new Uint8Array([0x7b, 0xff, 0x7d])))).toBe("malformed");
  });

  it.each([
    ["missing", undefined],
    ["a string", "1642648175092"],
    ["a fraction", 1642648175092.5],
    ["negative", -1],
  ])("a timestamp that is %s is malformed", (_, timestamp) => {
    const callback = { ...signed(first.body), timestamp };
    expect(reasonOf(receiver.receive(text(callback)))).toBe("malformed");
  });

  it("a callId that is not a non-empty string is malformed, one that is missing unsigned", () => {
    const callback = signed(first.body);
    expect(reasonOf(receiver.receive(text({ ...callback, callId: "" })))).toBe("malformed");
    expect(reasonOf(receiver.receive(text({ ...callback, callId: 42 })))).toBe("malformed");
    const { callId: _, ...withoutCallId } = callback;
    expect(reasonOf(receiver.receive(text(withoutCallId)))).toBe("unsigned");
  });

  it("a body over maxBodyBytes is too large, counted in UTF-8 bytes", () => {
    const small = createWebhookReceiver({ secret: SECRET, maxBodyBytes: 10, now: clockAt(first.body) });
    expect(reasonOf(small.receive("\"1234567\""))).toBe("malformed");
    expect(reasonOf(small.receive("\"一二三\""))).toBe("too-large");
  });

  it("every refusal says why, with the status the adapters answer", () => {
    const refused = receiver.receive("[]");
    expect(refused).toEqual({ ok: false, reason: "malformed", status: 400, message: "the body is not a JSON object" });
    const forged = receiver.receive(text({ ...signed(first.body), security: flipped(first.body["security"] as string) }));
    expect(forged.ok || [forged.status, forged.message.includes(SECRET)]).toEqual([401, false]);
  });
});

describe("callbacks documented without a signature", () => {
  it("are the reaction and thread notifications", () => {
    expect(unsignedPostSend.map((c) => c.webhook).sort()).toEqual(["notifyReaction", "notifyThread"]);
  });

  it.each(unsignedPostSend.map((c) => [label(c), c] as const))("%s: refused unless its webhook is in acceptUnsigned", (_, { webhook, body }) => {
    expect(reasonOf(receiverAt(body).receive(text(body)))).toBe("unsigned");
    const others = postSendWebhooks.filter((name) => name !== webhook);
    expect(reasonOf(createWebhookReceiver({ secret: SECRET, now: clockAt(body), acceptUnsigned: others }).receive(text(body)))).toBe("unsigned");
    const lenient = createWebhookReceiver({ secret: SECRET, now: clockAt(body), acceptUnsigned: [webhook as (typeof postSendWebhooks)[number]] });
    expect(lenient.receive(text(body))).toEqual({ ok: true, event: webhook, body });
    // Opting in does not waive a signature that is present, or the clock.
    const withBadSignature = { ...body, callId: "XXXX#XXXX_1", security: "0".repeat(32) };
    expect(reasonOf(lenient.receive(text(withBadSignature)))).toBe("bad-signature");
    const late = createWebhookReceiver({ secret: SECRET, now: () => (body["timestamp"] as number) + 3_600_000, acceptUnsigned: [webhook as (typeof postSendWebhooks)[number]] });
    expect(reasonOf(late.receive(text(body)))).toBe("stale");
  });
});

describe("authentic callbacks that are no documented webhook", () => {
  const mucExample = signedPostSend.find((c) => c.webhook === "mucKick");
  if (!mucExample) throw new Error("no mucKick example");

  it.each([
    ["an undocumented group operation (muc:direct_joined)", { payload: { ...(mucExample.body["payload"] as Body), operation: "direct_joined" } }],
    ["an unknown chat_type", { chat_type: "something_new" }],
    ["an unknown eventType", { eventType: "chat_later" }],
  ])("%s is accepted as unrecognized", (_, change) => {
    const callback = signed({ ...mucExample.body, ...change });
    const received: Received<ReceivedCallback> = receiverAt(mucExample.body).receive(text(callback));
    expect(received).toEqual({ ok: true, event: "unrecognized", body: callback });
  });
});

describe("options", () => {
  it("several secrets (a rotation): a callback signed with any of them is accepted", () => {
    const [first] = signedPostSend;
    if (!first) throw new Error("no signed example");
    const receiver = createWebhookReceiver({ secret: ["old-secret", SECRET], now: clockAt(first.body) });
    expect(reasonOf(receiver.receive(text(signed(first.body, "old-secret"))))).toBe("accepted");
    expect(reasonOf(receiver.receive(text(signed(first.body))))).toBe("accepted");
    expect(reasonOf(receiver.receive(text(signed(first.body, "other"))))).toBe("bad-signature");
  });

  it.each([
    ["an empty secret", { secret: "" }],
    ["no secret", { secret: [] }],
    ["a zero maxAgeMs", { secret: SECRET, maxAgeMs: 0 }],
    ["a fractional maxBodyBytes", { secret: SECRET, maxBodyBytes: 1.5 }],
  ])("%s is refused when the receiver is created", (_, options) => {
    expect(() => createWebhookReceiver(options)).toThrow(TypeError);
  });

  it("the default window is 10 minutes", () => {
    const [first] = signedPostSend;
    if (!first) throw new Error("no signed example");
    const at = (offset: number) => createWebhookReceiver({ secret: SECRET, now: () => (first.body["timestamp"] as number) + offset });
    expect(reasonOf(at(600_000).receive(text(signed(first.body))))).toBe("accepted");
    expect(reasonOf(at(600_001).receive(text(signed(first.body))))).toBe("stale");
  });
});
