import { refusalAnswer, type EndpointAnswer, type WebhookEndpoint } from "./endpoints.js";
import { refusal } from "./refusal.js";

export interface FetchHandlerOptions {
  /** Gets an error thrown by the callback handler, after a 500 answer (default: console.error). */
  onError?: (error: unknown) => void;
}

const toResponse = (answer: EndpointAnswer) =>
  new Response(answer.body === "" ? null : answer.body, { status: answer.status, headers: answer.headers });

/** A Fetch-style handler, `(request: Request) => Promise<Response>` (Deno, Bun, Cloudflare, Hono, Next route handlers). */
export function fetchHandler(endpoint: WebhookEndpoint, options: FetchHandlerOptions = {}) {
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  return async (request: Request): Promise<Response> => {
    if (request.method.toUpperCase() !== "POST") return toResponse({ status: 405, headers: { allow: "POST" }, body: "" });
    const declared = Number(request.headers.get("content-length"));
    if (declared > endpoint.maxBodyBytes) return toResponse(refusalAnswer(refusal("too-large", `the body has ${declared} bytes (at most ${endpoint.maxBodyBytes})`)));
    try {
      return toResponse(await endpoint(new Uint8Array(await request.arrayBuffer())));
    } catch (error) {
      onError(error);
      return toResponse({ status: 500, headers: {}, body: "" });
    }
  };
}
