import { refusalAnswer, type EndpointAnswer, type WebhookEndpoint } from "./endpoints.js";
import { refusal } from "./refusal.js";
import type { RawCallback } from "./types.js";

/** The part of node:http's IncomingMessage (and Express's request) the adapters use. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string | undefined;
  /** Set by a body parser (express.json(), express.raw(), express.text()); the stream is read otherwise. */
  body?: unknown;
}

/** The part of node:http's ServerResponse (and Express's response) the adapters use. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

export interface NodeHandlerOptions {
  /** Gets an error thrown by the callback handler, after a 500 answer (default: console.error). */
  onError?: (error: unknown) => void;
}

const methodNotAllowed: EndpointAnswer = { status: 405, headers: { allow: "POST" }, body: "" };

/** The body: what a body parser left on the request, or the stream read up to the limit. */
async function rawBodyOf(request: NodeRequestLike, maxBytes: number): Promise<{ raw: RawCallback } | { answer: EndpointAnswer }> {
  const parsed = request.body;
  if (typeof parsed === "string" || parsed instanceof Uint8Array) return { raw: parsed };
  if (typeof parsed === "object" && parsed !== null) return { raw: parsed as Readonly<Record<string, unknown>> };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.byteLength;
    // Stop reading as soon as the limit is passed: a callback is a few KB.
    if (size > maxBytes) return { answer: refusalAnswer(refusal("too-large", `the body has more than ${maxBytes} bytes`)) };
    chunks.push(bytes);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { raw: body };
}

function send(response: NodeResponseLike, answer: EndpointAnswer): void {
  response.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
  response.end(answer.body);
}

async function answerOf(endpoint: WebhookEndpoint, request: NodeRequestLike): Promise<EndpointAnswer> {
  if (request.method !== undefined && request.method.toUpperCase() !== "POST") return methodNotAllowed;
  const body = await rawBodyOf(request, endpoint.maxBodyBytes);
  return "answer" in body ? body.answer : endpoint(body.raw);
}

/** A node:http request listener: `http.createServer(nodeHandler(endpoint))`. */
export function nodeHandler(endpoint: WebhookEndpoint, options: NodeHandlerOptions = {}) {
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  return async (request: NodeRequestLike, response: NodeResponseLike): Promise<void> => {
    let answer: EndpointAnswer;
    try {
      answer = await answerOf(endpoint, request);
    } catch (error) {
      send(response, { status: 500, headers: {}, body: "" });
      onError(error);
      return;
    }
    send(response, answer);
  };
}

/**
 * An Express-style route handler, `app.post("/easemob/callbacks", expressHandler(endpoint))`, with or
 * without a body parser before it. An error thrown by the callback handler goes to `next`.
 */
export function expressHandler(endpoint: WebhookEndpoint) {
  return async (request: NodeRequestLike, response: NodeResponseLike, next: (error?: unknown) => void): Promise<void> => {
    let answer: EndpointAnswer;
    try {
      answer = await answerOf(endpoint, request);
    } catch (error) {
      next(error);
      return;
    }
    send(response, answer);
  };
}
