// The published packages as a user gets them: packed, linted as tarballs, installed with npm
// into a project outside the workspace, the mock and the emulator started with npx, a client
// program compiled under both module resolutions and run against the mock.
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { background, type Background } from "../src/background.js";
import { run } from "../src/run.js";
import { packAll, PUBLISHED, WORKSPACE, type PublishedName } from "../src/workspace.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
const ATTW = join(WORKSPACE, "packages/packaging-tests/node_modules/.bin/attw");
// Versions the user's project pins for itself, the same as the workspace's.
const USER_DEV_DEPENDENCIES = ["typescript@5.9.3", "@types/node@20.19.43"];
// Prism's internals that the mock pins (newer ones need Node 24).
const PRISM_PINS = { "@stoplight/prism-core": "5.8.0", "@stoplight/prism-http": "5.12.0", "@stoplight/prism-http-server": "5.12.2" };

let scratch: string;
let project: string;
let tarballs: Record<PublishedName, string>;
let installLog: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "easemob-packaging-"));
  await mkdir(join(scratch, "tarballs"));
  tarballs = await packAll(join(scratch, "tarballs"));
  project = join(scratch, "project");
  await mkdir(project);
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "user-project", private: true, type: "module" }));
  const { stdout, stderr } = await run(
    "npm",
    ["install", "--no-audit", "--no-fund", ...Object.values(tarballs), ...USER_DEV_DEPENDENCIES],
    { cwd: project },
  );
  installLog = stdout + stderr;
  for (const file of await readdir(FIXTURES)) await copyFile(join(FIXTURES, file), join(project, file));
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const names = Object.keys(PUBLISHED) as PublishedName[];

describe.each(names)("the tarball of %s", (name) => {
  it("passes publint", async () => {
    const tarball = await readFile(tarballs[name]);
    const { messages, pkg } = await publint({ pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) as ArrayBuffer }, level: "suggestion" });
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([]);
  });

  it("passes attw for an ESM-only package", async () => {
    // YAML documents are files for tools; TypeScript cannot import them, so attw would call them unresolved.
    const { exports = {} } = JSON.parse(await readFile(join(WORKSPACE, PUBLISHED[name], "package.json"), "utf8")) as { exports?: Record<string, unknown> };
    const yaml = Object.keys(exports).filter((entry) => entry.endsWith(".yaml"));
    const exclude = yaml.length > 0 ? ["--exclude-entrypoints", ...yaml] : [];
    await run(ATTW, [tarballs[name], "--profile", "esm-only", ...exclude], { cwd: scratch });
  });

  it("ships the license, a README and only source maps that carry their sources", async () => {
    const installed = join(project, "node_modules", name);
    const files = (await readdir(installed, { recursive: true })).map(String);
    expect(files).toContain("LICENSE");
    expect(files).toContain("README.md");
    expect(JSON.parse(await readFile(join(installed, "package.json"), "utf8"))).toMatchObject({
      license: "MIT",
      publishConfig: { access: "public" },
    });
    for (const map of files.filter((file) => file.endsWith(".map"))) {
      const { sources, sourcesContent } = JSON.parse(await readFile(join(installed, map), "utf8")) as { sources: string[]; sourcesContent?: unknown[] };
      expect(sourcesContent?.length, `${map} must carry the sources it names`).toBe(sources.length);
    }
  });
});

