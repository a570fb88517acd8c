/// <reference types="node" />
// `pnpm bench`: per-call time of our client against the raw openapi-fetch client and a bare fetch
// (same run, interleaved, loopback), shipped sizes (esbuild on the built package, min+gz), and the
// type-check cost of calling every operation. Prints figures and whether each target of issue 13
// holds; asserts nothing.
import { build } from "esbuild";
import createFetchClient from "openapi-fetch";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import ts from "typescript";
import { createClient, withOperations, type paths } from "../dist/index.js";
import { operationsById } from "../dist/generated/operations.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const CALLS = 8_000;
const WARMUP = 300;
const TARGETS = { layersRatio: 1.05, createClientBytes: 4096, tableBytesPerOperation: 40 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function perCall(): Promise<Record<"ours" | "operation" | "raw" | "bare", number>> {
  const body = JSON.stringify({ action: "get", data: [{ owner: "u1" }], count: 1 });
  const server = createServer((_, res) => res.writeHead(200, { "Content-Type": "application/json" }).end(body));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const headers = { Accept: "application/json", Authorization: "Bearer bench-token" };
  const ours = createClient({ host: origin, orgName: "o", appName: "a" }, "bench-token");
  const operations = withOperations(ours);
  const raw = createFetchClient<paths>({ baseUrl: `${origin}/o/a`, headers });
  const init = { params: { path: { group_id: "g1" }, query: { pagenum: 1, pagesize: 10 } } } as const;
  const url = `${origin}/o/a/chatgroups/g1/users?pagenum=1&pagesize=10`;
  const sides = {
    ours: async () => void (await ours.GET("/chatgroups/{group_id}/users", init)),
    operation: async () => void (await operations.listGroupMembers({ group_id: "g1", pagenum: 1, pagesize: 10 })),
    raw: async () => void (await raw.GET("/chatgroups/{group_id}/users", init)),
    bare: async () => void (await (await fetch(url, { headers })).json()),
  };
  const names = Object.keys(sides) as (keyof typeof sides)[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<keyof typeof sides, number[]>;
  // Interleaved, each round in a rotated order, so drift on a shared machine and the cost of
  // going first hit every side alike.
  for (let i = 0; i < CALLS + WARMUP; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length]!;
      const start = performance.now();
      await sides[name]();
      if (i >= WARMUP) samples[name].push(performance.now() - start);
    }
  }
  server.close();
  return { ours: median(samples.ours), operation: median(samples.operation), raw: median(samples.raw), bare: median(samples.bare) };
}

/** min+gz bytes of a bundle of `source` (an entry importing the built package), and its text. */
async function bundled(source: string, external: string[]): Promise<{ bytes: number; text: string }> {
  const result = await build({
    stdin: { contents: source, resolveDir: packageDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    external,
    write: false,
  });
  const contents = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { bytes: gzipSync(contents, { level: 9 }).length, text: new TextDecoder().decode(contents) };
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
    const init = "userToken" in op ? ', { userToken: "u" }' : "";
    const args = ("body" in op ? `p as ParamsOf<"${id}">, b as BodyOf<"${id}">` : `p as ParamsOf<"${id}">`) + init;
    lines.push(`  await im.${id}(${args});`);
  }
  lines.push("}", "declare const p: unknown; declare const b: unknown;");
  return lines.join("\n");
}

const operationCount = Object.keys(operationsById).length;
const { ours, operation, raw, bare } = await perCall();
const external = ["openapi-fetch"];
const createOnly = await bundled('export { createClient } from "./dist/index.js";', external);
const withOps = await bundled('export { createClient, withOperations } from "./dist/index.js";', external);
const everything = await bundled('export * from "./dist/index.js";', external);
const table = await bundled('export { operationsById } from "./dist/generated/operations.js";', []);
const openapiFetch = await bundled('export { default } from "openapi-fetch";', []);
// TokenRequestError names the token operation; any other operationId in the bundle means the table came along.
const idsInCreateOnly = Object.keys(operationsById).filter((id) => createOnly.text.includes(`"${id}"`) || createOnly.text.includes(`${id}:`));
const tableInCreateOnly = idsInCreateOnly.length > 1;
const pathRules = await bundled('export { pathRules } from "./dist/generated/path-rules.js";', []);

const emptySource = 'import { createClient } from "../dist/index.js";\nexport const im = createClient({ host: "h.example", orgName: "o", appName: "a" }, "t");\n';
typeCheckMs(emptySource); // warm the compiler's own code paths
const empty = Math.min(typeCheckMs(emptySource), typeCheckMs(emptySource));
const every = Math.min(typeCheckMs(everyOperationSource()), typeCheckMs(everyOperationSource()));

const ms = (x: number) => +x.toFixed(4);
const verdict = (ok: boolean) => (ok ? "meets target" : "MISSES target");
console.log(`per call, median of ${CALLS} interleaved calls each (ms)`);
console.table({
  "createClient GET": { ms: ms(ours), "vs raw openapi-fetch": +(ours / raw).toFixed(3), "vs bare fetch": +(ours / bare).toFixed(3) },
  "operation method": { ms: ms(operation), "vs raw openapi-fetch": +(operation / raw).toFixed(3), "vs bare fetch": +(operation / bare).toFixed(3) },
  "raw openapi-fetch": { ms: ms(raw), "vs raw openapi-fetch": 1, "vs bare fetch": +(raw / bare).toFixed(3) },
  "bare fetch": { ms: ms(bare), "vs raw openapi-fetch": +(bare / raw).toFixed(3), "vs bare fetch": 1 },
});
console.log(`size, min+gz (bytes), esbuild on dist/; openapi-fetch itself: ${openapiFetch.bytes}`);
console.table({
  "createClient only (beyond openapi-fetch)": {
    bytes: createOnly.bytes,
    note: `operation table inside: ${tableInCreateOnly ? "yes" : "no"} (operationIds named: ${idsInCreateOnly.join(", ") || "none"})`,
  },
  "  of which the path guard's rules": { bytes: pathRules.bytes, note: "grows with list/pattern path parameters, not with operations" },
  "createClient + withOperations": { bytes: withOps.bytes, note: "" },
  "everything exported": { bytes: everything.bytes, note: "" },
  "operation table alone": { bytes: table.bytes, note: `${operationCount} operations, ${(table.bytes / operationCount).toFixed(1)} bytes each` },
});
console.log("targets");
console.table({
  "our layers per call (createClient GET / raw)": { target: `<= ${TARGETS.layersRatio}`, now: +(ours / raw).toFixed(3), verdict: verdict(ours / raw <= TARGETS.layersRatio) },
  "createClient only, beyond openapi-fetch": {
    target: `<= ${TARGETS.createClientBytes} B, no table`,
    now: createOnly.bytes,
    verdict: verdict(createOnly.bytes <= TARGETS.createClientBytes && !tableInCreateOnly),
  },
  "operation table per operation": {
    target: `<= ${TARGETS.tableBytesPerOperation} B`,
    now: +(table.bytes / operationCount).toFixed(1),
    verdict: verdict(table.bytes / operationCount <= TARGETS.tableBytesPerOperation),
  },
});
console.log(`type-check of a file calling all ${operationCount} operations: ${Math.round(every)} ms (empty file ${Math.round(empty)} ms, ${(every / empty).toFixed(2)}x)`);
