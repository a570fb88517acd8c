import { startMock, type MockServer } from "@easemob-openapi/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../src/create-client.js";
import { withOperations } from "../src/operations/index.js";

const APP_TOKEN = "YWMt-app-token-of-the-test";
const USER_TOKEN = "YWMt-user-token-of-the-test";

describe("user tokens, anonymous calls and user-token operations, against the mock", () => {
  let mock: MockServer;
  const sent: { path: string; authorization: string | null; body: string }[] = [];
  let im: ReturnType<typeof withOperations>;
  let tokenRequests = 0;

  beforeAll(async () => {
    mock = await startMock();
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      sent.push({ path, authorization: request.headers.get("Authorization"), body: await request.clone().text() });
      return globalThis.fetch(request);
    };
    // Client credentials: the app token is fetched by the client itself, so a user-token request
    // sent anonymously must not make it fetch one first.
    const countingFetch = async (request: Request) => {
      if (new URL(request.url).pathname.endsWith("/token") && !request.headers.has("Authorization")) {
        const body = JSON.parse(await request.clone().text()) as { grant_type?: string };
        if (body.grant_type === "client_credentials") tokenRequests++;
      }
      return fetch(request);
    };
    im = withOperations(createClient({ host: mock.url, orgName: "org", appName: "app", fetch: countingFetch }, { clientId: "YXA6-id", clientSecret: "YXA6-secret-of-the-test" }));
  }, 60_000);
  afterAll(() => mock?.close());

  it("getToken with grant_type password, anonymously: the user token, and no app token fetched or sent", async () => {
    sent.length = 0;
    const data = await im.getToken({}, { grant_type: "password", username: "c", password: "secret" }, {
      anonymous: true,
      headers: { Prefer: "code=200, example=password" },
    });
    expect(data).toMatchObject({ access_token: expect.any(String) });
    expect("user" in data && data.user).toMatchObject({ username: "c" });
    expect(sent).toEqual([{ path: "/org/app/token", authorization: null, body: expect.stringContaining('"grant_type":"password"') }]);
    expect(tokenRequests).toBe(0);
  });

  it("getToken with grant_type inherit goes with the app token, as the spec says", async () => {
    sent.length = 0;
    const data = await im.getToken({}, { grant_type: "inherit", username: "test2333", autoCreateUser: true }, { headers: { Prefer: "code=200, example=inheritAutoCreated" } });
    expect(data).toMatchObject({ access_token: expect.any(String) });
    expect(tokenRequests).toBe(1);
    const call = sent.at(-1)!;
    expect(call.path).toBe("/org/app/token");
    expect(call.authorization).toMatch(/^Bearer \S+$/);
    expect(call.body).toContain('"grant_type":"inherit"');
  });

  it("registerUsers (open registration) anonymously", async () => {
    sent.length = 0;
    await im.registerUsers({}, { username: "user1", password: "123" }, { anonymous: true });
    expect(sent).toEqual([{ path: "/org/app/users", authorization: null, body: expect.any(String) }]);
  });

  it("setUserPushTemplate goes with the user's token, not the app token", async () => {
    sent.length = 0;
    await im.setUserPushTemplate({ username: "user1" }, { templateName: "hello" }, { userToken: USER_TOKEN });
    expect(sent.map((s) => s.authorization)).toEqual([`Bearer ${USER_TOKEN}`]);
  });

  it("refuses anonymous where the spec does not allow it, and a user-token operation without the token, before sending", async () => {
    sent.length = 0;
    const unsafe = im as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await expect(unsafe["listUsers"]!({}, { anonymous: true })).rejects.toMatchObject({ name: "InvalidRequestError", field: "init.anonymous" });
    await expect(unsafe["setUserPushTemplate"]!({ username: "user1" }, {}, {})).rejects.toMatchObject({ name: "InvalidRequestError", field: "init.userToken" });
    expect(sent).toEqual([]);
  });
});

describe("a user token in an error", () => {
  it("is cut out of the error's texts like the client's own tokens", async () => {
    const fetch = async (request: Request) =>
      Response.json({ error: "unauthorized", error_description: `token ${request.headers.get("Authorization")?.slice(7)} is expired` }, { status: 401 });
    const im = withOperations(createClient({ baseUrl: "https://h.example/o/a", fetch }, APP_TOKEN));
    const error = await im.setUserPushTemplate({ username: "u1" }, { templateName: "t" }, { userToken: USER_TOKEN }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401 });
    expect(JSON.stringify(error) + String(error) + (error as Error).stack).not.toContain(USER_TOKEN);
  });
});
