// Loaded into Prism's process with `node --require`. startMock runs Prism in its own process group
// and stops it on close() or when its caller exits; a caller killed by a signal runs no exit
// handler, so Prism also stops itself once the process that started it is gone.
const parent = process.ppid;
const CHECK_MS = 500;

setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, CHECK_MS).unref();
