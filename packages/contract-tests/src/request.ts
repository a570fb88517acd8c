/** Builds a valid request for an operation from the spec's own examples, and sends it through the client. */
import type { EasemobClient } from "@easemob-openapi/client";
import { answersBinary, requestMediaOf, type OperationEntry, type Parameter, type Schema } from "./spec.js";

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
  const examples = requestMediaOf(entry.operation)?.media.examples;
  const first = examples && Object.values(examples)[0];
  if (first) input.body = first.value;
  return input;
}

export interface CallResult {
  status: number;
  /** The parsed JSON answer, or, for an answer documented in another media type, its bytes as a Blob. */
  body: unknown;
  contentType: string | null;
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
  init: { params: { path: unknown; query: unknown }; body?: unknown; headers?: Record<string, string>; parseAs?: "text" },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

const isFile = (schema: Schema | undefined) => schema?.format === "binary" || schema?.contentMediaType !== undefined;

/** A multipart body from its example: one part per field, a file part as a file holding the example's text. */
function formOf(body: unknown, schema: Schema | undefined): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    if (isFile(schema?.properties?.[name])) form.append(name, new Blob([text]), name);
    else form.append(name, text);
  }
  return form;
}

/** Prism reports request violations in `sl-violations`, or in a 422 problem body when the operation has no 400. */
function violationsOf(response: Response, body: unknown): Violation[] {
  const header = response.headers.get("sl-violations");
  if (header) return JSON.parse(header) as Violation[];
  const problem = body as { validation?: Violation[] } | undefined;
  return response.status === 422 && Array.isArray(problem?.validation) ? problem.validation : [];
}

export async function call(client: EasemobClient, entry: OperationEntry, input: CallInput): Promise<CallResult> {
  const request = client.request as unknown as LooseRequest;
  const media = requestMediaOf(entry.operation);
  const sent = media?.type === "multipart/form-data" ? formOf(input.body, media.media.schema) : input.body;
  // A download answers bytes (read as text, to compare with the example); its errors are JSON.
  const binary = answersBinary(entry.operation);
  // openapi-fetch sends an object body as form fields when the Content-Type says so.
  const form = input.body !== undefined && media?.type === "application/x-www-form-urlencoded" ? { "Content-Type": media.type } : {};
  const accept = binary ? { Accept: "application/octet-stream, application/json" } : {};
  const merged = { ...form, ...accept, ...input.headers };
  const headers = Object.keys(merged).length > 0 ? merged : undefined;
  const { data, error, response } = await request(entry.method.toUpperCase(), entry.path, {
    params: { path: input.path, query: input.query },
    ...(input.body === undefined ? {} : { body: sent }),
    ...(headers ? { headers } : {}),
    ...(binary ? { parseAs: "text" as const } : {}),
  });
  const body = response.ok ? data : error;
  return { status: response.status, body, contentType: response.headers.get("content-type"), violations: violationsOf(response, body) };
}
