import { describe, expect, it } from "vitest";
import { createClient } from "../src/index.js";
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
  it("a reserved word is not sent as an ID", async () => {
    const { im, requests } = client();
    const outcome = await im.DELETE("/chatrooms/{chatroom_id}", { params: { path: { chatroom_id: "super_admin" } } }).catch((e: unknown) => e);
    expect(outcome).toMatchObject({ name: "InvalidRequestError", field: "path.chatroom_id" });
    expect(requests).toHaveLength(0);
  });

  it("each list item is matched", async () => {
    const { im, requests } = client();
    const outcome = await im.GET("/chatrooms/{chatroom_id}", { params: { path: { chatroom_id: ["12", "super_admin"] } } }).catch((e: unknown) => e);
    expect(outcome).toMatchObject({ field: "path.chatroom_id[1]" });
    expect(requests).toHaveLength(0);
  });

  it("matching values are sent", async () => {
    const { im, requests } = client();
    await im.DELETE("/chatrooms/{chatroom_id}", { params: { path: { chatroom_id: "super_admins" } } });
    expect(requests.map((r) => r.url)).toEqual(["https://h.example/o/a/chatrooms/super_admins"]);
  });
});

describe("the URL actually sent is checked, whatever the path serializer did", () => {
  /** Substitutes values as they are, without encoding: a serializer that lets anything through. */
  const passThrough = (path: string, params: Record<string, unknown>) =>
    path.replace(/\{([^{}]+)\}/g, (_, name: string) => [params[name]].flat().join(","));

  function withSerializer() {
    const recorder = recordingFetch();
    return { ...recorder, im: createClient({ baseUrl: "https://h.example/o/a", fetch: recorder.fetch, pathSerializer: passThrough }, "t") };
  }

  it.each([
    ["u1?x=1", "a query"],
    ["u1#frag", "a fragment"],
    ["%2E%2E", "an encoded dot segment"],
    ["u1%2Fadmin", "an encoded slash"],
  ])("a configured pass-through pathSerializer cannot send %j (%s)", async (username) => {
    const { im, requests } = withSerializer();
    const outcome = await im
      .DELETE("/chatgroups/{group_id}/admin/{username}", { params: { path: { group_id: "g1", username } } })
      .catch((e: unknown) => e);
    expect(outcome).toMatchObject({ name: "InvalidRequestError", field: expect.stringMatching(/^path/) });
    expect(requests).toHaveLength(0);
  });

  it("nor can one given per call", async () => {
    const { im, requests } = client();
    const outcome = await im
      .DELETE("/chatgroups/{group_id}/admin/{username}", {
        params: { path: { group_id: "g1", username: "u1?x=1" } },
        pathSerializer: passThrough,
      })
      .catch((e: unknown) => e);
    expect(outcome).toMatchObject({ name: "InvalidRequestError", field: "path.username" });
    expect(requests).toHaveLength(0);
  });

  it("values that merely contain ?, # or % are sent encoded, as asked", async () => {
    const { im, requests } = client();
    await im.DELETE("/chatgroups/{group_id}/admin/{username}", { params: { path: { group_id: "g1", username: "a?b#c%d" } } });
    expect(requests.map((r) => r.url)).toEqual(["https://h.example/o/a/chatgroups/g1/admin/a%3Fb%23c%25d"]);
  });

  it("a per-call fetch or baseUrl is refused: it would bypass auth and retries, or send the token elsewhere", async () => {
    const { im, requests } = client();
    const other = recordingFetch();
    const viaFetch = await im.GET("/chatgroups/{group_id}/users", { params: { path: { group_id: "g1" } }, fetch: other.fetch }).catch((e: unknown) => e);
    expect(viaFetch).toMatchObject({ name: "InvalidRequestError", field: "init.fetch" });
    const viaBase = await im
      .GET("/chatgroups/{group_id}/users", { params: { path: { group_id: "g1" } }, baseUrl: "https://evil.example/o/a" })
      .catch((e: unknown) => e);
    expect(viaBase).toMatchObject({ name: "InvalidRequestError", field: "init.baseUrl" });
    expect(requests).toHaveLength(0);
    expect(other.requests).toHaveLength(0);
  });
});
