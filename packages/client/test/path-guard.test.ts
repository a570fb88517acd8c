import createFetchClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { createClient } from "../src/index.js";
import { pathGuardFor } from "../src/path-guard.js";
import { recordingFetch } from "./recording-fetch.js";

function client() {
  const recorder = recordingFetch();
  return { ...recorder, im: createClient({ host: "h.example", orgName: "o", appName: "a", fetch: recorder.fetch }, "t") };
}

describe("path values that would change the request are refused before sending", () => {
  it.each([
    ["", "must not be empty"],
    [".", 'must not be "."'],
    ["..", 'must not be ".."'],
    ["u1,u2", 'must not contain ","'],
    ["a/b", 'must not contain "/"'],
  ])("single name %j", async (username, reason) => {
    const { im, requests } = client();
    await expect(
      im.POST("/chatgroups/{group_id}/users/{username}", { params: { path: { group_id: "g1", username } } }),
    ).rejects.toThrow(expect.objectContaining({ name: "InvalidRequestError", field: "path.username", message: expect.stringContaining(reason) }));
    expect(requests).toHaveLength(0);
  });

  it.each([["", "path.group_id"], ["..", "path.group_id"], ["1,2", "path.group_id"]])(
    "group id %j",
    async (group_id, field) => {
      const { im, requests } = client();
      await expect(
        im.GET("/chatgroups/{group_id}/users", { params: { path: { group_id } } }),
      ).rejects.toThrow(expect.objectContaining({ field }));
      expect(requests).toHaveLength(0);
    },
  );

  it.each([
    [[], "path.username"],
    [["u1", ".."], "path.username[1]"],
    [["u1,u2"], "path.username[0]"],
    [["u1", ""], "path.username[1]"],
  ])("name list %j", async (username, field) => {
    const { im, requests } = client();
    await expect(
      im.DELETE("/chatgroups/{group_id}/users/{username}", { params: { path: { group_id: "g1", username } } }),
    ).rejects.toThrow(expect.objectContaining({ name: "InvalidRequestError", field }));
    expect(requests).toHaveLength(0);
  });

  it("a missing path value is refused, not sent as the literal template", async () => {
    const { im, requests } = client();
    // @ts-expect-error the type already requires username; the guard covers untyped callers.
    await expect(im.POST("/chatgroups/{group_id}/users/{username}", { params: { path: { group_id: "g1" } } })).rejects.toThrow(
      expect.objectContaining({ field: "path.username" }),
    );
    expect(requests).toHaveLength(0);
  });

  it("sends valid single names and name lists, a list comma-joined", async () => {
    const { im, requests } = client();
    await im.POST("/chatgroups/{group_id}/users/{username}", { params: { path: { group_id: "g1", username: "user.4" } } });
    await im.DELETE("/chatgroups/{group_id}/users/{username}", { params: { path: { group_id: "g1", username: ["u1", "u2"] } } });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST https://h.example/o/a/chatgroups/g1/users/user.4",
      "DELETE https://h.example/o/a/chatgroups/g1/users/u1,u2",
    ]);
  });
});

describe("path values outside a parameter's pattern are refused", () => {
  const routes = [
    {
      method: "delete",
      path: "/chatrooms/{chatroom_id}",
      pathParams: { chatroom_id: { kind: "single" as const, pattern: "^(?!super_admin$)[^,]+$" } },
    },
    { method: "get", path: "/rooms/{ids}", pathParams: { ids: { kind: "list" as const, pattern: "^[0-9]+$" } } },
  ];

  async function send(path: string, values: Record<string, unknown>) {
    const { fetch, requests } = recordingFetch();
    const client = createFetchClient<Record<string, never>>({ baseUrl: "https://h.example", fetch });
    client.use(pathGuardFor(routes));
    const request = client.request as unknown as (m: string, p: string, i: object) => Promise<unknown>;
    const outcome = await request(path === "/rooms/{ids}" ? "get" : "delete", path, { params: { path: values } }).catch(
      (e: unknown) => e,
    );
    return { outcome, requests };
  }

  it("a reserved word is not sent as an ID", async () => {
    const { outcome, requests } = await send("/chatrooms/{chatroom_id}", { chatroom_id: "super_admin" });
    expect(outcome).toMatchObject({ name: "InvalidRequestError", field: "path.chatroom_id" });
    expect(requests).toHaveLength(0);
  });

  it("each list item is matched", async () => {
    const { outcome, requests } = await send("/rooms/{ids}", { ids: ["12", "x"] });
    expect(outcome).toMatchObject({ field: "path.ids[1]" });
    expect(requests).toHaveLength(0);
  });

  it("matching values are sent", async () => {
    const { requests } = await send("/chatrooms/{chatroom_id}", { chatroom_id: "super_admins" });
    expect(requests.map((r) => r.url)).toEqual(["https://h.example/chatrooms/super_admins"]);
  });
});
