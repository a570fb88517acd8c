import { describe, expect, it } from "vitest";
import { createClient } from "../src/index.js";

/** A fake server: scripted API statuses, and a token endpoint that mints T1, T2, ... */
function fakeServer(apiStatuses: number[]) {
  const seen: { url: string; authorization: string | null; body: string }[] = [];
  let minted = 0;
  const fetch = async (request: Request): Promise<Response> => {
    const body = await request.text();
    seen.push({ url: new URL(request.url).pathname, authorization: request.headers.get("Authorization"), body });
    if (request.url.endsWith("/token")) {
      minted++;
      return Response.json({ access_token: `T${minted}`, expires_in: 3600, application: "app-uuid" });
    }
    return Response.json({ data: {} }, { status: apiStatuses.shift() ?? 200 });
  };
  return { fetch, seen, api: () => seen.filter((r) => !r.url.endsWith("/token")), tokens: () => seen.filter((r) => r.url.endsWith("/token")) };
}

const endpoint = { host: "h.example", orgName: "o", appName: "a" };
const credentials = { clientId: "id", clientSecret: "secret" };

describe("createClient authentication and retries", () => {
  it("fetches the app token once for concurrent calls and sends it as a bearer token", async () => {
    const server = fakeServer([]);
    const im = createClient({ ...endpoint, fetch: server.fetch }, credentials);
    await Promise.all(
      Array.from({ length: 5 }, () => im.GET("/chatgroups/{group_id}/users", { params: { path: { group_id: "g" } } })),
    );
    expect(server.tokens()).toHaveLength(1);
    expect(JSON.parse(server.tokens()[0]?.body ?? "")).toEqual({ grant_type: "client_credentials", client_id: "id", client_secret: "secret" });
    expect(server.api().map((r) => r.authorization)).toEqual(Array(5).fill("Bearer T1"));
  });

  it("renews the token once on 401 and replays the request with its body", async () => {
    const server = fakeServer([401]);
    const im = createClient({ ...endpoint, fetch: server.fetch }, credentials);
    const { response } = await im.POST("/chatgroups/{group_id}/users", {
      params: { path: { group_id: "g" } },
      body: { usernames: ["u1", "u2"] },
    });
    expect(response.status).toBe(200);
    expect(server.tokens()).toHaveLength(2);
    expect(server.api().map((r) => [r.authorization, r.body])).toEqual([
      ["Bearer T1", '{"usernames":["u1","u2"]}'],
      ["Bearer T2", '{"usernames":["u1","u2"]}'],
    ]);
  });

  it("retries a 429 within its bounds and gives up after maxAttempts", async () => {
    const server = fakeServer([429, 200]);
    const im = createClient({ ...endpoint, fetch: server.fetch, retry: { baseDelayMs: 1 } }, "fixed");
    const first = await im.GET("/chatgroups/{group_id}/users", { params: { path: { group_id: "g" } } });
    expect(first.response.status).toBe(200);
    expect(server.api()).toHaveLength(2);

    const limited = fakeServer([429, 429, 429, 429]);
    const strict = createClient({ ...endpoint, fetch: limited.fetch, retry: { baseDelayMs: 1, maxAttempts: 2 } }, "fixed");
    const second = await strict.GET("/chatgroups/{group_id}/users", { params: { path: { group_id: "g" } } });
    expect(second.response.status).toBe(429);
    expect(limited.api()).toHaveLength(2);
  });

  it("refuses client credentials with an App ID endpoint, where no token endpoint is documented", () => {
    expect(() => createClient({ host: "h.example", appId: "x" }, credentials)).toThrow(
      expect.objectContaining({ name: "InvalidRequestError", field: "auth" }),
    );
  });
});
