/**
 * Type-level checks. The `expectTypeOf` and `@ts-expect-error` lines are checked by
 * `tsc -p tsconfig.json` (this file is in its `include`); the last test also compiles a
 * fixture with the TypeScript API, so that `vitest run` itself fails if misuse compiles.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { createClient } from "../src/create-client.js";
import { toResult, type ApiErrorOf, type EasemobApiError, type ErrorStatusOf, type ErrorTypeOf } from "../src/errors.js";
import {
  batch,
  items,
  operationMethods,
  type BatchOperationId,
  type BodyOf,
  type ItemOf,
  type PagedOperationId,
  type ParamsOf,
  withOperations,
} from "../src/operations/index.js";
import { compileFixture } from "./support/compile-fixture.js";

const raw = createClient({ baseUrl: "https://h.example/o/a", fetch: async () => Response.json({}) }, "t");
const im = operationMethods(raw);

describe("operation method types", () => {
  it("merge path and query parameters and type bodies and answers from the spec", () => {
    expectTypeOf<ParamsOf<"addGroupMember">>().toEqualTypeOf<{ group_id: string; username: string; need_notify?: boolean }>();
    expectTypeOf<ParamsOf<"listGroupMembers">>().toEqualTypeOf<{ group_id: string; pagenum?: number; pagesize?: number; joined_time?: boolean }>();
    expectTypeOf<ParamsOf<"removeGroupMembers">["username"]>().toEqualTypeOf<string[]>();
    expectTypeOf<BodyOf<"addGroupMembers">>().toEqualTypeOf<{ usernames: string[] }>();
    expectTypeOf<BodyOf<"addGroupMember">>().toBeNever();
    expectTypeOf(im.addGroupMember).parameters.toEqualTypeOf<
      [params: { group_id: string; username: string; need_notify?: boolean }, init?: Parameters<typeof im.addGroupMember>[1]]
    >();
    expectTypeOf(im.addGroupMembers).parameter(1).toEqualTypeOf<{ usernames: string[] }>();
    expectTypeOf<Awaited<ReturnType<typeof im.addGroupMembers>>["data"]["newmembers"]>().toEqualTypeOf<string[]>();
    expectTypeOf(im.listChatrooms).toBeCallableWith();
  });

  it("refuse wrong parameter names, missing parameters and missing bodies", () => {
    const never = () => {
      // @ts-expect-error — `usrname` is not a parameter of addGroupMember
      void im.addGroupMember({ group_id: "g", usrname: "u" });
      // @ts-expect-error — `username` is required
      void im.addGroupMember({ group_id: "g" });
      // @ts-expect-error — addGroupMembers takes a body
      void im.addGroupMembers({ group_id: "g" });
      // @ts-expect-error — the body's `usernames` is an array
      void im.addGroupMembers({ group_id: "g" }, { usernames: "u1" });
      // @ts-expect-error — no such operation
      void im.addGroupMemberz;
    };
    expect(never).toBeTypeOf("function");
  });

  it("narrow errors per operation from the spec", async () => {
    expectTypeOf<ErrorStatusOf<"addGroupMember">>().toEqualTypeOf<401 | 403 | 404 | 429 | 503>();
    expectTypeOf<ErrorTypeOf<"addGroupMember">>().toEqualTypeOf<
      "unauthorized" | "forbidden_op" | "exceed_limit" | "resource_not_found" | "too_many_requests" | "service_unavailable"
    >();
    expectTypeOf<ApiErrorOf<"listThreads">["status"]>().toEqualTypeOf<400 | 401 | 403 | 429 | 503>();
    expectTypeOf<ApiErrorOf<OperationIdAny>>().toEqualTypeOf<EasemobApiError>();
    const { error } = await toResult(im.addGroupMember({ group_id: "g", username: "u" }));
    if (error?.status === 403) expectTypeOf(error.error).toEqualTypeOf<"forbidden_op" | "exceed_limit">();
    if (error?.status === 404) expectTypeOf(error.error).toEqualTypeOf<"resource_not_found">();
    // @ts-expect-error — 400 is not a documented status of addGroupMember
    if (error?.status === 400) void error;
  });

  it("type paged items and batch arguments from the generated table", () => {
    expectTypeOf<"listThreads" | "listGroupMembers" | "listThreadMembers">().toExtend<PagedOperationId>();
    expectTypeOf<"addGroupMember">().not.toExtend<PagedOperationId>();
    expectTypeOf<"addGroupMembers" | "removeGroupMembers" | "removeThreadMembers">().toExtend<BatchOperationId>();
    expectTypeOf<ItemOf<"listThreadMembers">>().toEqualTypeOf<string>();
    expectTypeOf<ItemOf<"listThreads">>().toEqualTypeOf<{ id: string }>();
    // A list whose documented answer may abridge it to one object: the items are the array's.
    expectTypeOf<ItemOf<"listChatrooms">["affiliations_count"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf(items(raw, "listGroupMembers", { group_id: "g" })).toEqualTypeOf<
      AsyncGenerator<{ owner: string; joined_time?: number } | { member: string; joined_time?: number }, void, undefined>
    >();
    const never = () => {
      // @ts-expect-error — the names travel separately: `username` is not a parameter here
      void batch(raw, "removeGroupMembers", { group_id: "g", username: ["a"] }, ["a"]);
      // @ts-expect-error — muteGroupMembers needs the rest of its body (mute_duration)
      void batch(raw, "muteGroupMembers", { group_id: "g" }, ["a"]);
      // @ts-expect-error — addGroupMember takes one name, it is not a batch operation
      void batch(raw, "addGroupMember", { group_id: "g" }, ["a"]);
      // @ts-expect-error — deleteChatroom is not paged
      void items(raw, "deleteChatroom", { chatroom_id: "r" });
      // @ts-expect-error — listGroupMembers needs its group_id
      void items(raw, "listGroupMembers");
      // @ts-expect-error — the iterator sets the paging parameters itself
      void items(raw, "listGroupMembers", { group_id: "g", pagenum: 2 });
      // @ts-expect-error — above the documented maximum page size (1000)
      void items(raw, "listGroupMembers", { group_id: "g" }, { pageSize: 2500 });
      // @ts-expect-error — above the documented maximum limit (50)
      void withOperations(raw).pages("listThreads", {}, { pageSize: 51 });
      // @ts-expect-error — a per-call fetch would bypass auth and retries
      void im.addGroupMember({ group_id: "g", username: "u" }, { fetch: async () => new Response() });
    };
    expectTypeOf(items).toBeCallableWith(raw, "listGroupMembers", { group_id: "g" }, { pageSize: 1000 });
    expectTypeOf(items).toBeCallableWith(raw, "listGroupMembers", { group_id: "g" }, { pageSize: 2500 as number });
    expectTypeOf(items).toBeCallableWith(raw, "listThreads");
    const both = withOperations(raw);
    expectTypeOf(both.items).toBeCallableWith("listThreads", { sort: "asc" }, { pageSize: 10 });
    expectTypeOf(both.addGroupMember).toEqualTypeOf(im.addGroupMember);
    expectTypeOf(both.raw).toEqualTypeOf(raw);
    expect(never).toBeTypeOf("function");
  });

  it("the compiler rejects a wrong parameter name and a page size above the maximum (fixture compiled with the TypeScript API)", () => {
    const byLine = compileFixture([
      'import { createClient } from "../src/create-client.js";',
      'import { operationMethods } from "../src/operations/index.js";',
      'const im = operationMethods(createClient({ baseUrl: "https://h.example" }, "t"));',
      'export const ok = im.addGroupMember({ group_id: "g", username: "u" });',
      'export const wrong = im.addGroupMember({ group_id: "g", usrname: "u" });',
      'export const unknown = im.noSuchOperation({});',
      'import { items } from "../src/operations/index.js";',
      'export const big = items(createClient({ baseUrl: "https://h.example" }, "t"), "listGroupMembers", { group_id: "g" }, { pageSize: 2500 });',
      'export const fits = items(createClient({ baseUrl: "https://h.example" }, "t"), "listGroupMembers", { group_id: "g" }, { pageSize: 1000 });',
    ]);
    expect(byLine).toEqual([
      [5, 2561], // Object literal may only specify known properties... Did you mean to write 'username'?
      [6, 2339], // Property 'noSuchOperation' does not exist
      [8, 2322], // pageSize 2500 is above listGroupMembers' documented maximum
    ]);
  }, 60_000);
});

type OperationIdAny = keyof typeof import("../src/generated/operations.js").operationsById;
