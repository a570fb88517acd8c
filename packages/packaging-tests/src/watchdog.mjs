// node watchdog.mjs <command> [args...]: runs the command in its own process group and ends
// that group when this process is told to stop or when its parent (the test runner) dies,
// even by SIGKILL, so that a server a test started never outlives the test.
import { spawn } from "node:child_process";

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { detached: true, stdio: "inherit" });
const parent = process.ppid;

const stopGroup = () => {
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // Already gone.
  }
};
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, stopGroup);
const watch = setInterval(() => process.ppid !== parent && stopGroup(), 250);
child.on("exit", (code, signal) => {
  clearInterval(watch);
  process.exitCode = code ?? (signal ? 1 : 0);
});
