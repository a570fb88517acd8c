/**
 * The payload types come from the spec's webhooks (openapi-typescript) and narrow on `event`. A
 * fixture is compiled with the TypeScript API, so `vitest run` fails when a wrong use compiles or a
 * right one does not.
 */
import { describe, expect, it } from "vitest";
import { compileFixture } from "./support/compile-fixture.js";

const fixtureLines = [
  'import { postSendEndpoint, preSendEndpoint, preSendReply, type WebhookReceiver } from "../src/webhooks/index.js";',
  "declare const receiver: WebhookReceiver;",
  "export const post = postSendEndpoint(receiver, (callback) => {",
  "  switch (callback.event) {",
  '    case "mucKick": { const op: "kick" = callback.body.payload.operation; const id: string = callback.body.group_id; return void [op, id]; }',
  '    case "rosterDecline": { const op: "decline" | "remote_decline" = callback.body.payload.operation; return void op; }',
  '    case "postSendMessage": { const body = callback.body.payload.bodies[0]; if (body?.type === "img") { const url: string = body.url; void url; } return; }',
  '    case "userStatusReplaced": { const status: "offline" = callback.body.status; const reason: "replaced" = callback.body.reason; return void [status, reason]; }',
  '    case "notifyThread": { const from: "admin" = callback.body.from; return void from; }',
  '    case "unrecognized": { const anything: unknown = callback.body["whatever"]; return void anything; }',
  "  }",
  "});",
  'export const pre = preSendEndpoint(receiver, (callback) => (callback.body.payload.bodies.length > 0 ? preSendReply.pass() : preSendReply.reject("empty")));',
  // Wrong: a kick's operation is "kick", a login has no payload, a reply needs `valid`.
  'export const wrong1 = postSendEndpoint(receiver, (c) => { if (c.event === "mucKick") { const op: "ban" = c.body.payload.operation; void op; } });',
  'export const wrong2 = postSendEndpoint(receiver, (c) => { if (c.event === "userStatusLogin") void c.body.payload; });',
  "export const wrong3 = preSendEndpoint(receiver, () => ({ code: \"x\" }));",
];

describe("webhook payload types", () => {
  it("narrow by event, and refuse wrong uses (fixture compiled with the TypeScript API)", () => {
    const lines = compileFixture(fixtureLines).map(([line]) => line);
    const wrongLines = fixtureLines.flatMap((line, i) => (line.startsWith("export const wrong") ? [i + 1] : []));
    expect([...new Set(lines)]).toEqual(wrongLines);
  }, 60_000);
});
