import { describe, expect, it } from "vitest";
import { createClient } from "../src/create-client.js";
import { EasemobApiError, InvalidRequestError, isApiError, toResult, UnexpectedResponseError, type ErrorContext } from "../src/errors.js";
import { withOperations } from "../src/operations/index.js";

const context: ErrorContext = {
  operationId: "addGroupMember",
  method: "post",
  path: "/chatgroups/{group_id}/users/{username}",
  urlPath: "/org/app/chatgroups/g1/users/u1",
};

const json = (status: number, body: unknown, statusText = "") =>
  new Response(JSON.stringify(body), { status, statusText, headers: { "Content-Type": "application/json" } });

describe("EasemobApiError.from", () => {
  it("carries the fields of a JSON error body and where the call went", () => {
    const body = {
      error: "forbidden_op",
      error_description: "can not join this group, reason:user: XX already in group: XX\n",
      exception: "com.easemob.group.exception.ForbiddenOpException",
      timestamp: 1,
    };
    const error = EasemobApiError.from(json(403, body), body, context);
    expect(error).toBeInstanceOf(EasemobApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: "EasemobApiError",
      status: 403,
      error: "forbidden_op",
      errorDescription: body.error_description,
      exception: body.exception,
      operationId: "addGroupMember",
      method: "POST",
      path: "/chatgroups/{group_id}/users/{username}",
      urlPath: "/org/app/chatgroups/g1/users/u1",
    });
    expect(error.message).toBe(
      "addGroupMember (POST /chatgroups/{group_id}/users/{username}) failed: 403 forbidden_op: " +
        "can not join this group, reason:user: XX already in group: XX",
    );
  });

  it("survives a text body (a proxy's HTML page): no error type, a one-line excerpt", () => {
    const html = `<html><head><title>502 Bad Gateway</title></head>\n<body><h1>502 Bad Gateway</h1>${"x".repeat(400)}</body></html>`;
    const error = EasemobApiError.from(new Response(html, { status: 502 }), html, context);
    expect(error.status).toBe(502);
    expect(error.error).toBe("");
    expect(error.exception).toBeUndefined();
    expect(error.errorDescription.startsWith("502 Bad Gateway 502 Bad Gateway xxx")).toBe(true);
    expect(error.errorDescription.length).toBeLessThanOrEqual(201);
    expect(error.errorDescription).not.toContain("<");
    expect(error.message).toContain("failed: 502: 502 Bad Gateway");
  });

  it.each([
    ["no body", undefined],
    ["an empty text", "  \n"],
    ["JSON null", null],
    ["a JSON array", [1, 2]],
    ["a JSON number", 42],
    ["fields of the wrong type", { error: 7, error_description: ["x"], exception: {} }],
  ])("survives %s, falling back to the status text", (_, body) => {
    const error = EasemobApiError.from(new Response(null, { status: 503, statusText: "Service Unavailable" }), body, context);
    expect(error).toMatchObject({ status: 503, error: "", errorDescription: "Service Unavailable", exception: undefined });
  });

  it("falls back to the status code when there is no status text either", () => {
    const error = EasemobApiError.from(new Response(null, { status: 500 }), undefined, { method: "get", path: "/thread" });
    expect(error.errorDescription).toBe("HTTP 500");
    expect(error.operationId).toBeUndefined();
    expect(error.message).toBe("(GET /thread) failed: 500: HTTP 500");
  });

  it("never carries a bearer token a server or proxy echoed", () => {
    const body = { error: "unauthorized", error_description: "bad header Authorization: Bearer YWMtsecret-token.x" };
    const error = EasemobApiError.from(json(401, body), body, context);
    const text = "Proxy refused Bearer YWMtsecret-token.x at the gate";
    const fromText = EasemobApiError.from(new Response(text, { status: 502 }), text, context);
    for (const e of [error, fromText]) {
      expect(e.errorDescription).toContain("Bearer [redacted]");
      expect(`${e.message} ${JSON.stringify(e)} ${e.stack}`).not.toContain("YWMtsecret");
    }
  });

  it("takes the concrete path, without its query, from the response URL when not given", () => {
    const response = json(404, { error: "resource_not_found", error_description: "gone" });
    Object.defineProperty(response, "url", { value: "https://a1.easemob.com/o/a/chatgroups/g1/users?pagenum=2&pagesize=5" });
    const error = EasemobApiError.from(response, { error: "resource_not_found" }, { method: "GET", path: "/chatgroups/{group_id}/users" });
    expect(error.urlPath).toBe("/o/a/chatgroups/g1/users");
  });
});

describe("toResult and isApiError", () => {
  const refused = EasemobApiError.from(json(404, { error: "resource_not_found", error_description: "x" }), {
    error: "resource_not_found",
    error_description: "x",
  }, context);

  it("hands back the data of a call that succeeded", async () => {
    await expect(toResult(Promise.resolve({ ok: 1 }))).resolves.toEqual({ data: { ok: 1 } });
  });

  it("hands back the EasemobApiError of a refused call as { error }", async () => {
    const result = await toResult(Promise.reject(refused));
    expect(result.data).toBeUndefined();
    expect(result.error).toBe(refused);
  });

  it("still rejects with anything that is not an answer from the server", async () => {
    const invalid = new InvalidRequestError("path.username", "must not be empty");
    await expect(toResult(Promise.reject(invalid))).rejects.toBe(invalid);
    await expect(toResult(Promise.reject(new TypeError("fetch failed")))).rejects.toThrow("fetch failed");
  });

  it("recognises an API error, optionally of one operation", () => {
    expect(isApiError(refused)).toBe(true);
    expect(isApiError(refused, "addGroupMember")).toBe(true);
    expect(isApiError(refused, "addGroupMembers")).toBe(false);
    expect(isApiError(new Error("x"))).toBe(false);
    expect(isApiError({ ...refused })).toBe(false);
  });
});

describe("errors the client raises itself", () => {
  it("InvalidRequestError is no TypeError (the retry layer reads TypeError as a network failure)", () => {
    const error = new InvalidRequestError("path.username", "must not be empty");
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TypeError);
  });

  it("a success whose body is not JSON fails with the operation, status and content type", async () => {
    const html = "<html><title>Wi-Fi login</title><body>Please sign in</body></html>";
    const fetch = async () => new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
    const im = withOperations(createClient({ baseUrl: "https://h.example/o/a", fetch }, "t"));
    const error = await im.listGroupAdmins({ group_id: "g1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({
      operationId: "listGroupAdmins",
      method: "GET",
      path: "/chatgroups/{group_id}/admin",
      status: 200,
      contentType: "text/html; charset=utf-8",
      bodyExcerpt: "Wi-Fi login Please sign in",
    });
    expect((error as Error).message).toBe("listGroupAdmins (GET /chatgroups/{group_id}/admin) answered 200 with text/html; charset=utf-8, not JSON");
  });

  it("an empty success body is no data, not an error", async () => {
    const im = withOperations(createClient({ baseUrl: "https://h.example/o/a", fetch: async () => new Response(null, { status: 200 }) }, "t"));
    await expect(im.listGroupAdmins({ group_id: "g1" })).resolves.toBeUndefined();
  });
});
