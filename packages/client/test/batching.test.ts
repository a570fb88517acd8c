import { startMock, type MockServer } from "@easemob-openapi/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../src/create-client.js";
import { EasemobApiError } from "../src/errors.js";
import { operationsById } from "../src/generated/operations.js";
import { batch, BatchAbortedError } from "../src/operations/index.js";

const names = (n: number, prefix = "user") => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** A fetch that records each call's method, path names or body, and answers with `answer`. */
function recordingServer(answer: (call: { index: number; method: string; path: string; body: any }) => Response | Promise<Response>) {
  const calls: { method: string; path: string; body: any }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = async (request: Request) => {
    const text = await request.text();
    const call = { method: request.method, path: decodeURIComponent(new URL(request.url).pathname), body: text ? JSON.parse(text) : undefined };
    calls.push(call);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight--;
    const response = await answer({ index: calls.length - 1, ...call });
    // As the platform fetch does: an abort before the answer is read rejects.
    request.signal.throwIfAborted();
    return response;
  };
  return { client: createClient({ baseUrl: "https://h.example/o/a", fetch }, "t"), calls, maxInFlight: () => maxInFlight };
}

const lastSegment = (path: string) => path.slice(path.lastIndexOf("/") + 1).split(",");

describe("batch splitting and merging (recording fetch)", () => {
  it("a body list marked x-batch: false is not a batch (createKeywordList's keywords are the new list); addKeywords is, by 100", async () => {
    expect("batch" in operationsById.createKeywordList).toBe(false);
    expect(operationsById.addKeywords.batch).toEqual({ in: "body", name: "wordContents", maxItems: 100 });
    const server = recordingServer(() => Response.json({ status: "OK", entity: {} }));
    const result = await batch(server.client, "addKeywords", { list_id: "l1" }, names(150, "w"), { body: { userId: "v1" } });
    expect(server.calls.map((c) => [c.body.wordContents.length, c.body.userId])).toEqual([[100, "v1"], [50, "v1"]]);
    expect(result.succeeded).toHaveLength(150);
  });

  it("addGroupMembers: 130 names, at most 60 per call → 3 calls of 60, 60, 10; names not in newmembers failed", async () => {
    const server = recordingServer(({ body }) =>
      Response.json({ data: { newmembers: (body.usernames as string[]).filter((n) => !n.endsWith("7")), groupid: "g1" } }),
    );
    const all = names(130);
    const result = await batch(server.client, "addGroupMembers", { group_id: "g1" }, all);
    expect(server.calls.map((c) => c.body.usernames.length)).toEqual([60, 60, 10]);
    expect(server.calls.flatMap((c) => c.body.usernames)).toEqual(all);
    expect(server.calls.every((c) => c.method === "POST" && c.path === "/o/a/chatgroups/g1/users")).toBe(true);
    const failed = all.filter((n) => n.endsWith("7"));
    expect(result.failed).toEqual(failed.map((name) => ({ name, reason: "not listed in data.newmembers" })));
    expect(result.succeeded).toEqual(all.filter((n) => !n.endsWith("7")));
    expect(result.errors).toEqual([]);
    expect(result.responses).toHaveLength(3);
  });

  it("removeGroupMembers: names in the path, per-name results (object for one, array for several), a 403 call marks its names failed", async () => {
    const server = recordingServer(({ index, path }) => {
      const chunk = lastSegment(path);
      if (index === 1) return Response.json({ error: "forbidden_op", error_description: "users [x] are not members of this group!" }, { status: 403 });
      const results = chunk.map((user) =>
        user === "user5" ? { result: false, action: "remove_member", reason: "user user5 doesn't exist.", user, groupid: "g1" } : { result: true, action: "remove_member", user, groupid: "g1" },
      );
      return Response.json({ data: results.length === 1 ? results[0] : results });
    });
    const all = names(121);
    const result = await batch(server.client, "removeGroupMembers", { group_id: "g1" }, all);
    expect(server.calls.map((c) => lastSegment(c.path).length)).toEqual([60, 60, 1]);
    expect(server.calls.every((c) => c.method === "DELETE" && c.path.startsWith("/o/a/chatgroups/g1/users/"))).toBe(true);

    expect(result.errors).toHaveLength(1);
    const refusal = result.errors[0] as EasemobApiError;
    expect(refusal).toBeInstanceOf(EasemobApiError);
    expect(refusal).toMatchObject({ status: 403, error: "forbidden_op", operationId: "removeGroupMembers" });

    const secondCall = all.slice(60, 120);
    expect(result.failed).toEqual([
      { name: "user5", reason: "user user5 doesn't exist." },
      ...secondCall.map((name) => ({ name, reason: refusal.message, error: refusal })),
    ]);
    expect(result.succeeded).toEqual([...all.slice(0, 60).filter((n) => n !== "user5"), "user121"]);
    expect(result.responses).toHaveLength(2);
  });

  it("removeThreadMembers: results in entities; a name the answer leaves out is failed; names match ignoring case", async () => {
    const server = recordingServer(({ body }) =>
      Response.json({
        entities: (body.usernames as string[]).filter((n) => n !== "Ghost").map((user) => ({ result: true, user: user.toLowerCase() })),
      }),
    );
    const result = await batch(server.client, "removeThreadMembers", { thread_id: "t1" }, ["Alice", "Ghost", "bob"]);
    expect(server.calls).toHaveLength(1);
    expect(result.succeeded).toEqual(["Alice", "bob"]);
    expect(result.failed).toEqual([{ name: "Ghost", reason: "the answer has no result for this name" }]);
  });

  it("muteGroupMembers: the rest of the body goes with every call", async () => {
    const server = recordingServer(({ body }) =>
      Response.json({ data: (body.usernames as string[]).map((user) => ({ result: true, expire: 1, user })) }),
    );
    const result = await batch(server.client, "muteGroupMembers", { group_id: "g1" }, names(61), { body: { mute_duration: 60_000 } });
    expect(server.calls.map((c) => [c.body.usernames.length, c.body.mute_duration])).toEqual([
      [60, 60_000],
      [1, 60_000],
    ]);
    expect(result.succeeded).toHaveLength(61);
  });

  it("addThreadMembers: a data.status answer counts for every name; 25 names → 10, 10, 5", async () => {
    const server = recordingServer(() => Response.json({ data: { status: "ok" } }));
    const result = await batch(server.client, "addThreadMembers", { thread_id: "t1" }, names(25));
    expect(server.calls.map((c) => c.body.usernames.length)).toEqual([10, 10, 5]);
    expect(result.succeeded).toEqual(names(25));
    expect(result.failed).toEqual([]);
  });

  it("sends a repeated name once and reports the repeats, sends nothing for none, and takes a smaller maxItems", async () => {
    const server = recordingServer(() => Response.json({ data: { status: "ok" } }));
    expect(await batch(server.client, "addThreadMembers", { thread_id: "t1" }, [])).toEqual({
      succeeded: [],
      failed: [],
      unknown: [],
      duplicates: [],
      notSent: [],
      errors: [],
      responses: [],
    });
    expect(server.calls).toHaveLength(0);
    const result = await batch(server.client, "addThreadMembers", { thread_id: "t1" }, ["a", "b", "a", "c", "B"], { maxItems: 2 });
    expect(server.calls.map((c) => c.body.usernames)).toEqual([["a", "b"], ["c"]]);
    expect(result.succeeded).toEqual(["a", "b", "c"]);
    // User IDs are case-insensitive on the server: "B" is "b" again.
    expect(result.duplicates).toEqual(["a", "B"]);
  });

  it("sends one call at a time by default, and at most `concurrency` at once when asked, keeping the order", async () => {
    const answer = ({ body }: { body: any }) => Response.json({ data: { newmembers: body.usernames } });
    const sequential = recordingServer(answer);
    await batch(sequential.client, "addGroupMembers", { group_id: "g1" }, names(300));
    expect(sequential.calls).toHaveLength(5);
    expect(sequential.maxInFlight()).toBe(1);

    const parallel = recordingServer(answer);
    const result = await batch(parallel.client, "addGroupMembers", { group_id: "g1" }, names(300), { concurrency: 2 });
    expect(parallel.calls).toHaveLength(5);
    expect(parallel.maxInFlight()).toBe(2);
    expect(result.succeeded).toEqual(names(300));
  });

  it("a network failure on a POST leaves its names unknown (it may have been applied), and the next call still goes", async () => {
    const flaky = recordingServer(({ index }) => {
      if (index === 0) throw new TypeError("fetch failed");
      return Response.json({ data: { status: "ok" } });
    });
    const result = await batch(flaky.client, "addThreadMembers", { thread_id: "t1" }, names(15));
    expect(result.unknown.map((f) => f.name)).toEqual(names(10));
    expect(result.unknown[0]).toMatchObject({ reason: "fetch failed", error: expect.any(TypeError) });
    expect(result.failed).toEqual([]);
    expect(result.succeeded).toEqual(names(15).slice(10));
  });
});

