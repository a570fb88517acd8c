import { InvalidRequestError } from "@easemob-openapi/client";
import { afterAll, describe, expect, inject, it } from "vitest";
import { limitCases, type LimitCase } from "../src/cases.js";
import { prefixedClients } from "../src/prefixes.js";
import { call } from "../src/request.js";

let executed = 0;
const clients = prefixedClients(inject("mockOrigin"));
const title = (c: LimitCase) => `${c.entry.operation.operationId}: ${c.label} is ${c.inside ? "accepted" : "rejected"}`;

describe.each(clients)("through the $prefix client", ({ client }) => {
  it.each(limitCases.map((c) => [title(c), c] as const))("%s", async (_, limit) => {
    executed++;
    const outcome = await call(client, limit.entry, limit.input).catch((error: unknown) => error);
    if (limit.inside) {
      expect(outcome).not.toBeInstanceOf(Error);
      expect(outcome).toMatchObject({ violations: [] });
      const { status } = outcome as { status: number };
      expect(status).toBeGreaterThanOrEqual(200);
      expect(status).toBeLessThan(300);
      return;
    }
    if (outcome instanceof InvalidRequestError) {
      // Refused by the client before sending: must name the field.
      expect(outcome.field).toContain(limit.field);
      return;
    }
    const { status, violations } = outcome as Awaited<ReturnType<typeof call>>;
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    const mentions = violations.filter((v) =>
      [...(v.location ?? []), v.message].some((part) => String(part).toLowerCase().includes(limit.field.toLowerCase())),
    );
    expect(mentions, JSON.stringify(violations)).not.toHaveLength(0);
  });
});

afterAll(() => {
  console.log(`Contract: executed ${executed} limit calls (${limitCases.length} cases × ${clients.length} prefixes).`);
});
