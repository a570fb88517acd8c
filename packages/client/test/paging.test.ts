import { startMock, type MockServer } from "@easemob-openapi/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../src/create-client.js";
import { EasemobApiError } from "../src/errors.js";
import { items, pages, PagingError } from "../src/operations/index.js";

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("cursor paging against the mock (Prism answers page, then end)", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMock();
  }, 60_000);
  afterAll(() => mock?.close());

  /** A client whose n-th request asks the mock for the n-th named example, and a record of the URLs sent. */
  function scripted(examples: string[]) {
    const urls: URL[] = [];
    const statuses: number[] = [];
    const fetch = async (request: Request) => {
      const example = examples[urls.length] ?? "end";
      urls.push(new URL(request.url));
      const headers = new Headers(request.headers);
      headers.set("Prefer", `code=200, example=${example}`);
      const response = await globalThis.fetch(new Request(request, { headers }));
      statuses.push(response.status);
      return response;
    };
    return { client: createClient({ host: mock.url, orgName: "org", appName: "app", fetch }, "tok"), urls, statuses };
  }

  it("listThreads: follows properties.cursor past a short page and stops on the empty page", async () => {
    const { client, urls, statuses } = scripted(["page", "end"]);
    const threads = await collect(items(client, "listThreads", { sort: "asc" }));
    expect(threads).toEqual([{ id: "1XXXX8" }]);
    expect(statuses).toEqual([200, 200]);
    // The largest documented limit (50) is asked for: fewer calls of a rate-limited API.
    expect(urls.map((u) => u.search)).toEqual(["?sort=asc&limit=50", "?sort=asc&limit=50&cursor=ZGXXXXTE"]);
  });

  it("listGroups: follows the top-level cursor (not properties.cursor) and stops on the empty page", async () => {
    const { client, urls } = scripted(["page", "end"]);
    const groups = await collect(items(client, "listGroups"));
    expect(groups.map((g) => g.groupid)).toEqual(["10XXXX60", "10XXXX76"]);
    expect(urls.map((u) => u.search)).toEqual(["?limit=1000", "?limit=1000&cursor=Y2hhdGdyb3VwczplYXNlbW9iLWRlbW8vY2hhdGRlbW91aV8z"]);
  });

  it("listUserJoinedGroups: starts at pagenum 0, where the spec says counting starts", async () => {
    const { client, urls } = scripted(["page"]);
    const groups = await collect(items(client, "listUserJoinedGroups", { username: "u1" }));
    expect(groups).toHaveLength(1);
    // Page 0 first, and the documented maximum of 20 rather than the default of 5.
    expect(urls.map((u) => u.search)).toEqual(["?pagenum=0&pagesize=20"]);
  });

  it("listChatrooms: follows the top-level cursor and stops on the empty page", async () => {
    const { client, urls } = scripted(["page", "end"]);
    const rooms = await collect(items(client, "listChatrooms", {}, { pageSize: 2 }));
    expect(rooms.map((r) => r.id)).toEqual(["662XXXX13", "662XXXX10"]);
    expect(urls.map((u) => u.search)).toEqual(["?limit=2", "?limit=2&cursor=ZGNXXXX6Mg"]);
  });

  it("listThreadMembers: items are data.affiliations", async () => {
    const { client, urls } = scripted(["page", "end"]);
    const members = await collect(items(client, "listThreadMembers", { thread_id: "1XXXX7" }, { pageSize: 20 }));
    expect(members).toEqual(["test4"]);
    expect(urls.map((u) => `${u.pathname}${u.search}`)).toEqual([
      "/org/app/thread/1XXXX7/users?limit=20",
      "/org/app/thread/1XXXX7/users?limit=20&cursor=ZGNXXXXyMA",
    ]);
  });

  it("listUserGroupThreads: pages() yields each full answer; a documented refusal rejects the loop", async () => {
    const { client } = scripted(["page", "end"]);
    const answers = await collect(pages(client, "listUserGroupThreads", { group_id: "g1", username: "test4" }));
    expect(answers).toHaveLength(1);
    expect(answers[0]!.properties?.cursor).toBeTypeOf("string");

    const refused = createClient({ host: mock.url, orgName: "org", appName: "app" }, "tok");
    const loop = collect(
      items(refused, "listThreads", {}, { init: { headers: { Prefer: "code=403, example=threadNotOpen" } } }),
    );
    await expect(loop).rejects.toMatchObject({ name: "EasemobApiError", status: 403, error: "group_error", operationId: "listThreads" });
  });

  it("pagenum lists: a page shorter than pagesize is the last one", async () => {
    const urls: string[] = [];
    const fetch = (request: Request) => {
      urls.push(new URL(request.url).search);
      return globalThis.fetch(request);
    };
    const client = createClient({ host: mock.url, orgName: "org", appName: "app", fetch }, "tok");
    // The mock's page holds 2 members: with pagesize 3 it is short, so one request is all.
    expect(await collect(items(client, "listGroupMembers", { group_id: "10XXXX85" }, { pageSize: 3 }))).toEqual([
      { owner: "user1" },
      { member: "user2" },
    ]);
    expect(urls).toEqual(["?pagenum=1&pagesize=3"]);
    // With pagesize 2 every page is full, and the mock answers the same page for every pagenum:
    // the loop stops on the repeat instead of going on forever.
    urls.length = 0;
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const member of items(client, "listGroupMembers", { group_id: "10XXXX85" }, { pageSize: 2 })) seen.push(member);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PagingError);
    expect(error).toMatchObject({ operationId: "listGroupMembers", pagenum: 2, message: expect.stringContaining("listGroupMembers: pagenum 2") });
    expect(seen).toHaveLength(2);
    expect(urls).toEqual(["?pagenum=1&pagesize=2", "?pagenum=2&pagesize=2"]);
  });
});

