// /chatrooms/super_admin shares its shape with /chatrooms/{chatroom_id}: the client must never send
// "super_admin" as a room ID (a DELETE would otherwise reach the room deletion), under either prefix.
import { InvalidRequestError } from "@easemob-openapi/client";
import { describe, expect, inject, it } from "vitest";
import { prefixedClients } from "../src/prefixes.js";

describe.each(prefixedClients(inject("mockOrigin")))("through the $prefix client", ({ client }) => {
  it("refuses super_admin as a room ID before sending", async () => {
    await expect(
      client.DELETE("/chatrooms/{chatroom_id}", { params: { path: { chatroom_id: "super_admin" } } }),
    ).rejects.toSatisfy((error) => error instanceof InvalidRequestError && error.field === "path.chatroom_id");
  });

  it("sends the super-admin list to its own operation", async () => {
    const { data, response } = await client.GET("/chatrooms/super_admin", {
      params: { query: { pagenum: 1, pagesize: 10 } },
    });
    expect(response.status).toBe(200);
    expect(data?.action).toBe("get");
    expect(Array.isArray(data?.data)).toBe(true);
  });
});
