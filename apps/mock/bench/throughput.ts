// Throughput of the mock against bare Prism on the unprefixed spec: same runner and flags,
// the mock adds only its prefix preload.
import { Agent, get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startMock, type MockServer } from '../src/server.js';

const OPERATION = '/chatgroups/g1/users?pagenum=1&pagesize=2';
const CONCURRENCY = 8;
// Prism's JIT keeps speeding up for the first thousand requests or so.
const WARMUP_REQUESTS = 1_000;
// Each measurement stops at MAX_REQUESTS or MAX_MS. It runs in slices that take turns
// between the servers, so that drift on a shared machine hits all of them alike.
const MAX_REQUESTS = 2_000;
const MAX_MS = 10_000;
const SLICE_REQUESTS = 100;
const TARGET_RATIO = 0.9;

const MODES = [
  { name: 'sequential/s', concurrency: 1 },
  { name: `${CONCURRENCY}-way/s`, concurrency: CONCURRENCY },
];

/** One server and mode: its own keep-alive connections and running totals. */
class Measurement {
  private readonly agent: Agent;
  requests = 0;
  ms = 0;

  constructor(
    private readonly url: string,
    private readonly concurrency: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  }

  get done(): boolean {
    return this.requests >= MAX_REQUESTS || this.ms >= MAX_MS;
  }

  get rate(): number {
    return this.requests / (this.ms / 1000);
  }

  async slice(requests: number): Promise<void> {
    let sent = 0;
    const worker = async () => {
      while (sent < requests) {
        sent++;
        await this.request();
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: this.concurrency }, worker));
    this.ms += performance.now() - start;
    this.requests += sent;
  }

  close(): void {
    this.agent.destroy();
  }

  private request(): Promise<void> {
    return new Promise((resolve, reject) => {
      get(this.url, { agent: this.agent, headers: { Authorization: 'Bearer test-token' } }, response => {
        response.resume();
        response.once('end', () =>
          response.statusCode === 200 ? resolve() : reject(new Error(`${this.url} answered ${response.statusCode}`)),
        );
      }).once('error', reject);
    });
  }
}

const servers: MockServer[] = [];
const started = (server: MockServer) => (servers.push(server), server);
const measurements: Measurement[] = [];
try {
  const bundledSpec = fileURLToPath(import.meta.resolve('@easemob-openapi/spec/openapi.json'));
  // One process per target: a slice right after one on the same process runs faster.
  const [bare, orgApp, appId] = await Promise.all([
    startMock({ spec: bundledSpec, prefixes: false }).then(started),
    startMock().then(started),
    startMock().then(started),
  ]);
  const targets = [
    { name: 'bare Prism', url: bare.url + OPERATION },
    { name: 'mock /{org_name}/{app_name}', url: `${orgApp.url}/my-org/my-app${OPERATION}` },
    { name: 'mock /app-id/{app_id}', url: `${appId.url}/app-id/12345${OPERATION}` },
  ];
  // rows[target][mode]
  const rows = targets.map(target => MODES.map(mode => new Measurement(target.url, mode.concurrency)));
  // Mode by mode, so that consecutive slices always go to different processes.
  const turns = MODES.flatMap((_, m) => rows.map(row => row[m]!));
  measurements.push(...turns);

  for (const target of targets) {
    const warmup = new Measurement(target.url, CONCURRENCY);
    await warmup.slice(WARMUP_REQUESTS);
    warmup.close();
  }
  while (turns.some(measurement => !measurement.done)) {
    for (const measurement of turns) if (!measurement.done) await measurement.slice(SLICE_REQUESTS);
  }

  const LABEL_WIDTH = 36;
  const cell = (text: string) => text.padStart(14);
  console.log(`GET ${OPERATION}, keep-alive, up to ${MAX_REQUESTS} requests or ${MAX_MS / 1000} s per cell`);
  console.log(''.padEnd(LABEL_WIDTH) + MODES.map(mode => cell(mode.name)).join(''));
  for (const [t, row] of rows.entries()) {
    console.log(targets[t]!.name.padEnd(LABEL_WIDTH) + row.map(m => cell(m.rate.toFixed(0))).join(''));
  }
  for (const [t, row] of rows.entries()) {
    if (t === 0) continue;
    const ratios = row.map((measurement, m) => measurement.rate / rows[0]![m]!.rate);
    const verdict = ratios.every(ratio => ratio >= TARGET_RATIO) ? 'meets' : 'misses';
    const label = `ratio ${targets[t]!.name.replace('mock ', '')} / bare`;
    console.log(label.padEnd(LABEL_WIDTH) + ratios.map(ratio => cell(ratio.toFixed(2))).join('') + `   ${verdict} >= ${TARGET_RATIO}`);
  }
} finally {
  for (const measurement of measurements) measurement.close();
  await Promise.all(servers.map(server => server.close()));
}
