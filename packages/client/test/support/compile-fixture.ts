import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const testDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Compiles `lines` as a module of test/ with the package's tsconfig, through the TypeScript API
 * (so that `vitest run` itself fails if misuse compiles), and returns `[line, code]` of each error.
 */
export function compileFixture(lines: string[]): [line: number, code: number][] {
  const config = ts.getParsedCommandLineOfConfigFile(join(testDir, "..", "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  })!;
  const fixture = join(testDir, "__fixture__.ts");
  const source = lines.join("\n");
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (name === fixture ? source : readFile(name));
  host.fileExists = (name) => name === fixture || ts.sys.fileExists(name);
  host.getSourceFile = (name, language, ...rest) =>
    name === fixture ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest);
  const program = ts.createProgram([fixture], { ...config.options, noEmit: true }, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === fixture)
    .map((d) => [d.file!.getLineAndCharacterOfPosition(d.start!).line + 1, d.code]);
}
