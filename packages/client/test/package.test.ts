/// <reference types="node" />
// The tarball as npm would publish it: only the built package, maps that carry their sources,
// and clean publint and arethetypeswrong (ESM-only: the package has no CommonJS entry) reports.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const bin = (name: string) => join(packageDir, "node_modules", ".bin", name);
const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as Record<string, any>;

let dir: string;
let tarball: string;
let unpacked: string;

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "client-pack-"));
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: packageDir, encoding: "utf8" })) as {
    filename: string;
  }[];
  tarball = join(dir, packed!.filename);
  unpacked = join(dir, "unpacked");
  execFileSync("mkdir", ["-p", unpacked]);
  execFileSync("tar", ["-xzf", tarball, "-C", unpacked]);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the published package", () => {
  it("declares public access, Node 20.19 and later without an upper bound, and ships dist/ only", () => {
    expect(manifest.publishConfig).toEqual({ access: "public" });
    expect(manifest.engines).toEqual({ node: ">=20.19" });
    const files = filesUnder(join(unpacked, "package"));
    const outside = files.filter((f) => !f.startsWith("dist/") && !["package.json", "README.md", "LICENSE"].includes(f));
    expect(outside).toEqual([]);
    expect(files).toContain("dist/index.js");
    expect(files).toContain("dist/index.d.ts");
    expect(files.filter((f) => /\.(test|bench)\./.test(f) || f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("ships source maps that carry every source they name (src/ is not shipped)", () => {
    const maps = filesUnder(join(unpacked, "package")).filter((f) => f.endsWith(".map"));
    expect(maps.length).toBeGreaterThan(0);
    for (const map of maps) {
      const { sources, sourcesContent } = JSON.parse(readFileSync(join(unpacked, "package", map), "utf8")) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      expect(sourcesContent?.length, map).toBe(sources.length);
      expect(sourcesContent?.every((s) => typeof s === "string"), map).toBe(true);
    }
  });

  it("passes publint (strict)", async () => {
    // The unpacked tarball holds exactly the published files, so nothing needs packing again.
    const { messages, pkg } = await publint({ pkgDir: join(unpacked, "package"), strict: true, pack: false });
    expect(messages.map((m) => formatMessage(m, pkg))).toEqual([]);
  }, 60_000);

  it("passes arethetypeswrong with the ESM-only profile", () => {
    const run = () => execFileSync(bin("attw"), [tarball, "--profile", "esm-only", "--format", "ascii", "--no-color"], { encoding: "utf8" });
    expect(run).not.toThrow();
  }, 60_000);
});
