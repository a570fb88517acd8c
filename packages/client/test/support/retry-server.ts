/// <reference types="node" />
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** What the server does with one request. */
export type Step =
  | number
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Close the connection without answering (the client sees a network error). */
  | "destroy"
  /** Never answer (until the client gives up or the server is closed). */
  | "hang";

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A node:http server on 127.0.0.1 (port 0) that answers a scripted sequence of steps (the last
 * step repeats once the script is exhausted) and records every request it fully received.
 */
export async function startRetryServer() {
  let script: Step[] = [200];
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const step = script[received.length] ?? script[script.length - 1] ?? 200;
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      if (step === "destroy") {
        req.socket.destroy();
        return;
      }
      if (step === "hang") return;
      const { status, headers = {}, body = JSON.stringify({ status: typeof step === "number" ? step : step.status }) } =
        typeof step === "number" ? { status: step } : step;
      res.writeHead(status, { "Content-Type": "application/json", ...headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    /** Starts a new script and forgets the requests received so far. */
    script(...steps: Step[]) {
      script = steps;
      received.length = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

export type RetryServer = Awaited<ReturnType<typeof startRetryServer>>;
