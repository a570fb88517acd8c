import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const WATCHDOG = fileURLToPath(new URL("./watchdog.mjs", import.meta.url));

export interface Background {
  /** What the command printed so far. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects if the command ends first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Stops the command and everything it started; resolves once it has exited. */
  stop(): Promise<void>;
}

/** Starts a long-running command (a server) under a watchdog that stops it if this process dies. */
export function background(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Background {
  const child = spawn(process.execPath, [WATCHDOG, command, ...args], { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => (output += chunk.toString());
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    output: () => output,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (!match) return;
          cleanup();
          resolve(match);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`No ${pattern} within ${timeoutMs} ms; output:\n${output}`));
        }, timeoutMs);
        const ended = () => {
          cleanup();
          reject(new Error(`${command} ended before printing ${pattern}; output:\n${output}`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          child.stdout.off("data", check);
          child.stderr.off("data", check);
          child.off("exit", ended);
        };
        child.stdout.on("data", check);
        child.stderr.on("data", check);
        child.once("exit", ended);
        check();
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
