// The spec's README promises that common generators take the published bundle and produce
// code that compiles under strict; this keeps it so.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { run } from "../src/run.js";
import { pack, WORKSPACE } from "../src/workspace.js";

const BIN = join(WORKSPACE, "packages/packaging-tests/node_modules/.bin");
const STRICT_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    strict: true,
    noEmit: true,
    types: [],
  },
  include: ["**/*.ts"],
};

let scratch: string;
let spec: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "easemob-generators-"));
  const tarball = await pack("@easemob-openapi/spec", scratch);
  await run("tar", ["-xzf", tarball, "-C", scratch], { cwd: scratch });
  spec = join(scratch, "package/dist/openapi.json");
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const generators: [name: string, generate: (out: string) => [string, string[]]][] = [
  ["openapi-typescript", (out) => ["openapi-typescript", [spec, "-o", join(out, "schema.d.ts")]]],
  ["@hey-api/openapi-ts", (out) => ["openapi-ts", ["-i", spec, "-o", out, "-c", "@hey-api/client-fetch", "--no-log-file"]]],
  ["orval", (out) => ["orval", ["--input", spec, "--output", join(out, "api.ts"), "--client", "fetch"]]],
];

describe.each(generators)("%s on the published bundle", (_name, generate) => {
  it("generates code that type-checks under strict", async () => {
    const out = await mkdtemp(join(scratch, "out-"));
    const [command, args] = generate(out);
    await run(join(BIN, command), args, { cwd: out });
    await writeFile(join(out, "tsconfig.json"), JSON.stringify(STRICT_TSCONFIG));
    await run(join(BIN, "tsc"), ["-p", out], { cwd: out });
  });
});
