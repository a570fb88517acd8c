/**
 * Injected failures, set through `POST /_emulator/faults`: 429 or 503 answers for chosen operations
 * or a share of all requests, added latency, and optionally the documented per-app rate limits.
 */
export interface FaultRule {
  status: 429 | 503;
  /** Operations the rule applies to; all when omitted. */
  operations?: string[];
  /** Share of the matching requests that fail, 0..1; default 1. */
  probability?: number;
  /** How many failures to inject before the rule retires; unlimited when omitted. */
  times?: number;
}

export interface FaultConfig {
  rules?: FaultRule[];
  /** Added to every API answer, in ms. */
  latencyMs?: number;
  /** Enforce each operation's documented requests-per-second limit per app. */
  rateLimits?: boolean;
  /** Seed of the draws for `probability`, for reproducible runs. */
  seed?: number;
}

/** mulberry32: small, fast and good enough to pick a share of requests. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private config: FaultConfig = {};
  private remaining: Array<number | undefined> = [];
  private draw: () => number = Math.random;
  /** app + operation → the current one-second window and its count. */
  private readonly windows = new Map<string, { second: number; count: number }>();

  set(config: FaultConfig): void {
    this.config = config;
    this.remaining = (config.rules ?? []).map(rule => rule.times);
    this.draw = config.seed === undefined ? Math.random : random(config.seed);
    this.windows.clear();
  }

  get(): FaultConfig {
    return this.config;
  }

  get latencyMs(): number {
    return this.config.latencyMs ?? 0;
  }

  /** The status to fail this request with, if any. */
  inject(app: string, operationId: string, rateLimit: number, now: number): 429 | 503 | undefined {
    const rules = this.config.rules ?? [];
    for (const [index, rule] of rules.entries()) {
      if (rule.operations && !rule.operations.includes(operationId)) continue;
      if (this.remaining[index] === 0) continue;
      if (this.draw() >= (rule.probability ?? 1)) continue;
      if (this.remaining[index] !== undefined) this.remaining[index]!--;
      return rule.status;
    }
    if (this.config.rateLimits && this.overLimit(`${app} ${operationId}`, rateLimit, now)) return 429;
    return undefined;
  }

  private overLimit(key: string, limit: number, now: number): boolean {
    const second = Math.floor(now / 1000);
    const window = this.windows.get(key);
    if (!window || window.second !== second) {
      this.windows.set(key, { second, count: 1 });
      return false;
    }
    return ++window.count > limit;
  }
}
