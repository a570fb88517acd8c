import { describe, expect, it } from "vitest";
import { RETRY_POLICY } from "../src/retry/policy.js";
import { backoffMs, IDEMPOTENT_METHODS, isRetryable, NETWORK_ERROR, retryAfterMs } from "../src/retry/retryable.js";

describe("isRetryable", () => {
  it.each(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "POST", "PATCH", "get", "post"])(
    "retries 429 and 503 for %s",
    (method) => {
      expect(isRetryable(method, 429)).toBe(true);
      expect(isRetryable(method, 503)).toBe(true);
    },
  );

  it.each(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "delete"])("retries 502, 504 and network errors for %s", (method) => {
    expect(isRetryable(method, 502)).toBe(true);
    expect(isRetryable(method, 504)).toBe(true);
    expect(isRetryable(method, NETWORK_ERROR)).toBe(true);
  });

  it.each(["POST", "PATCH", "post"])("does not retry 502, 504 or network errors for %s", (method) => {
    expect(isRetryable(method, 502)).toBe(false);
    expect(isRetryable(method, 504)).toBe(false);
    expect(isRetryable(method, NETWORK_ERROR)).toBe(false);
  });

  it.each([200, 201, 204, 301, 400, 401, 403, 404, 409, 413, 500, 501, 505])("returns %s as is", (status) => {
    for (const method of ["GET", "PUT", "POST"]) expect(isRetryable(method, status)).toBe(false);
  });

  it("is the table RETRY_POLICY, which lists each outcome once", () => {
    const outcomes = RETRY_POLICY.flatMap((row) => row.outcomes);
    expect(new Set(outcomes).size).toBe(outcomes.length);
    expect(outcomes.sort()).toEqual([429, 502, 503, 504, NETWORK_ERROR].sort());
    for (const row of RETRY_POLICY) {
      expect(row.why.length).toBeGreaterThan(10);
      for (const outcome of row.outcomes) {
        for (const method of ["GET", "POST", "PATCH"]) {
          const expected = row.methods === "all" || row.methods.includes(method);
          expect(isRetryable(method, outcome)).toBe(expected);
        }
      }
    }
    expect(IDEMPOTENT_METHODS).toEqual(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
  });
});

describe("retryAfterMs", () => {
  const now = Date.UTC(2025, 0, 1, 12, 0, 0);
  const headers = (value?: string) => new Headers(value === undefined ? {} : { "Retry-After": value });

  it("reads delay-seconds", () => {
    expect(retryAfterMs(headers("0"), now)).toBe(0);
    expect(retryAfterMs(headers("1"), now)).toBe(1000);
    expect(retryAfterMs(headers(" 120 "), now)).toBe(120_000);
  });

  it("reads an HTTP date relative to now, a past date meaning 0", () => {
    expect(retryAfterMs(headers("Wed, 01 Jan 2025 12:00:05 GMT"), now)).toBe(5000);
    expect(retryAfterMs(headers("Wednesday, 01-Jan-25 12:01:00 GMT"), now)).toBe(60_000);
    expect(retryAfterMs(headers("Wed, 01 Jan 2025 11:59:00 GMT"), now)).toBe(0);
  });

  it.each([undefined, "", "-1", "1.5", "soon", "1e3", "0x10"])("ignores %j", (value) => {
    expect(retryAfterMs(headers(value), now)).toBeUndefined();
  });
});

describe("backoffMs", () => {
  const options = { baseDelayMs: 100, maxDelayMs: 1000 };

  it("is random() times the exponential ceiling, capped by maxDelayMs", () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffMs(attempt, options, () => 1))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect([1, 2, 3, 4, 5].map((attempt) => backoffMs(attempt, options, () => 0.5))).toEqual([50, 100, 200, 400, 500]);
    expect(backoffMs(3, options, () => 0)).toBe(0);
  });

  it("uses the injected random source once per wait", () => {
    let calls = 0;
    const random = () => {
      calls++;
      return 0.25;
    };
    expect(backoffMs(2, options, random)).toBe(50);
    expect(calls).toBe(1);
  });

  it("clamps a random source outside [0, 1] and survives huge attempt numbers", () => {
    expect(backoffMs(1, options, () => 7)).toBe(100);
    expect(backoffMs(1, options, () => -1)).toBe(0);
    expect(backoffMs(5000, options, () => 1)).toBe(1000);
  });
});
