/// <reference types="node" />
import { createHash, timingSafeEqual } from "node:crypto";

/** `security` as the server computes it: MD5 of callId + secret + timestamp, lowercase hex (DigestUtils#md5Hex). */
export function callbackSignature(callId: string, secret: string, timestamp: number): string {
  return createHash("md5").update(`${callId}${secret}${timestamp}`, "utf8").digest("hex");
}

export const SIGNATURE_FORMAT = /^[0-9a-fA-F]{32}$/;

/**
 * Whether `security` (already checked against SIGNATURE_FORMAT) is the signature for one of the
 * secrets. Every secret is compared, each in constant time, so timing reveals neither which one
 * matched nor how much of a forged value was right.
 */
export function signatureMatches(callId: string, timestamp: number, security: string, secrets: readonly string[]): boolean {
  const received = Buffer.from(security.toLowerCase(), "utf8");
  let matched = false;
  for (const secret of secrets) {
    const expected = Buffer.from(callbackSignature(callId, secret, timestamp), "utf8");
    matched = timingSafeEqual(expected, received) || matched;
  }
  return matched;
}
