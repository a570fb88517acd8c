import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { startMock, type MockServer } from "@easemob-openapi/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../src/create-client.js";
import { EasemobApiError, InvalidRequestError, isApiError, toResult } from "../src/errors.js";
import { operationsById, type OperationId } from "../src/generated/operations.js";
import { operationMethods, withOperations } from "../src/operations/index.js";

const TOKEN = "YWMt-operations-test-token";

type SpecParameter = { name: string; in: string; example?: unknown; schema?: { pattern?: string } };
const spec = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@easemob-openapi/spec/openapi.dereferenced.json"), "utf8"),
) as { paths: Record<string, Record<string, { operationId?: string; parameters?: SpecParameter[] }>> };

/** "n1", unless the path parameter's pattern refuses it (a numeric message ID, an hour as yyyyMMddHH): then its spec example. */
function placeholder(id: OperationId, name: string): unknown {
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item)) {
      if (operation.operationId !== id) continue;
      const parameter = operation.parameters?.find((p) => p.in === "path" && p.name === name);
      const pattern = parameter?.schema?.pattern;
      return pattern && !new RegExp(pattern, "u").test("n1") ? parameter.example : "n1";
    }
  }
  return "n1";
}

/** A fetch that records what it is handed and answers with `answer(request)` (default 200 `{}`). */
function recorder(answer: (request: Request) => Response | Promise<Response> = () => Response.json({})) {
  const requests: Request[] = [];
  const bodies: unknown[] = [];
  const fetch = async (request: Request) => {
    request.signal.throwIfAborted();
    requests.push(request);
    const type = request.headers.get("Content-Type") ?? "";
    if (type.startsWith("application/x-www-form-urlencoded")) {
      // Form fields, read back as an object of their text values.
      bodies.push(Object.fromEntries(new URLSearchParams(await request.clone().text())));
    } else if (type.startsWith("multipart/form-data")) {
      // A multipart body, read back as its fields (a file part as its text).
      const form = await request.clone().formData();
      const fields: Record<string, unknown> = {};
      for (const [name, value] of form) fields[name] = typeof value === "string" ? value : { file: value.name, text: await value.text() };
      bodies.push(fields);
    } else {
      const text = await request.clone().text();
      bodies.push(text ? JSON.parse(text) : undefined);
    }
    return answer(request);
  };
  return { fetch, requests, bodies };
}

describe("operation methods against the mock", () => {
  let mock: MockServer;
  let im: ReturnType<typeof operationMethods>;
  const sent: Request[] = [];

  beforeAll(async () => {
    mock = await startMock();
    const fetch = (request: Request) => {
      sent.push(request.clone());
      return globalThis.fetch(request);
    };
    im = operationMethods(createClient({ host: mock.url, orgName: "org", appName: "app", fetch }, TOKEN));
  }, 60_000);
  afterAll(() => mock?.close());

  it("resolves to the 200 answer of an operation without a body", async () => {
    const data = await im.addGroupMember({ group_id: "66XXXX85", username: "user4" });
    expect(data.data).toMatchObject({ result: true, user: "user4", groupid: "66XXXX85" });
    const request = sent.at(-1)!;
    expect(request.method).toBe("POST");
    expect(new URL(request.url).pathname).toBe("/org/app/chatgroups/66XXXX85/users/user4");
  });

  it("sends the body of an operation with one", async () => {
    const data = await im.addGroupMembers({ group_id: "66XXXX85" }, { usernames: ["user4", "user5"] });
    expect(data.data.newmembers).toEqual(["user5", "user4"]);
    expect(await sent.at(-1)!.json()).toEqual({ usernames: ["user4", "user5"] });
  });

  it("splits path and query parameters given in one object", async () => {
    const data = await im.listGroupMembers({ group_id: "10XXXX85", pagenum: 2, pagesize: 2 });
    expect(data.data).toEqual([{ owner: "user1" }, { member: "user2" }]);
    const url = new URL(sent.at(-1)!.url);
    expect(url.pathname).toBe("/org/app/chatgroups/10XXXX85/users");
    expect(url.search).toBe("?pagenum=2&pagesize=2");
  });

  it("rejects a documented 403 (chosen with Prefer) with an EasemobApiError carrying its fields", async () => {
    const call = im.addGroupMember(
      { group_id: "66XXXX85", username: "user4" },
      { headers: { Prefer: "code=403, example=userAlreadyInGroup" } },
    );
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EasemobApiError);
    expect(error).toMatchObject({
      status: 403,
      error: "forbidden_op",
      errorDescription: "can not join this group, reason:user: XX already in group: XX\n",
      operationId: "addGroupMember",
      method: "POST",
      path: "/chatgroups/{group_id}/users/{username}",
      urlPath: "/org/app/chatgroups/66XXXX85/users/user4",
    });
    const everything = `${(error as Error).message} ${JSON.stringify(error)} ${(error as Error).stack}`;
    expect(everything).not.toContain(TOKEN);
  });

  it("hands the same refusal back as { error } through toResult, typed by operation", async () => {
    const { data, error } = await toResult(
      im.removeGroupMembers(
        { group_id: "66XXXX85", username: ["user1", "user2"] },
        { headers: { Prefer: "code=403, example=usersNotMembers" } },
      ),
    );
    expect(data).toBeUndefined();
    expect(isApiError(error, "removeGroupMembers")).toBe(true);
    expect(error?.status).toBe(403);
    if (error?.status === 403) {
      const type: "forbidden_op" | "exceed_limit" = error.error;
      expect(type).toBe("forbidden_op");
    }
    expect(error?.urlPath).toBe("/org/app/chatgroups/66XXXX85/users/user1,user2");
  });

  it("answers under the Agora app-id prefix too", async () => {
    const agora = operationMethods(createClient({ host: mock.url, appId: "abc123" }, TOKEN));
    const data = await agora.deleteThread({ thread_id: "1XXXX7" });
    expect(data.data.status).toBe("ok");
  });
});