describe("paging rules, against a list the test controls", () => {
  /** Serves `total` group members by pagenum/pagesize, or thread pages from `script`; records every URL. */
  function listServer(options: { total?: number; script?: { entities: unknown[]; cursor?: string }[] }) {
    const urls: URL[] = [];
    const fetch = async (request: Request) => {
      const url = new URL(request.url);
      urls.push(url);
      if (url.pathname.endsWith("/users") && url.searchParams.has("pagenum")) {
        const pagenum = Number(url.searchParams.get("pagenum"));
        const pagesize = Number(url.searchParams.get("pagesize"));
        const all = Array.from({ length: options.total ?? 0 }, (_, i) => ({ member: `u${i + 1}` }));
        const data = all.slice((pagenum - 1) * pagesize, pagenum * pagesize);
        return Response.json({ data, count: data.length });
      }
      const page = options.script?.[urls.length - 1];
      if (!page) return Response.json({ error: "group_error", error_description: "no such page" }, { status: 400 });
      return Response.json({ entities: page.entities, ...(page.cursor ? { properties: { cursor: page.cursor } } : {}) });
    };
    return { client: createClient({ baseUrl: "https://h.example/o/a", fetch }, "t"), urls };
  }

  it.each([
    [5, 2, 3, 5],
    [4, 2, 3, 4],
    [0, 2, 1, 0],
    [3, 1000, 1, 3],
  ])("%i members, pagesize %i: %i requests, %i items", async (total, pageSize, requests, count) => {
    const { client, urls } = listServer({ total });
    const members = await collect(items(client, "listGroupMembers", { group_id: "g1" }, { pageSize }));
    expect(members).toHaveLength(count);
    expect(new Set(members.map((m) => JSON.stringify(m))).size).toBe(count);
    expect(urls).toHaveLength(requests);
    expect(urls.map((u) => u.searchParams.get("pagenum"))).toEqual(Array.from({ length: requests }, (_, i) => String(i + 1)));
  });

  it("page-number lists spelled pageNum/pageSize (listGlobalMutes) are paged by those names; items in data.data", async () => {
    const urls: URL[] = [];
    const fetch = async (request: Request) => {
      const url = new URL(request.url);
      urls.push(url);
      const pageNum = Number(url.searchParams.get("pageNum"));
      const all = [{ username: "u1", chat: 10 }, { username: "u2", chat: -1 }, { username: "u3", chatroom: 5 }];
      const size = Number(url.searchParams.get("pageSize"));
      return Response.json({ data: { data: all.slice((pageNum - 1) * size, pageNum * size), unixtime: 1631609858 } });
    };
    const client = createClient({ baseUrl: "https://h.example/o/a", fetch }, "t");
    const muted = await collect(items(client, "listGlobalMutes", {}, { pageSize: 2 }));
    expect(muted.map((m) => m.username)).toEqual(["u1", "u2", "u3"]);
    expect(urls.map((u) => u.search)).toEqual(["?pageNum=1&pageSize=2", "?pageNum=2&pageSize=2"]);
    // With no page size given, the documented maximum (50) is asked for.
    urls.length = 0;
    await collect(items(client, "listGlobalMutes"));
    expect(urls.map((u) => u.search)).toEqual(["?pageNum=1&pageSize=50"]);
  });

  it("asks for the documented maximum page size when none is given", async () => {
    const { client, urls } = listServer({ total: 1 });
    await collect(items(client, "listGroupMembers", { group_id: "g1" }));
    expect(urls[0]!.searchParams.get("pagesize")).toBe("1000");
  });

  it("cursor lists: short pages with a cursor do not stop the loop; the empty page does", async () => {
    const { client, urls } = listServer({
      script: [
        { entities: [{ id: "t1" }, { id: "t2" }], cursor: "c1" },
        { entities: [{ id: "t3" }], cursor: "c2" },
        { entities: [], cursor: "c3" },
      ],
    });
    const threads = await collect(items(client, "listThreads", {}, { pageSize: 5 }));
    expect(threads.map((t) => t.id)).toEqual(["t1", "t2", "t3"]);
    expect(urls.map((u) => u.searchParams.get("cursor"))).toEqual([null, "c1", "c2"]);
    expect(urls.every((u) => u.searchParams.get("limit") === "5")).toBe(true);
  });

  it("cursor lists: a page without a cursor is the last one", async () => {
    const { client, urls } = listServer({ script: [{ entities: [{ id: "t1" }], cursor: "c1" }, { entities: [{ id: "t2" }] }] });
    expect(await collect(items(client, "listUserThreads", { username: "u1" }))).toEqual([{ id: "t1" }, { id: "t2" }]);
    expect(urls).toHaveLength(2);
  });

  it("cursor lists: starts from a given cursor and honours maxPages", async () => {
    const { client, urls } = listServer({
      script: [
        { entities: [{ id: "t1" }], cursor: "c1" },
        { entities: [{ id: "t2" }], cursor: "c2" },
        { entities: [{ id: "t3" }], cursor: "c3" },
      ],
    });
    expect(await collect(items(client, "listThreads", {}, { cursor: "c0", maxPages: 2 }))).toHaveLength(2);
    expect(urls.map((u) => u.searchParams.get("cursor"))).toEqual(["c0", "c1"]);
  });

  it("cursor lists: a cursor that does not move is an error, not an endless loop", async () => {
    const { client, urls } = listServer({
      script: [
        { entities: [{ id: "t1" }], cursor: "same" },
        { entities: [{ id: "t1" }], cursor: "same" },
      ],
    });
    await expect(collect(items(client, "listThreads", {}))).rejects.toThrow(PagingError);
    expect(urls).toHaveLength(2);
  });

  it("a refusal in the middle rejects after the pages already read", async () => {
    const { client, urls } = listServer({ script: [{ entities: [{ id: "t1" }], cursor: "c1" }] });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const thread of items(client, "listThreads", {})) seen.push(thread);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([{ id: "t1" }]);
    expect(error).toBeInstanceOf(EasemobApiError);
    expect(urls).toHaveLength(2);
  });

  it("stops sending when the loop is left early", async () => {
    const { client, urls } = listServer({ total: 10 });
    for await (const member of items(client, "listGroupMembers", { group_id: "g1" }, { pageSize: 2 })) {
      if ("member" in member && member.member === "u3") break;
    }
    expect(urls).toHaveLength(2);
  });

  it("cursor lists: a cursor that comes back after others (a cycle of any length) ends the loop with a PagingError", async () => {
    const { client, urls } = listServer({
      script: [
        { entities: [{ id: "t1" }], cursor: "c1" },
        { entities: [{ id: "t2" }], cursor: "c2" },
        { entities: [{ id: "t3" }], cursor: "c3" },
        { entities: [{ id: "t4" }], cursor: "c1" },
      ],
    });
    const error = await collect(items(client, "listThreads", {})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PagingError);
    expect(error).toMatchObject({ operationId: "listThreads", cursor: "c1", message: expect.stringContaining('listThreads: cursor "c1" came back') });
    expect(urls.map((u) => u.searchParams.get("cursor"))).toEqual([null, "c1", "c2", "c3"]);
  });

  it("cursor lists: fresh cursors that keep bringing the same items end the loop", async () => {
    const { client, urls } = listServer({
      script: Array.from({ length: 10 }, (_, i) => ({ entities: [{ id: "t1" }, { id: "t2" }], cursor: `fresh-${i}` })),
    });
    const error = await collect(items(client, "listThreads", {})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "PagingError", cursor: "fresh-0", message: expect.stringContaining("same items as an earlier page") });
    expect(urls).toHaveLength(2);
  });

  it("cursor lists: items repeating with a period above one (A, B, A) are caught too", async () => {
    const page = (id: string, cursor: string) => ({ entities: [{ id }], cursor });
    const { client, urls } = listServer({ script: [page("a", "c1"), page("b", "c2"), page("a", "c3"), page("b", "c4")] });
    await expect(collect(items(client, "listThreads", {}))).rejects.toMatchObject({ name: "PagingError", cursor: "c2" });
    expect(urls).toHaveLength(3);
  });

  it("pagenum lists: a server answering the same full page for every pagenum ends the loop, naming the page", async () => {
    const urls: string[] = [];
    const fetch = async (request: Request) => {
      urls.push(new URL(request.url).search);
      return Response.json({ data: [{ member: "u1" }, { member: "u2" }] });
    };
    const client = createClient({ baseUrl: "https://h.example/o/a", fetch }, "t");
    const error = await collect(items(client, "listGroupMembers", { group_id: "g1" }, { pageSize: 2 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PagingError);
    expect(error).toMatchObject({ operationId: "listGroupMembers", pagenum: 2 });
    expect(urls).toEqual(["?pagenum=1&pagesize=2", "?pagenum=2&pagesize=2"]);
  });

  it.each([
    ["listGroupMembers", 2500, "from 1 to 1000"],
    ["listGroupMembers", 0, "from 1 to 1000"],
    ["listGroupMembers", 1.5, "from 1 to 1000"],
    ["listThreads", 51, "from 1 to 50"],
  ] as const)("%s: pageSize %d is refused before anything is sent", async (id, pageSize, range) => {
    const { client, urls } = listServer({ total: 3 });
    const size: number = pageSize;
    const loop: AsyncIterable<unknown> =
      id === "listThreads" ? items(client, id, {}, { pageSize: size }) : items(client, id, { group_id: "g1" }, { pageSize: size });
    await expect(collect(loop)).rejects.toMatchObject({ name: "InvalidRequestError", field: "options.pageSize", message: expect.stringContaining(range) });
    expect(urls).toHaveLength(0);
  });
});


