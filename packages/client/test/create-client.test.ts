import { describe, expect, it } from "vitest";
import { createClient, InvalidRequestError } from "../src/index.js";
import { recordingFetch } from "./recording-fetch.js";

describe("createClient endpoints", () => {
  it("addresses the Easemob org/app prefix over https and sends the bearer token", async () => {
    const { fetch, requests } = recordingFetch();
    const im = createClient({ host: "a1.easemob.com", orgName: "org", appName: "app", fetch }, "tok-1");
    await im.GET("/chatgroups/{group_id}/users", { params: { path: { group_id: "g1" }, query: { pagesize: 2 } } });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url).toBe("https://a1.easemob.com/org/app/chatgroups/g1/users?pagesize=2");
    expect(request?.headers.get("Authorization")).toBe("Bearer tok-1");
    expect(request?.headers.get("Accept")).toBe("application/json");
  });

  it("addresses the Agora Chat app-id prefix", async () => {
    const { fetch, requests } = recordingFetch();
    const im = createClient({ host: "a1.easemob.com", appId: "abc123", fetch }, "tok");
    await im.POST("/chatgroups/{group_id}/users/{username}", { params: { path: { group_id: "g1", username: "u1" } } });
    expect(requests[0]?.url).toBe("https://a1.easemob.com/app-id/abc123/chatgroups/g1/users/u1");
  });

  it("uses an origin given as host (a local mock) and a full baseUrl as given", async () => {
    const { fetch, requests } = recordingFetch();
    const local = createClient({ host: "http://127.0.0.1:4010", orgName: "o", appName: "a", fetch }, "t");
    const direct = createClient({ baseUrl: "http://127.0.0.1:4010/o/a/", fetch }, "t");
    for (const im of [local, direct]) {
      await im.GET("/chatgroups/{group_id}/users", { params: { path: { group_id: "g" } } });
    }
    expect(requests.map((r) => r.url)).toEqual([
      "http://127.0.0.1:4010/o/a/chatgroups/g/users",
      "http://127.0.0.1:4010/o/a/chatgroups/g/users",
    ]);
  });

  it("percent-encodes org and app names so they cannot inject path or template markers", async () => {
    const { fetch, requests } = recordingFetch();
    const im = createClient({ host: "h.example", orgName: "o{x}", appName: "a b", fetch }, "t");
    await im.GET("/chatgroups/{group_id}/users", { params: { path: { group_id: "g" } } });
    expect(requests[0]?.url).toBe("https://h.example/o%7Bx%7D/a%20b/chatgroups/g/users");
  });

  it.each([
    [{ host: "", orgName: "o", appName: "a" }, "config.host"],
    [{ host: "h.example/path", orgName: "o", appName: "a" }, "config.host"],
    [{ host: "h.example", orgName: "", appName: "a" }, "config.orgName"],
    [{ host: "h.example", orgName: "o", appName: ".." }, "config.appName"],
    [{ host: "h.example", orgName: "o/x", appName: "a" }, "config.orgName"],
    [{ host: "h.example", appId: "." }, "config.appId"],
    [{ baseUrl: "not a url" }, "config.baseUrl"],
    // A query or fragment swallows every path appended to it: DELETE /o/a?x/chatgroups/g1/admin/u1
    // would be DELETE /o/a, and client credentials would be POSTed there too.
    [{ baseUrl: "https://h.example/o/a?x=1" }, "config.baseUrl"],
    [{ baseUrl: "https://h.example/o/a?" }, "config.baseUrl"],
    [{ baseUrl: "https://h.example/o/a#frag" }, "config.baseUrl"],
    [{ baseUrl: "https://user:pass@h.example/o/a" }, "config.baseUrl"],
    [{ baseUrl: "ftp://h.example/o/a" }, "config.baseUrl"],
    [{ host: "h.example#x", orgName: "o", appName: "a" }, "config.host"],
    [{ host: "h.example?", orgName: "o", appName: "a" }, "config.host"],
    [{ host: "ftp://h.example", orgName: "o", appName: "a" }, "config.host"],
  ])("refuses the configuration %j, naming %s", (config, field) => {
    expect(() => createClient(config, "t")).toThrow(expect.objectContaining({ name: "InvalidRequestError", field }));
  });

  it("refuses an empty token without echoing it", () => {
    expect(() => createClient({ host: "h.example", appId: "a" }, " ")).toThrow(InvalidRequestError);
    const error = (() => {
      try {
        createClient({ host: "h.example", appId: "a" }, "secret\nvalue");
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).not.toContain("secret");
  });
});
