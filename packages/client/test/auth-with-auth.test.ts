/// <reference types="node" />
import createFetchClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { tokenSource, withAuth, type Auth } from "../src/auth/index.js";
import type { paths } from "../src/generated/schema.js";
import { credentials, platformFetch, useAuthServer } from "./auth-server.js";

const server = useAuthServer();

function authedFetch(auth: Auth = credentials) {
  const tokens = tokenSource(auth, { tokenUrl: server().tokenUrl, fetch: platformFetch });
  return { tokens, fetch: withAuth(platformFetch, tokens) };
}

/** Bytes that a text round trip would alter: invalid UTF-8, NUL, CR LF, multi-byte characters. */
const BODY = Buffer.concat([
  Buffer.from('{"usernames":["用户一","user\\u0000"]}', "utf8"),
  Buffer.from([0x00, 0xff, 0xfe, 0x0d, 0x0a, 0xc3]),
]);

const post = (body: BodyInit = new Uint8Array(BODY)) =>
  new Request(server().apiUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body });

describe("withAuth", () => {
  it("sends the bearer token from the source", async () => {
    const { fetch } = authedFetch();
    const response = await fetch(new Request(server().apiUrl));
    expect(response.status).toBe(200);
    expect(server().state.apiRequests.map((r) => r.authorization)).toEqual(["Bearer app-token-1"]);
    expect(server().state.tokenRequests).toHaveLength(1);
  });

  it("on a 401 renews once and replays the POST with the new token and the same bytes", async () => {
    const { tokens, fetch } = authedFetch();
    await tokens.current();
    server().state.valid.delete("app-token-1");
    const response = await fetch(post());
    expect(response.status).toBe(200);
    expect(server().state.tokenRequests).toHaveLength(2);
    const seen = server().state.apiRequests;
    expect(seen.map((r) => r.authorization)).toEqual(["Bearer app-token-1", "Bearer app-token-2"]);
    expect(seen.map((r) => r.method)).toEqual(["POST", "POST"]);
    expect(seen[0]?.body.equals(BODY)).toBe(true);
    expect(seen[1]?.body.equals(BODY)).toBe(true);
  });

  it("replays a streamed body intact", async () => {
    const { tokens, fetch } = authedFetch();
    await tokens.current();
    server().state.valid.delete("app-token-1");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(BODY.subarray(0, 7)));
        controller.enqueue(new Uint8Array(BODY.subarray(7)));
        controller.close();
      },
    });
    const request = new Request(server().apiUrl, { method: "PUT", body: stream, duplex: "half" } as RequestInit);
    expect((await fetch(request)).status).toBe(200);
    expect(server().state.apiRequests).toHaveLength(2);
    for (const seen of server().state.apiRequests) expect(seen.body.equals(BODY)).toBe(true);
  });

  it("renews once when 5 concurrent requests are refused with the same stale token", async () => {
    const { tokens, fetch } = authedFetch();
    await tokens.current();
    server().state.valid.delete("app-token-1");
    const responses = await Promise.all(Array.from({ length: 5 }, () => fetch(post())));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(server().state.tokenRequests).toHaveLength(2); // the first token + one renewal
    const auths = server().state.apiRequests.map((r) => r.authorization);
    expect(auths.filter((a) => a === "Bearer app-token-1")).toHaveLength(5);
    expect(auths.filter((a) => a === "Bearer app-token-2")).toHaveLength(5);
  });

  it("returns a second 401 after the renewal as is, without looping", async () => {
    const { fetch } = authedFetch();
    server().state.tokenAnswer = () => ({ status: 200, body: { access_token: `never-valid-${Math.random()}`, expires_in: 7200 } });
    const response = await fetch(post());
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthorized" });
    expect(server().state.apiRequests).toHaveLength(2);
    expect(server().state.tokenRequests).toHaveLength(2);
  });

  it("returns the 401 of a fixed token after one request", async () => {
    const { fetch } = authedFetch("fixed-but-wrong");
    const response = await fetch(post());
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthorized" });
    expect(server().state.apiRequests).toHaveLength(1);
    expect(server().state.tokenRequests).toHaveLength(0);
  });

  it("calls the token function again on a 401 and replays with its new token", async () => {
    const minted: string[] = [];
    server().state.valid.add("agora-2");
    const { fetch } = authedFetch({
      getToken: async () => {
        const token = `agora-${minted.length + 1}`;
        minted.push(token);
        return token;
      },
    });
    expect((await fetch(post())).status).toBe(200);
    expect(minted).toEqual(["agora-1", "agora-2"]);
    expect(server().state.apiRequests.map((r) => r.authorization)).toEqual(["Bearer agora-1", "Bearer agora-2"]);
    expect((await fetch(new Request(server().apiUrl))).status).toBe(200);
    expect(minted).toHaveLength(2);
  });

  it("stops waiting for a token when the request is aborted, sending nothing", async () => {
    server().state.tokenDelayMs = 500;
    const { fetch } = authedFetch();
    const controller = new AbortController();
    const pending = fetch(new Request(server().apiUrl, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(server().state.apiRequests).toHaveLength(0);
  });

  it("serves as openapi-fetch's fetch: a typed POST refused once is replayed with its JSON body", async () => {
    const { tokens, fetch } = authedFetch();
    await tokens.current();
    server().state.valid.delete("app-token-1");
    const im = createFetchClient<paths>({ baseUrl: `${server().origin}/org/app`, fetch });
    const { response } = await im.POST("/chatgroups/{group_id}/users", {
      params: { path: { group_id: "g1" } },
      body: { usernames: ["user4", "user5"] },
    });
    expect(response.status).toBe(200);
    const [first, second] = server().state.apiRequests;
    expect(second?.authorization).toBe("Bearer app-token-2");
    expect(second?.body.toString("utf8")).toBe('{"usernames":["user4","user5"]}');
    expect(second?.body.equals(first?.body ?? Buffer.alloc(0))).toBe(true);
  });
});
