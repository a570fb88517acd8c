/// <reference types="node" />
// The client knows its token and secret: no error may carry them, whatever field of the answer
// echoes them (error, error_description, exception, an HTML page, a validation message, a header).
import { describe, expect, it } from "vitest";
import { createClient, EasemobApiError, TokenRequestError, UnexpectedResponseError, withOperations } from "../src/index.js";
import { CLIENT_SECRET, credentials, expectNothingSecret, rejectionOf, useAuthServer } from "./auth-server.js";

const TOKEN = "YWMtq1x-very-long-app-token_value.AAAA";

/** A client whose fetch answers `answer(token)`, given the bearer token each request carries. */
function echoing(answer: (token: string) => Response, auth: string = TOKEN) {
  const fetch = async (request: Request) => answer(request.headers.get("Authorization")?.replace(/^Bearer /, "") ?? "");
  return withOperations(createClient({ baseUrl: "https://h.example/o/a", fetch, retry: { maxAttempts: 1 } }, auth));
}

const call = (im: ReturnType<typeof echoing>) => rejectionOf(im.listGroupAdmins({ group_id: "g1" }));

describe("the known token is cut out of every field and view of an API error", () => {
  it.each<[string, (token: string) => Response]>([
    ["error_description", (t) => Response.json({ error: "unauthorized", error_description: `access token ${t} is expired` }, { status: 401 })],
    ["error", (t) => Response.json({ error: `bad_token:${t}`, error_description: "x" }, { status: 400 })],
    ["exception", (t) => Response.json({ error: "x", exception: `Authorization=${t}` }, { status: 500 })],
    ["an HTML 502 page", (t) => new Response(`<html><body><pre>Authorization: ${t}</pre></body></html>`, { status: 502, headers: { "Content-Type": "text/html" } })],
    ["a URL-encoded echo", (t) => Response.json({ error_description: `GET /x?access_token=${encodeURIComponent(t + "/+=")}` }, { status: 400 })],
    ["a problem+json detail and validation message", (t) =>
      Response.json(
        { title: "Invalid request", detail: `token ${t}`, validation: [{ location: ["header", t], message: `bad ${t}` }] },
        { status: 422, headers: { "Content-Type": "application/problem+json" } },
      )],
    ["an sl-violations header", (t) =>
      Response.json({ error: "illegal_argument" }, { status: 400, headers: { "sl-violations": JSON.stringify([{ location: ["request", "header"], message: `got ${t}` }]) } })],
  ])("%s", async (_, answer) => {
    const error = await call(echoing(answer));
    expect(error).toBeInstanceOf(EasemobApiError);
    expect(JSON.stringify(error)).toContain("[redacted]");
    expectNothingSecret(error, [TOKEN, encodeURIComponent(TOKEN)]);
  });

  it("a short test token is cut out only where it stands alone, so messages stay readable", async () => {
    const error = (await call(echoing((t) => Response.json({ error_description: `token ${t} expired` }, { status: 401 }), "tok"))) as EasemobApiError;
    expect(error.errorDescription).toBe("token [redacted] expired");
  });

  it("a success whose body is an HTML page quoting the token", async () => {
    const error = await call(echoing((t) => new Response(`<p>Welcome ${t}</p>`, { status: 200, headers: { "Content-Type": "text/html" } })));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expectNothingSecret(error, [TOKEN]);
  });
});

describe("tokens and the secret of client credentials", () => {
  const server = useAuthServer();

  it("an API error echoing the issued token", async () => {
    const { origin } = server();
    const fetch = async (request: Request) => {
      if (request.url.endsWith("/token")) return globalThis.fetch(request);
      const token = request.headers.get("Authorization")!.slice("Bearer ".length);
      return Response.json({ error: "forbidden_op", error_description: `token ${token} may not do this` }, { status: 403 });
    };
    const im = withOperations(createClient({ host: origin, orgName: "org", appName: "app", fetch }, credentials));
    const error = await rejectionOf(im.listGroupAdmins({ group_id: "g1" }));
    expect(error).toBeInstanceOf(EasemobApiError);
    expectNothingSecret(error, ["app-token-1", CLIENT_SECRET]);
  });

  it("a token endpoint echoing the secret and the token it renews", async () => {
    // The first token is refused by the API (401), and the renewal's refusal quotes it.
    let issued = 0;
    server().state.tokenAnswer = ({ body }) =>
      issued++ === 0
        ? { status: 200, body: { access_token: "app-token-first-xyz", expires_in: 3600 } }
        : { status: 400, body: { error: "invalid_grant", error_description: `secret ${String(body.client_secret)}, old app-token-first-xyz` } };
    const im = createClient({ host: server().origin, orgName: "org", appName: "app", retry: { maxAttempts: 1 } }, credentials);
    const error = await rejectionOf(im.GET("/chatgroups/{group_id}/users", { params: { path: { group_id: "g1" } } }));
    expect(error).toBeInstanceOf(TokenRequestError);
    expect((error as TokenRequestError).error_description).toBe("secret [redacted], old [redacted]");
    expectNothingSecret(error, [CLIENT_SECRET, "app-token-first-xyz"]);
  });
});

describe("server text is capped", () => {
  it("a 2 MB error_description becomes at most a thousand characters", async () => {
    const huge = "x".repeat(2 * 1024 * 1024);
    const error = (await call(echoing(() => Response.json({ error: "e".repeat(5000), error_description: huge, exception: huge }, { status: 400 })))) as EasemobApiError;
    expect(error.errorDescription.length).toBeLessThanOrEqual(1001);
    expect(error.error.length).toBeLessThanOrEqual(201);
    expect(error.exception!.length).toBeLessThanOrEqual(201);
    expect(error.message.length).toBeLessThan(1500);
  });

  it("at most 20 validation problems are kept", async () => {
    const validation = Array.from({ length: 500 }, (_, i) => ({ location: ["body", "usernames", i], message: "must be string" }));
    const error = (await call(echoing(() => Response.json({ validation }, { status: 422 })))) as EasemobApiError;
    expect(error.violations).toHaveLength(20);
    expect(error.violations[3]).toEqual({ path: "body.usernames[3]", message: "must be string" });
  });
});