describe("installed with npm outside the workspace", () => {
  it("prints no unsupported-engine warning for our packages", () => {
    expect(installLog).not.toMatch(/EBADENGINE[^\n]*@easemob-openapi/);
  });

  it("resolves Prism's internals to the versions the mock pins", async () => {
    const { stdout } = await run("npm", ["ls", "--all", "--json", ...Object.keys(PRISM_PINS)], { cwd: project });
    const found = new Map<string, Set<string>>();
    const walk = (dependencies: Record<string, { version: string; dependencies?: object }> = {}) => {
      for (const [dependency, { version, dependencies: nested }] of Object.entries(dependencies)) {
        if (dependency in PRISM_PINS) found.set(dependency, (found.get(dependency) ?? new Set()).add(version));
        walk(nested as Record<string, { version: string }>);
      }
    };
    walk(JSON.parse(stdout).dependencies);
    for (const [dependency, version] of Object.entries(PRISM_PINS)) expect([...(found.get(dependency) ?? [])], dependency).toEqual([version]);
  });

  it("type-checks a client program with tsc strict under Bundler resolution", async () => {
    await run("npx", ["tsc", "-p", "tsconfig.bundler.json"], { cwd: project });
  });

  describe("with the mock started by npx", () => {
    let mock: Background;
    let mockUrl: string;
    beforeAll(async () => {
      mock = background("npx", ["easemob-mock", "--port", "0"], { cwd: project });
      [, mockUrl = ""] = await mock.waitFor(/^Mock: (http:\/\/\S+)/m, 60_000);
    });
    afterAll(() => mock?.stop());

    it("serves both prefixes", async () => {
      for (const prefix of ["/my-org/my-app", "/app-id/12345"]) {
        const response = await fetch(`${mockUrl}${prefix}/chatgroups/g1/users?pagenum=1&pagesize=2`, { headers: { Authorization: "Bearer t" } });
        expect(response.status, prefix).toBe(200);
      }
    });

    it("runs the program compiled under NodeNext: the batch removal works and a refused request names its field", async () => {
      await run("npx", ["tsc", "-p", "tsconfig.nodenext.json"], { cwd: project });
      const { stdout } = await run(process.execPath, ["out/program.js"], { cwd: project, env: { ...process.env, MOCK_URL: mockUrl } });
      const { removed, refusal } = JSON.parse(stdout) as { removed: unknown; refusal?: { status: number; message: string } };
      expect(Array.isArray(removed)).toBe(true);
      expect(refusal?.status).toBeGreaterThanOrEqual(400);
      expect(refusal?.status).toBeLessThan(500);
      expect(refusal?.message).toMatch(/usernames/);
      expect(refusal?.message).not.toMatch(/test-token/);
    });

    it("keeps serving after requests that used to stop Prism", async () => {
      const headers = { Authorization: "Bearer t" };
      expect((await fetch(`${mockUrl}/my-org/my-app/chatgroups/%ZZ/users`, { headers })).status).toBe(400);
      expect((await fetch(`${mockUrl}/my-org/my-app/chatgroups/g1/users/user1,user2`, { method: "DELETE", headers })).status).toBe(200);
      expect((await fetch(`${mockUrl}/my-org/my-app/chatgroups/g1/users?pagenum=1&pagesize=2`, { headers })).status).toBe(200);
    });
  });

  describe("with the emulator started by npx", () => {
    let emulator: Background;
    let emulatorUrl: string;
    beforeAll(async () => {
      emulator = background("npx", ["easemob-emulator", "--port", "0"], { cwd: project });
      [, emulatorUrl = ""] = await emulator.waitFor(/^Emulator: (http:\/\/\S+)/m, 60_000);
    });
    afterAll(() => emulator?.stop());

    it("keeps state: a registered user can be read back, an unknown one is the documented 404", async () => {
      const app = `${emulatorUrl}/my-org/my-app`;
      const headers = { Authorization: "Bearer t", "Content-Type": "application/json" };
      const created = await fetch(`${app}/users`, { method: "POST", headers, body: JSON.stringify({ username: "alice", password: "secret-1" }) });
      expect(created.status).toBe(200);
      const read = await fetch(`${app}/users/alice`, { headers });
      expect(read.status).toBe(200);
      expect(JSON.stringify(await read.json())).toContain("alice");
      const unknown = await fetch(`${app}/users/nobody`, { headers });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: expect.any(String), error_description: expect.any(String) });
    });
  });
});