describe("batch outcomes: unknown, invalid, duplicates, limits, abort", () => {
  it("a 502 or 504 leaves the call's names unknown (the server may have applied it); another refusal fails them", async () => {
    const server = recordingServer(({ index }) => {
      if (index === 0) return new Response("<h1>502 Bad Gateway</h1>", { status: 502 });
      if (index === 1) return Response.json({ error: "gateway_timeout" }, { status: 504 });
      if (index === 2) return Response.json({ error: "forbidden_op", error_description: "none are members" }, { status: 403 });
      return Response.json({ data: { status: "ok" } });
    });
    // addThreadMembers is a POST: a 502 or 504 is not retried.
    const result = await batch(server.client, "addThreadMembers", { thread_id: "t1" }, names(31));
    expect(result.unknown.map((f) => f.name)).toEqual(names(20));
    expect(result.unknown[0]!.error).toMatchObject({ status: 502 });
    expect(result.unknown[10]!.error).toMatchObject({ status: 504 });
    expect(result.failed.map((f) => f.name)).toEqual(names(30).slice(20));
    expect(result.succeeded).toEqual(["user31"]);
    expect(result.errors).toHaveLength(3);
  });

  it("invalid names are never sent and are reported failed; the valid ones are still sent", async () => {
    const server = recordingServer(({ path }) => Response.json({ data: lastSegment(path).map((user) => ({ result: true, user })) }));
    const given = ["ok1", "", "a,b", "..", "ok2", 7 as unknown as string];
    const result = await batch(server.client, "removeGroupMembers", { group_id: "g1" }, given);
    expect(server.calls.map((c) => c.path)).toEqual(["/o/a/chatgroups/g1/users/ok1,ok2"]);
    expect(result.succeeded).toEqual(["ok1", "ok2"]);
    expect(result.failed.map((f) => [f.name, f.error?.name])).toEqual([
      ["", "InvalidRequestError"],
      ["a,b", "InvalidRequestError"],
      ["..", "InvalidRequestError"],
      ["7", "InvalidRequestError"],
    ]);
    expect(result.failed[1]).toMatchObject({ error: { field: "names[2]" }, reason: expect.stringContaining('must not contain ","') });
  });

  it.each([
    [{ maxItems: 1.5 }, "options.maxItems"],
    [{ maxItems: 0 }, "options.maxItems"],
    [{ maxItems: 61 }, "options.maxItems"],
    [{ concurrency: 0.5 }, "options.concurrency"],
  ])("refuses %j before sending anything", async (options, field) => {
    const server = recordingServer(() => Response.json({ data: { newmembers: [] } }));
    await expect(batch(server.client, "addGroupMembers", { group_id: "g1" }, names(3), options)).rejects.toMatchObject({
      name: "InvalidRequestError",
      field,
    });
    expect(server.calls).toHaveLength(0);
  });

  it("an abort starts no further call and rejects with what was done so far on the error", async () => {
    const controller = new AbortController();
    const reason = new Error("shutting down");
    const server = recordingServer(({ index, body }) => {
      if (index === 1) controller.abort(reason);
      return Response.json({ data: { newmembers: body.usernames } });
    });
    const error = await batch(server.client, "addGroupMembers", { group_id: "g1" }, names(150), { init: { signal: controller.signal } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BatchAbortedError);
    const { result, cause, operationId } = error as BatchAbortedError<"addGroupMembers">;
    expect(cause).toBe(reason);
    expect(operationId).toBe("addGroupMembers");
    expect(result.succeeded).toEqual(names(60));
    // The call in flight when the abort came may have been applied.
    expect(result.unknown.map((f) => f.name)).toEqual(names(120).slice(60));
    expect(result.notSent).toEqual(names(150).slice(120));
    expect(server.calls).toHaveLength(2);
  });
});

describe("batches against the mock", () => {
  let mock: MockServer;
  const statuses: number[] = [];
  let client: ReturnType<typeof createClient>;
  beforeAll(async () => {
    mock = await startMock();
    const fetch = async (request: Request) => {
      const response = await globalThis.fetch(request);
      statuses.push(response.status);
      return response;
    };
    client = createClient({ host: mock.url, orgName: "org", appName: "app", fetch }, "tok");
  }, 60_000);
  afterAll(() => mock?.close());

  it("removeThreadMembers: 25 names go as 10, 10, 5 (the mock validates maxItems); the documented false results are failures", async () => {
    statuses.length = 0;
    const result = await batch(client, "removeThreadMembers", { thread_id: "1XXXX7" }, ["test2", "test6", ...names(23)]);
    expect(statuses).toEqual([200, 200, 200]);
    expect(result.failed.slice(0, 2)).toEqual([
      { name: "test2", reason: "result: false" },
      { name: "test6", reason: "result: false" },
    ]);
    // The mock answers the same two users for every call: everyone else has no result.
    expect(result.failed).toHaveLength(25);
    expect(result.succeeded).toEqual([]);
  });

  it("addGroupMembers: names missing from data.newmembers are failures", async () => {
    const result = await batch(client, "addGroupMembers", { group_id: "66XXXX85" }, ["user4", "user5", "user6"]);
    expect(result.succeeded).toEqual(["user4", "user5"]);
    expect(result.failed).toEqual([{ name: "user6", reason: "not listed in data.newmembers" }]);
  });

  it("a documented 403 for the whole call marks every name failed with the EasemobApiError", async () => {
    const result = await batch(client, "removeGroupMembers", { group_id: "66XXXX85" }, ["user1", "user2"], {
      init: { headers: { Prefer: "code=403, example=usersNotMembers" } },
    });
    expect(result.succeeded).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ status: 403, error: "forbidden_op", errorDescription: "users [XX] are not members of this group!" });
    expect(result.failed.map((f) => [f.name, f.error])).toEqual([
      ["user1", result.errors[0]],
      ["user2", result.errors[0]],
    ]);
  });
});

