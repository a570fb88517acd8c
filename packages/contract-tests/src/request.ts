/** Builds a valid request for an operation from the spec's own examples, and sends it through the client. */
import type { EasemobClient } from "@easemob-openapi/client";
import type { MediaType, OperationEntry, Parameter } from "./spec.js";

/** The request body media types the cases know how to send: JSON, and HTML-form fields (`a=1&b=2`). */
const BODY_TYPES = ["application/json", "application/x-www-form-urlencoded"] as const;

/** The operation's request body media type and its description, when it takes a body. */
export function requestBodyOf(entry: OperationEntry): { type: (typeof BODY_TYPES)[number]; media: MediaType } | undefined {
  const content = entry.operation.requestBody?.content ?? {};
  const type = BODY_TYPES.find((t) => content[t] !== undefined);
  return type ? { type, media: content[type]! } : undefined;
}

export interface CallInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string>;
}

function exampleOf(parameter: Parameter): unknown {
  const value = parameter.example ?? parameter.schema?.example;
  if (value === undefined) throw new Error(`Parameter ${parameter.in}.${parameter.name} has no example`);
  return value;
}

/** Required parameters from their examples; the first documented request body example, if any. */
export function validInput(entry: OperationEntry): CallInput {
  const input: CallInput = { path: {}, query: {} };
  for (const p of entry.parameters) {
    if (p.in === "path") input.path[p.name] = exampleOf(p);
    else if (p.in === "query" && p.required) input.query[p.name] = exampleOf(p);
  }
  const examples = requestBodyOf(entry)?.media.examples;
  const first = examples && Object.values(examples)[0];
  if (first) input.body = first.value;
  return input;
}

export interface CallResult {
  status: number;
  body: unknown;
  violations: Violation[];
}
export interface Violation {
  location?: string[];
  code?: string | number;
  message: string;
}

type LooseRequest = (
  method: string,
  path: string,
  init: { params: { path: unknown; query: unknown }; body?: unknown; headers?: Record<string, string> },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Prism reports request violations in `sl-violations`, or in a 422 problem body when the operation has no 400. */
function violationsOf(response: Response, body: unknown): Violation[] {
  const header = response.headers.get("sl-violations");
  if (header) return JSON.parse(header) as Violation[];
  const problem = body as { validation?: Violation[] } | undefined;
  return response.status === 422 && Array.isArray(problem?.validation) ? problem.validation : [];
}

export async function call(client: EasemobClient, entry: OperationEntry, input: CallInput): Promise<CallResult> {
  const request = client.request as unknown as LooseRequest;
  // openapi-fetch sends an object body as form fields when the Content-Type says so.
  const bodyType = requestBodyOf(entry)?.type;
  const contentType = input.body !== undefined && bodyType && bodyType !== "application/json" ? { "Content-Type": bodyType } : undefined;
  const headers = contentType || input.headers ? { ...contentType, ...input.headers } : undefined;
  const { data, error, response } = await request(entry.method.toUpperCase(), entry.path, {
    params: { path: input.path, query: input.query },
    ...(input.body === undefined ? {} : { body: input.body }),
    ...(headers ? { headers } : {}),
  });
  const body = response.ok ? data : error;
  return { status: response.status, body, violations: violationsOf(response, body) };
}
