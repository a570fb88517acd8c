import { describe, expect, it } from "vitest";
import { callbackSignature } from "../src/webhooks/index.js";

describe("callbackSignature", () => {
  it("is the MD5 of callId + secret + timestamp, in lowercase hex", () => {
    // RFC 1321's last test vector, MD5("1234567890" × 8) = 57edf4a22be3c955ac49da2e2107b67a, cut into the three parts.
    const eighty = "1234567890".repeat(8);
    expect(callbackSignature(eighty.slice(0, 40), eighty.slice(40, 65), Number(eighty.slice(65)))).toBe("57edf4a22be3c955ac49da2e2107b67a");
  });

  it("hashes the text as UTF-8, as the server's md5Hex does", () => {
    // `printf '环信1' | md5sum`
    expect(callbackSignature("环", "信", 1)).toBe("8a33d6a8d114c5ccdec2b56ad292449f");
  });
});