describe("the lists of the users, moderation and reactions areas", () => {
  /** A client over `answer`, recording the URL and the JSON body of every request. */
  function recorded(answer: (url: URL, body: Record<string, unknown> | undefined) => unknown) {
    const sent: { url: URL; body: Record<string, unknown> | undefined }[] = [];
    const fetch = async (request: Request) => {
      const url = new URL(request.url);
      const text = await request.text();
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
      sent.push({ url, body });
      return Response.json(answer(url, body));
    };
    return { client: createClient({ baseUrl: "https://h.example/o/a", fetch }, "t"), sent };
  }

  it("listUserBlocklist: always sends pageSize (without it the server answers 500 names unpaged) and follows the top-level cursor", async () => {
    const { client, sent } = recorded((url) =>
      url.searchParams.get("cursor") === null ? { data: ["b1", "b2"], cursor: "c1" } : url.searchParams.get("cursor") === "c1" ? { data: ["b3"], cursor: "c2" } : { data: [] },
    );
    expect(await collect(items(client, "listUserBlocklist", { username: "u1" }))).toEqual(["b1", "b2", "b3"]);
    expect(sent.map((s) => s.url.search)).toEqual(["?pageSize=50", "?pageSize=50&cursor=c1", "?pageSize=50&cursor=c2"]);
  });

  it("listFavorites: each page starts at the last favorite read (included); items skips it, and an answer with nothing new ends the list", async () => {
    const all = ["f1", "f2", "f3", "f4", "f5"].map((id) => ({ id, type: 1, data: id }));
    const { client, sent } = recorded((url) => {
      const from = url.searchParams.get("collection_id");
      const start = from === null ? 0 : all.findIndex((f) => f.id === from);
      return { collections: all.slice(start, start + Number(url.searchParams.get("limit"))) };
    });
    expect((await collect(items(client, "listFavorites", { username: "u1", direction: "asc" }, { pageSize: 2 }))).map((f) => f.id)).toEqual([
      "f1",
      "f2",
      "f3",
      "f4",
      "f5",
    ]);
    expect(sent.map((s) => s.url.searchParams.get("collection_id"))).toEqual([null, "f2", "f3", "f4", "f5"]);
    expect(sent.every((s) => s.url.searchParams.get("direction") === "asc" && s.url.searchParams.get("limit") === "2")).toBe(true);
    // pages gives each answer as sent: the second begins with the first's last favorite.
    sent.length = 0;
    const answers = await collect(pages(client, "listFavorites", { username: "u1" }, { pageSize: 2 }));
    expect(answers.map((a) => a.collections.map((f) => f.id))).toEqual([["f1", "f2"], ["f2", "f3"], ["f3", "f4"], ["f4", "f5"]]);
  });

  it("listFavorites: a server that ignores collection_id ends the loop with a PagingError", async () => {
    const { client } = recorded(() => ({ collections: [{ id: "f1" }, { id: "f2" }] }));
    await expect(collect(items(client, "listFavorites", { username: "u1" }, { pageSize: 2 }))).rejects.toMatchObject({
      name: "PagingError",
      message: expect.stringContaining('collection_id "f2"'),
    });
  });

  it("listKeywords: paged in the body, page from 0, with the rest of the body given as options.body", async () => {
    const words = Array.from({ length: 5 }, (_, i) => ({ id: `w${i}`, word: `music${i}` }));
    const { client, sent } = recorded((_, body) => {
      const [page, size] = [Number(body?.["page"]), Number(body?.["size"])];
      return { entities: words.slice(page * size, (page + 1) * size), number: page };
    });
    const found = await collect(items(client, "listKeywords", { list_id: "l1" }, { body: { word: "music" }, pageSize: 2 }));
    expect(found.map((w) => w.id)).toEqual(["w0", "w1", "w2", "w3", "w4"]);
    expect(sent.map((s) => s.body)).toEqual([0, 1, 2].map((page) => ({ word: "music", page, size: 2 })));
    expect(sent.every((s) => s.url.pathname === "/o/a/moderation/text/list/l1/word" && s.url.search === "")).toBe(true);
  });

  it("listUserPresenceSubscriptions: pageNum/pageSize at the documented maximum (500), not the default of 1", async () => {
    const { client, sent } = recorded(() => ({ result: { totalnum: 2, sublist: [{ uid: "a", expiry: 1 }, { uid: "b", expiry: 2 }] } }));
    expect((await collect(items(client, "listUserPresenceSubscriptions", { username: "u1" }))).map((s) => s.uid)).toEqual(["a", "b"]);
    expect(sent.map((s) => s.url.search)).toEqual(["?pageNum=1&pageSize=500"]);
  });

  it("getReactionDetail and listContacts: the cursor in data.cursor, the items one level down", async () => {
    const { client, sent } = recorded((url) =>
      url.pathname.endsWith("/detail")
        ? { data: url.searchParams.has("cursor") ? { userList: [] } : { userList: ["u2", "u3"], cursor: "r1" } }
        : { data: url.searchParams.has("cursor") ? { contacts: [] } : { contacts: [{ username: "c1" }], cursor: "k1" } },
    );
    expect(await collect(items(client, "getReactionDetail", { userId: "u1", msgId: "m1", message: "👍" }))).toEqual(["u2", "u3"]);
    expect((await collect(items(client, "listContacts", { username: "u1" }))).map((c) => c.username)).toEqual(["c1"]);
    expect(sent.map((s) => s.url.searchParams.get("cursor"))).toEqual([null, "r1", null, "k1"]);
  });
});
