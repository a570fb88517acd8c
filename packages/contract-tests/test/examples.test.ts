import { afterAll, describe, expect, inject, it } from "vitest";
import { exampleCases, requestExampleCases } from "../src/cases.js";
import { prefixedClients } from "../src/prefixes.js";
import { call, validInput } from "../src/request.js";

let executed = 0;
const clients = prefixedClients(inject("mockOrigin"));

describe.each(clients)("through the $prefix client", ({ client }) => {
  it.each(exampleCases.map((c) => [`${c.entry.operation.operationId} ${c.status} ${c.name}`, c] as const))(
    "%s answers the documented example",
    async (_, { entry, status, name, value, mediaType }) => {
      const input = { ...validInput(entry), headers: { Prefer: `code=${status}, example=${name}` } };
      executed++;
      const result = await call(client, entry, input);
      expect(result.violations).toEqual([]);
      expect(result.status).toBe(status);
      if (mediaType === "application/json") {
        expect(result.body).toEqual(value);
        return;
      }
      // A binary answer (a file download), read as text: its documented content type, and the example's bytes.
      expect(result.contentType?.split(";")[0]).toBe(mediaType);
      expect(typeof result.body === "string" && result.body.length > 0).toBe(true);
      expect(result.body).toEqual(value);
    },
  );

  it.each(requestExampleCases.map((c) => [`${c.entry.operation.operationId} ${c.name}`, c] as const))(
    "%s: the documented request example is accepted",
    async (_, { entry, input }) => {
      const result = await call(client, entry, input);
      expect(result.violations).toEqual([]);
      expect(result.status).toBeGreaterThanOrEqual(200);
      expect(result.status).toBeLessThan(300);
    },
  );
});

afterAll(() => {
  const operations = new Set(exampleCases.map((c) => c.entry.operation.operationId)).size;
  console.log(
    `Contract: executed ${executed} (operation, status, example) calls = ${exampleCases.length} cases ` +
      `over ${operations} operations × ${clients.length} prefixes; ${requestExampleCases.length} request examples.`,
  );
});
