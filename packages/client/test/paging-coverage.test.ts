import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { NOT_PAGED } from "../scripts/operation-table.js";
import { operationsById, type OperationId } from "../src/generated/operations.js";

/** Names that page a list wherever they appear (query or JSON body), whatever their case; broader than the generator's own rule. */
const PAGING = /^(page|page_?num(ber)?|page_?size|size|limit|cursor|offset|marker|next)$/i;

type Schema = { properties?: Record<string, unknown> };
type Operation = {
  operationId: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
const spec = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@easemob-openapi/spec/openapi.dereferenced.json"), "utf8"),
) as { paths: Record<string, Record<string, Operation>> };
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** Every operation of the spec with a paging parameter in its query or its JSON body, and the names found. */
const withPagingParameters = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ["get", "post", "put", "delete", "patch"].includes(method))
    .map(([method, operation]) => {
      const query = (operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
      const body = Object.keys(operation.requestBody?.content?.["application/json"]?.schema?.properties ?? {});
      return { id: operation.operationId as OperationId, at: `${method.toUpperCase()} ${path}`, names: [...query, ...body].filter((n) => PAGING.test(n)) };
    })
    .filter(({ names }) => names.length > 0),
);

describe("every list with paging parameters is paged or a documented exception", () => {
  it("finds the lists of every area (a walk that finds nothing proves nothing)", () => {
    expect(withPagingParameters.map((o) => o.id)).toEqual(expect.arrayContaining(["listUsers", "listUserBlocklist", "listFavorites", "listKeywords", "deleteUsers"]));
  });

  it.each(withPagingParameters)("$id ($at: $names)", ({ id }) => {
    const row = operationsById[id] as { paging?: object };
    if (id in NOT_PAGED) {
      expect(row.paging).toBeUndefined();
      // The README tells users which lists are not paged, and why.
      expect(readme).toContain(`\`${id}\``);
    } else {
      expect(row.paging, `${id} is neither paged nor in NOT_PAGED`).toBeDefined();
    }
  });
});