describe("operation methods, routed by the generated table", () => {
  /** Path values a guard accepts, for any operation: a name, or two for a list parameter. */
  function samplePath(id: OperationId): Record<string, unknown> {
    const { path, batch } = operationsById[id] as { path: string; batch?: { in: string; name: string } };
    const names = [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
    return Object.fromEntries(names.map((name) => [name, batch?.in === "path" && batch.name === name ? ["n1", "n2"] : placeholder(id, name)]));
  }

  it.each(Object.keys(operationsById) as OperationId[])("%s is callable by name and sends its method and path", async (id) => {
    const { fetch, requests, bodies } = recorder();
    const methods = operationMethods(createClient({ baseUrl: "https://h.example/o/a", fetch }, "t")) as unknown as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    const route = operationsById[id] as { method: string; path: string; body?: boolean; bodyType?: string; multipart?: readonly string[]; userToken?: true };
    const path = samplePath(id);
    // An operation that accepts only a user's token is given one.
    const init = route.userToken ? [{ userToken: "user-token" }] : [];
    await (route.body ? methods[id]!(path, { probe: 1 }, ...init) : methods[id]!(path, ...init));
    expect(requests).toHaveLength(1);
    const expected = route.path.replace(/\{([^{}]+)\}/g, (_, name: string) => [path[name]].flat().join(","));
    expect(requests[0]!.method).toBe(route.method.toUpperCase());
    expect(new URL(requests[0]!.url).pathname).toBe(`/o/a${expected}`);
    // A multipart body sends each field as a part, form fields as `probe=1` (a non-file field as its text).
    expect(bodies[0]).toEqual(route.body ? (route.multipart || route.bodyType ? { probe: "1" } : { probe: 1 }) : undefined);
  });

  it("reads a download as a Blob, or as the body's stream with { as: \"stream\" }", async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    const { fetch, requests } = recorder(() => new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
    const im = operationMethods(createClient({ baseUrl: "https://h.example/o/a", fetch }, "t"));
    const blob = await im.downloadFile({ file_uuid: "f1" });
    expect(blob).toBeInstanceOf(Blob);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    const stream = await im.downloadGroupSharedFile({ group_id: "g1", file_id: "f1" }, { as: "stream" });
    expect(stream).toBeInstanceOf(ReadableStream);
    expect(new Uint8Array(await new Response(stream).arrayBuffer())).toEqual(bytes);
    expect(requests.map((r) => r.headers.get("Accept"))).toEqual(["application/octet-stream, application/json", "application/octet-stream, application/json"]);
  });

  it("sends a multipart body as a form, a file part given as text or a Blob as a file", async () => {
    const { fetch, requests, bodies } = recorder();
    const im = operationMethods(createClient({ baseUrl: "https://h.example/o/a", fetch }, "t"));
    await im.uploadGroupSharedFile({ group_id: "g1" }, { file: "Hello world" });
    await im.uploadGroupSharedFile({ group_id: "g1" }, { file: new File(["bytes"], "IMG_3.JPG") });
    expect(requests[0]!.headers.get("Content-Type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(bodies).toEqual([{ file: { file: "file", text: "Hello world" } }, { file: { file: "IMG_3.JPG", text: "bytes" } }]);
  });

  it("sends form fields (setUserAttributes) as application/x-www-form-urlencoded", async () => {
    const { fetch, requests, bodies } = recorder();
    const im = operationMethods(createClient({ baseUrl: "https://h.example/o/a", fetch }, "t"));
    await im.setUserAttributes({ username: "u1" }, { nickname: "Zoë", gender: "1" });
    expect(requests[0]!.headers.get("Content-Type")).toMatch(/^application\/x-www-form-urlencoded/);
    expect(bodies).toEqual([{ nickname: "Zoë", gender: "1" }]);
  });

  it("reads a download as a Blob, asking for the bytes or a JSON error", async () => {
    const { fetch, requests } = recorder(() => new Response("Hello world", { headers: { "Content-Type": "application/octet-stream" } }));
    const im = operationMethods(createClient({ baseUrl: "https://h.example/o/a", fetch }, "t"));
    const file = await im.downloadGroupSharedFile({ group_id: "g1", file_id: "f1" });
    expect(file).toBeInstanceOf(Blob);
    expect(await file.text()).toBe("Hello world");
    expect(requests[0]!.headers.get("Accept")).toBe("application/octet-stream, application/json");
  });

  it("passes per-call options (headers, signal) through and keeps the client's middleware (path guard)", async () => {
    const { fetch, requests } = recorder();
    const im = operationMethods(createClient({ baseUrl: "https://h.example/o/a", fetch }, "t"));
    await im.listThreads({ limit: 5, sort: "asc" }, { headers: { "X-Trace": "1" } });
    expect(requests[0]!.headers.get("X-Trace")).toBe("1");
    expect(requests[0]!.headers.get("Authorization")).toBe("Bearer t");
    expect(new URL(requests[0]!.url).search).toBe("?limit=5&sort=asc");

    await expect(im.addGroupMember({ group_id: "g1", username: "a,b" })).rejects.toThrow(InvalidRequestError);
    await expect(im.removeGroupMembers({ group_id: "g1", username: [] })).rejects.toThrow(InvalidRequestError);
    expect(requests).toHaveLength(1);

    const controller = new AbortController();
    controller.abort();
    await expect(im.deleteThread({ thread_id: "t1" }, { signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(requests).toHaveLength(1);
  });

  it("turns a non-JSON refusal into an EasemobApiError", async () => {
    const { fetch } = recorder(() => new Response("<h1>502 Bad Gateway</h1>", { status: 502, statusText: "Bad Gateway" }));
    const im = operationMethods(createClient({ baseUrl: "https://h.example/o/a", fetch, retry: { maxAttempts: 1 } }, "t"));
    await expect(im.getChatrooms({ chatroom_id: ["r1", "r2"] })).rejects.toMatchObject({
      name: "EasemobApiError",
      status: 502,
      error: "",
      errorDescription: "502 Bad Gateway",
      operationId: "getChatrooms",
      method: "GET",
      path: "/chatrooms/{chatroom_id}",
      urlPath: "/o/a/chatrooms/r1,r2",
    });
  });
});

describe("withOperations: the operations, the helpers and the raw client in one object", () => {
  it("adds every operation and bound pages/items/batch; im.raw is the openapi-fetch client", async () => {
    const { fetch, requests } = recorder((request) =>
      request.method === "GET" && new URL(request.url).pathname.endsWith("/thread")
        ? Response.json(new URL(request.url).searchParams.has("cursor") ? { entities: [] } : { entities: [{ id: "t1" }], properties: { cursor: "c1" } })
        : Response.json({ data: { status: "ok" } }),
    );
    const raw = createClient({ baseUrl: "https://h.example/o/a", fetch }, "t");
    const im = withOperations(raw);
    expect(im.raw).toBe(raw);
    expect(Object.keys(operationsById).every((id) => typeof (im as unknown as Record<string, unknown>)[id] === "function")).toBe(true);
    // No operationId may be hidden by a helper.
    expect(Object.keys(operationsById).filter((id) => ["raw", "pages", "items", "batch"].includes(id))).toEqual([]);

    await im.raw.GET("/thread/{thread_id}/users", { params: { path: { thread_id: "t1" } } });
    await im.deleteThread({ thread_id: "t1" });
    const threads: unknown[] = [];
    for await (const thread of im.items("listThreads")) threads.push(thread);
    const added = await im.batch("addThreadMembers", { thread_id: "t1" }, ["a", "b"]);
    expect(threads).toEqual([{ id: "t1" }]);
    expect(added.succeeded).toEqual(["a", "b"]);
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`)).toEqual([
      "GET /o/a/thread/t1/users",
      "DELETE /o/a/thread/t1",
      "GET /o/a/thread?limit=50",
      "GET /o/a/thread?limit=50&cursor=c1",
      "POST /o/a/thread/t1/users",
    ]);

    // Middleware added later to the raw client applies to the operation methods too.
    im.raw.use({ onRequest: ({ request }) => { request.headers.set("X-Later", "1"); return request; } });
    await raw.DELETE("/thread/{thread_id}", { params: { path: { thread_id: "t2" } } });
    await im.deleteThread({ thread_id: "t3" });
    expect(requests.slice(-2).map((r) => r.headers.get("X-Later"))).toEqual(["1", "1"]);
    await expect(im.addGroupMember({ group_id: "g", username: ".." })).rejects.toThrow(InvalidRequestError);
  });
});
