/** Builds a valid request for an operation from the spec's own examples, and sends it through the client. */
import type { EasemobClient } from "@easemob-openapi/client";
import { JSON_TYPE, requestMedia, requestMediaType, type OperationEntry, type Parameter, type Schema } from "./spec.js";

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
  const examples = requestMedia(entry.operation)?.examples;
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
  init: {
    params: { path: unknown; query: unknown };
    body?: unknown;
    headers?: Record<string, string>;
    bodySerializer?: (body: unknown) => unknown;
    parseAs?: "json" | "blob";
  },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Prism reports request violations in `sl-violations`, or in a 422 problem body when the operation has no 400. */
function violationsOf(response: Response, body: unknown): Violation[] {
  const header = response.headers.get("sl-violations");
  if (header) return JSON.parse(header) as Violation[];
  const problem = body as { validation?: Violation[] } | undefined;
  return response.status === 422 && Array.isArray(problem?.validation) ? problem.validation : [];
}

const isBinary = (schema: Schema | undefined) => schema?.format === "binary" || schema?.contentMediaType !== undefined;

/** A multipart/form-data body from an example object: binary properties as file parts, the others as text fields. */
function formDataOf(value: unknown, schema: Schema | undefined): FormData {
  const form = new FormData();
  for (const [name, field] of Object.entries((value ?? {}) as Record<string, unknown>)) {
    if (isBinary(schema?.properties?.[name])) form.append(name, new Blob([String(field)], { type: "application/octet-stream" }), name);
    else form.append(name, typeof field === "string" ? field : JSON.stringify(field));
  }
  return form;
}

/** The non-JSON media types the operation answers with (a file download), to ask for them besides JSON. */
function otherAnswerTypes(entry: OperationEntry): string[] {
  const types = Object.values(entry.operation.responses).flatMap((response) => Object.keys(response.content ?? {}));
  return [...new Set(types.filter((type) => type !== JSON_TYPE))];
}

export async function call(client: EasemobClient, entry: OperationEntry, input: CallInput): Promise<CallResult> {
  const request = client.request as unknown as LooseRequest;
  const multipart = requestMediaType(entry.operation) === "multipart/form-data";
  const binaryAnswer = otherAnswerTypes(entry);
  const headers = {
    ...(binaryAnswer.length > 0 ? { Accept: [...binaryAnswer, JSON_TYPE].join(", ") } : {}),
    ...input.headers,
  };
  const { data, error, response } = await request(entry.method.toUpperCase(), entry.path, {
    params: { path: input.path, query: input.query },
    ...(input.body === undefined ? {} : { body: input.body }),
    ...(multipart ? { bodySerializer: (body: unknown) => formDataOf(body, requestMedia(entry.operation)?.schema) } : {}),
    // Errors are still parsed as JSON by openapi-fetch; only a successful answer comes as a Blob.
    ...(binaryAnswer.length > 0 ? { parseAs: "blob" as const } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  });
  const body = response.ok ? data : error;
  return { status: response.status, body, contentType: response.headers.get("content-type"), violations: violationsOf(response, body) };
}
