/**
 * The payload types come from the spec's webhooks (openapi-typescript) and narrow on `event`. A
 * fixture is compiled with the TypeScript API, so `vitest run` fails when a wrong use compiles or a
 * right one does not.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

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
    const dir = dirname(fileURLToPath(import.meta.url));
    const config = ts.getParsedCommandLineOfConfigFile(join(dir, "..", "tsconfig.json"), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    })!;
    const fixture = join(dir, "__webhooks_fixture__.ts");
    const source = fixtureLines.join("\n");
    const host = ts.createCompilerHost(config.options);
    const readFile = host.readFile.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = (name) => (name === fixture ? source : readFile(name));
    host.fileExists = (name) => name === fixture || ts.sys.fileExists(name);
    host.getSourceFile = (name, language, ...rest) =>
      name === fixture ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest);
    const program = ts.createProgram([fixture], { ...config.options, noEmit: true }, host);
    const lines = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === fixture)
      .map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1);
    const wrongLines = fixtureLines.flatMap((line, i) => (line.startsWith("export const wrong") ? [i + 1] : []));
    expect([...new Set(lines)]).toEqual(wrongLines);
  }, 60_000);
});
