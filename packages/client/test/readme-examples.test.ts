/// <reference types="node" />
// Every ```ts block of the README must type-check against the built package, as a user would import it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(join(packageDir, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

// What the examples take from the reader's own code.
const givens: Record<string, string> = {
  appToken: "declare const appToken: string;",
  clientId: "declare const clientId: string;",
  clientSecret: "declare const clientSecret: string;",
  host: "declare const host: string;",
  appId: "declare const appId: string;",
  userIds: "declare const userIds: string[];",
  endpoint: 'declare const endpoint: { host: string; orgName: string; appName: string };',
  buildAgoraToken: "declare function buildAgoraToken(): Promise<string>;",
};
const exported = Object.keys(await import("../src/index.js"));

/** The block, plus imports of the package names it uses without importing and the givens it uses. */
function asModule(block: string): string {
  const imported = new Set([...block.matchAll(/import\s*\{([^}]*)\}/g)].flatMap((m) => (m[1] ?? "").split(",").map((s) => s.trim())));
  const uses = (name: string) => new RegExp(`\\b${name}\\b`).test(block);
  const missing = exported.filter((name) => !imported.has(name) && uses(name));
  const lines = missing.length ? [`import { ${missing.join(", ")} } from "@easemob-openapi/client";`] : [];
  for (const [name, declaration] of Object.entries(givens)) if (uses(name)) lines.push(declaration);
  return `${lines.join("\n")}\n${block}\nexport {};\n`;
}

const dir = mkdtempSync(join(packageDir, ".readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("README examples", () => {
  it("has examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it("type-check against the built package", () => {
    const files = blocks.map((block, i) => {
      const file = join(dir, `example-${i + 1}.ts`);
      writeFileSync(file, asModule(block));
      return file;
    });
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: [],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(problems).toEqual([]);
    // A whole type-check of the built package, whose generated types grow with the spec: seconds, more on a loaded machine.
  }, 60_000);
});