describe("batches of the users and messages areas: items as well as names", () => {
  const users = (n: number) => Array.from({ length: n }, (_, i) => ({ username: `user${i + 1}`, password: "p" }));

  it("registerUsers: 130 users in calls of 60, the body an array; users the answer lists with a registerUserFailReason failed", async () => {
    const server = recordingServer(({ body }) =>
      Response.json({
        entities: (body as { username: string }[]).filter((u) => u.username !== "user7").map((u) => ({ username: u.username })),
        data: (body as { username: string }[]).filter((u) => u.username === "user7").map((u) => ({ username: u.username, registerUserFailReason: "the user already exists" })),
      }),
    );
    const given = users(130);
    const result = await batch(server.client, "registerUsers", {}, given);
    expect(server.calls.map((c) => (c.body as unknown[]).length)).toEqual([60, 60, 10]);
    expect(server.calls[0]!.body[0]).toEqual({ username: "user1", password: "p" });
    expect(result.succeeded).toHaveLength(129);
    expect(result.succeeded[0]).toBe(given[0]);
    expect(result.failed).toEqual([{ name: "user7", item: given[6], reason: "the user already exists" }]);
  });

  it("registerUsers: an item without a username is refused unsent, the others still go", async () => {
    const server = recordingServer(() => Response.json({ entities: [] }));
    const result = await batch(server.client, "registerUsers", {}, [{ username: "", password: "p" }, ...users(2)]);
    expect(result.failed).toEqual([expect.objectContaining({ name: "#0", reason: expect.stringContaining("items[0] must have a non-empty username") })]);
    expect(server.calls.map((c) => c.body)).toEqual([users(2)]);
  });

  it("addFavorites: 45 favorites in calls of 20, each with the rest of the body (username); items named by their index", async () => {
    const server = recordingServer(({ body }) => Response.json({ collections: body.collections }));
    const favorites = Array.from({ length: 45 }, (_, i) => ({ type: 1, data: `note ${i}`, createdAt: 1_700_000_000_000 + i }));
    const result = await batch(server.client, "addFavorites", {}, favorites, { body: { username: "u1" } });
    expect(server.calls.map((c) => [c.body.username, c.body.collections.length])).toEqual([["u1", 20], ["u1", 20], ["u1", 5]]);
    expect(result.succeeded).toEqual(favorites);
  });

  it("setGroupMembersMetadata: a member given twice is sent twice (keys are merged); members in updateMetadataFailed failed", async () => {
    const server = recordingServer(() => Response.json({ data: { "updateMetadataFailed:": [{ username: "bob" }], "updateMetadataSucceeded:": [{ username: "amy" }] } }));
    const entries = [{ username: "amy", metadata: { a: "1" } }, { username: "bob", metadata: { b: "1" } }, { username: "amy", metadata: { c: "1" } }];
    const result = await batch(server.client, "setGroupMembersMetadata", { group_id: "g1" }, entries);
    expect(server.calls.map((c) => c.body)).toEqual([entries]);
    expect(result.duplicates).toEqual([]);
    expect(result.succeeded).toEqual([entries[0], entries[2]]);
    expect(result.failed).toEqual([{ name: "bob", item: entries[1], reason: "listed in data.updateMetadataFailed:" }]);
  });

  it.each([
    ["sendUserMessage", 1300, [600, 600, 100]],
    ["sendGroupMessage", 7, [3, 3, 1]],
    ["sendChatroomMessage", 12, [10, 2]],
  ] as const)("%s: %i targets in calls of the documented maximum, the message in every call", async (id, count, sizes) => {
    const server = recordingServer(({ body }) => Response.json({ data: Object.fromEntries((body.to as string[]).map((to, i) => [to, `msg-${i}`])) }));
    const targets = names(count, "t");
    const result = await batch(server.client, id, {}, targets, { body: { type: "txt", body: { msg: "hello" } } });
    expect(server.calls.map((c) => c.body.to.length)).toEqual(sizes);
    expect(server.calls.every((c) => c.body.type === "txt" && c.body.body.msg === "hello")).toBe(true);
    expect(result.succeeded).toEqual(targets);
  });

  it("sendUserMessage: a receiver the answer gives no message ID failed; targeted group sends split users by 20", async () => {
    const server = recordingServer(({ path, body }) =>
      Response.json({ data: path.endsWith("/users") && body.users ? { g1: "m1" } : Object.fromEntries((body.to as string[]).filter((t) => t !== "ghost").map((t) => [t, "m"])) }),
    );
    const sent = await batch(server.client, "sendUserMessage", {}, ["amy", "ghost"], { body: { type: "cmd", body: { action: "ping" } } });
    expect(sent.succeeded).toEqual(["amy"]);
    expect(sent.failed).toEqual([{ name: "ghost", reason: "the answer has no result for this name" }]);
    server.calls.length = 0;
    const targeted = await batch(server.client, "sendGroupTargetedMessage", {}, names(45), { body: { to: ["g1"], type: "txt", body: { msg: "hi" } } });
    expect(server.calls.map((c) => [c.body.to, c.body.users.length])).toEqual([[["g1"], 20], [["g1"], 20], [["g1"], 5]]);
    // The answer maps the group, not the users: each user counts as done.
    expect(targeted.succeeded).toHaveLength(45);
  });
});
