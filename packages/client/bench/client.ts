/// <reference types="node" />
// `pnpm bench`: per-call overhead vs a bare fetch on loopback, shipped size, type-check cost.
// Prints figures; asserts nothing (targets live in issue 7: <= 1.05x, <= 4 KB beyond openapi-fetch, <= 1.5x).
import { build } from "esbuild";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import ts from "typescript";
import { createClient } from "../src/index.js";
import { operationsById } from "../src/generated/operations.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const CALLS = 3_000;

async function perCall(): Promise<{ client: number; bare: number }> {
  const body = JSON.stringify({ action: "get", data: [{ owner: "u1" }], count: 1 });
  const server = createServer((_, res) => res.writeHead(200, { "Content-Type": "application/json" }).end(body));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const im = createClient({ host: origin, orgName: "o", appName: "a" }, "bench-token");
  const url = `${origin}/o/a/chatgroups/g1/users?pagenum=1&pagesize=10`;
  const headers = { Accept: "application/json", Authorization: "Bearer bench-token" };
  const viaClient = async () => {
    await im.GET("/chatgroups/{group_id}/users", { params: { path: { group_id: "g1" }, query: { pagenum: 1, pagesize: 10 } } });
  };
  const viaFetch = async () => {
    await (await fetch(url, { headers })).json();
  };
  const samples = { client: [] as number[], bare: [] as number[] };
  // Interleaved, so drift on a shared machine hits both sides alike.
  for (let i = 0; i < CALLS + 200; i++) {
    for (const [name, call] of [["client", viaClient], ["bare", viaFetch]] as const) {
      const start = performance.now();
      await call();
      if (i >= 200) samples[name].push(performance.now() - start);
    }
  }
  server.close();
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  return { client: median(samples.client), bare: median(samples.bare) };
}

async function size(external: string[]): Promise<number> {
  const result = await build({
    entryPoints: [join(packageDir, "dist/index.js")],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    external,
    write: false,
  });
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array()).length;
}

function typeCheckMs(source: string): number {
  const dir = mkdtempSync(join(packageDir, ".bench-"));
  try {
    const file = join(dir, "calls.ts");
    writeFileSync(file, source);
    const start = performance.now();
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: [],
    });
    const errors = ts.getPreEmitDiagnostics(program);
    const elapsed = performance.now() - start;
    if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0]?.messageText ?? "", "\n"));
    return elapsed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A module that calls every operation by name with arguments of its documented types. */
function everyOperationSource(): string {
  const lines = [
    'import { createClient, withOperations, type BodyOf, type ParamsOf } from "../dist/index.js";',
    'const im = withOperations(createClient({ host: "h.example", orgName: "o", appName: "a" }, "t"));',
    "export async function all() {",
  ];
  for (const [id, op] of Object.entries(operationsById)) {
    const args = "body" in op ? `p as ParamsOf<"${id}">, b as BodyOf<"${id}">` : `p as ParamsOf<"${id}">`;
    lines.push(`  await im.${id}(${args});`);
  }
  lines.push("}", "declare const p: unknown; declare const b: unknown;");
  return lines.join("\n");
}

const emptySource = 'import { createClient } from "../dist/index.js";\nexport const im = createClient({ host: "h.example", orgName: "o", appName: "a" }, "t");\n';
const { client, bare } = await perCall();
const ours = await size(["openapi-fetch"]);
const whole = await size([]);
typeCheckMs(emptySource); // warm the compiler's own code paths
const empty = Math.min(typeCheckMs(emptySource), typeCheckMs(emptySource));
const every = Math.min(typeCheckMs(everyOperationSource()), typeCheckMs(everyOperationSource()));

console.table({
  "per call, median (ms)": { client: +client.toFixed(3), "bare fetch": +bare.toFixed(3), ratio: +(client / bare).toFixed(3) },
  "size min+gz (bytes)": { client: ours, "bare fetch": "-", ratio: `${whole} with openapi-fetch` },
  "type-check (ms)": { client: Math.round(every), "bare fetch": `${Math.round(empty)} empty file`, ratio: +(every / empty).toFixed(2) },
});
