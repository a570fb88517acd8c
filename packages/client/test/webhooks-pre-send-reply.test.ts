import { describe, expect, it } from "vitest";
import { PRE_SEND_PAYLOAD_MAX_BYTES, PRE_SEND_REPLY_MAX_CHARACTERS, preSendReply, serializePreSendReply } from "../src/webhooks/index.js";
import { documentedReplies } from "./webhooks-examples.js";

const replies = documentedReplies("preSendMessage");
const text = (msg: string) => ({ ext: {}, bodies: [{ type: "txt" as const, msg }] });

describe("preSendReply", () => {
  it("builds the spec's pass, reject and modify replies", () => {
    expect(preSendReply.pass()).toEqual(replies["pass"]);
    expect(preSendReply.reject()).toEqual(replies["rejectWithoutCode"]);
    const reject = replies["reject"] as { code: string };
    expect(preSendReply.reject(reject.code)).toEqual(reject);
    const modify = replies["modify"] as { payload: Parameters<typeof preSendReply.modify>[0] };
    expect(preSendReply.modify(modify.payload)).toEqual(modify);
  });

  it("refuses a changed message over 1 KB, counted in UTF-8 bytes", () => {
    const overhead = JSON.stringify(text("")).length;
    expect(() => preSendReply.modify(text("a".repeat(PRE_SEND_PAYLOAD_MAX_BYTES - overhead)))).not.toThrow();
    expect(() => preSendReply.modify(text("a".repeat(PRE_SEND_PAYLOAD_MAX_BYTES - overhead + 1)))).toThrow(RangeError);
    // 400 characters, 1,200 bytes.
    expect(() => preSendReply.modify(text("禁".repeat(400)))).toThrow(RangeError);
  });
});

describe("serializePreSendReply", () => {
  it.each(Object.entries(replies))("serializes the spec's %s reply as it is", (_, reply) => {
    expect(JSON.parse(serializePreSendReply(reply as Parameters<typeof serializePreSendReply>[0]))).toEqual(reply);
  });

  it("refuses a reply over 1,000 characters and one without a boolean valid", () => {
    const overhead = JSON.stringify({ valid: false, code: "" }).length;
    expect(serializePreSendReply({ valid: false, code: "c".repeat(PRE_SEND_REPLY_MAX_CHARACTERS - overhead) })).toHaveLength(PRE_SEND_REPLY_MAX_CHARACTERS);
    expect(() => serializePreSendReply({ valid: false, code: "c".repeat(PRE_SEND_REPLY_MAX_CHARACTERS - overhead + 1) })).toThrow(RangeError);
    expect(() => serializePreSendReply({} as Parameters<typeof serializePreSendReply>[0])).toThrow(TypeError);
  });
});
