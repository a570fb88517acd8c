// When the mock refuses a request, its explanation reaches the user: EasemobApiError.violations and
// the message name the field (Prism's sl-violations header with a documented 400, else the
// validation list of its 422 problem+json).
import { startMock, type MockServer } from "@easemob-openapi/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, EasemobApiError, withOperations, type OperationsClient } from "../src/index.js";
import { expectNothingSecret, rejectionOf } from "./auth-server.js";

const TOKEN = "YWMt-mock-token-for-validation-errors";

describe("request problems the mock reports", () => {
  let mock: MockServer;
  let im: OperationsClient;
  beforeAll(async () => {
    mock = await startMock();
    im = withOperations(createClient({ host: mock.url, orgName: "org", appName: "app", retry: { maxAttempts: 1 } }, TOKEN));
  }, 60_000);
  afterAll(() => mock?.close());

  it("a 422 problem+json: the field path and Prism's message, in a field and in the message", async () => {
    const error = await rejectionOf(im.addGroupMembers({ group_id: "66XXXX85" }, { usernames: "user4" as unknown as string[] }));
    expect(error).toBeInstanceOf(EasemobApiError);
    const { status, violations, message } = error as EasemobApiError;
    expect(status).toBe(422);
    expect(violations).toEqual([{ path: "body.usernames", message: "Request body property usernames must be array" }]);
    expect(message).toContain("body.usernames: Request body property usernames must be array");
    expectNothingSecret(error, [TOKEN]);
  });

  it("a documented 400 with sl-violations: every problem, the field named", async () => {
    const error = (await rejectionOf(
      im.createThread({}, { name: 5, group_id: "1", msg_id: "2", owner: "u1" } as never),
    )) as EasemobApiError;
    expect(error).toBeInstanceOf(EasemobApiError);
    expect(error.status).toBe(400);
    expect(error.violations).toContainEqual({ path: "body.name", message: "Request body property name must be string" });
    expect(error.message).toContain("body.name: Request body property name must be string");
    expectNothingSecret(error, [TOKEN]);
  });

  it("a query parameter out of range names query.<name>", async () => {
    const error = (await rejectionOf(im.listGroupMembers({ group_id: "66XXXX85", pagesize: 5000 }))) as EasemobApiError;
    expect(error.violations).toEqual([{ path: "query.pagesize", message: "Request query parameter pagesize must be <= 1000" }]);
  });

  it("an answer without problems has none", async () => {
    const error = (await rejectionOf(
      im.addGroupMember({ group_id: "66XXXX85", username: "user4" }, { headers: { Prefer: "code=403, example=userAlreadyInGroup" } }),
    )) as EasemobApiError;
    expect(error.status).toBe(403);
    expect(error.violations).toEqual([]);
    expect(error.message).not.toContain("[");
  });
});
