/** The two ways a production client addresses the API, pointed at a mock origin. */
import { createClient, type EasemobClient } from "@easemob-openapi/client";

export const TOKEN = "contract-test-token";

// 429 and 503 are documented answers here, selected on purpose: take them as they come.
const noRetries = { maxAttempts: 1 };

export function prefixedClients(origin: string): Array<{ prefix: string; client: EasemobClient }> {
  return [
    { prefix: "org/app", client: createClient({ host: origin, orgName: "test-org", appName: "test-app", retry: noRetries }, TOKEN) },
    { prefix: "app-id", client: createClient({ host: origin, appId: "test-app-id", retry: noRetries }, TOKEN) },
  ];
}
