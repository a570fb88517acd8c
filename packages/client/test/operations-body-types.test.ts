/**
 * Bodies, per-call options and answers typed per operation: messages by their `type`, form
 * fields, file uploads and downloads, who a call goes as, lists paged in the body. The fixture
 * is compiled with the TypeScript API, so `vitest run` fails if any misuse below compiles.
 */
import { describe, expect, it } from "vitest";
import { compileFixture } from "./support/compile-fixture.js";

/** Each line a statement, and whether the compiler must refuse it. */
const cases: [source: string, refused?: true][] = [
  ['im.sendUserMessage({}, { to: ["u1"], type: "txt", body: { msg: "hi" } });'],
  ['im.sendUserMessage({}, { to: ["u1"], type: "img", body: { url: "https://x/chatfiles/1", filename: "a.jpg" } });'],
  ['im.sendGroupMessage({}, { to: ["g1"], type: "custom", body: { customEvent: "gift", customExts: { n: "1" } } });'],
  ['im.sendChatroomMessage({}, { to: ["r1"], type: "loc", body: { lat: "1", lng: "2", addr: "here" } });'],
  // A text message without its text.
  ['im.sendUserMessage({}, { to: ["u1"], type: "txt", body: { url: "https://x" } });', true],
  // A custom message given a text body: every field of CustomBody is optional, so only exactness refuses it.
  ['im.sendUserMessage({}, { to: ["u1"], type: "custom", body: { msg: "hi" } });', true],
  // A text body with a field of another type.
  ['im.sendUserMessage({}, { to: ["u1"], type: "txt", body: { msg: "hi", url: "https://x" } });', true],
  ['im.sendGroupMessage({}, { to: ["g1"], type: "loc", body: { lat: "1", lng: "2" } });', true],
  ['im.sendChatroomMessage({}, { to: ["r1"], type: "cmd", body: { msg: "hi" } });', true],
  ['im.importUserMessage({}, { from: "a", target: "b", type: "img", body: { msg: "hi" } });', true],
  // Form fields (setUserAttributes) are typed like a JSON body.
  ['im.setUserAttributes({ username: "u1" }, { nickname: "n", gender: "1" });'],
  ['im.setUserAttributes({ username: "u1" }, { gender: "3" });', true],
  // Uploads: a file part takes a Blob, a File, bytes or text; nothing else.
  ['im.uploadFile({}, { file: new File(["x"], "a.jpg") });'],
  ['im.uploadGroupSharedFile({ group_id: "g1" }, { file: new Uint8Array([1, 2]) });'],
  ['im.uploadFile({}, { file: 42 });', true],
  // Downloads: a Blob, or the body's stream when asked.
  ['void (im.downloadFile({ file_uuid: "f1" }) satisfies Promise<Blob>);'],
  ['void (im.downloadFile({ file_uuid: "f1" }, { as: "stream" }) satisfies Promise<ReadableStream<Uint8Array<ArrayBuffer>>>);'],
  ['void (im.downloadGroupSharedFile({ group_id: "g1", file_id: "f1" }, { as: "stream" }) satisfies Promise<Blob>);', true],
  // Who a call goes as.
  ['im.getToken({}, { grant_type: "password", username: "u1", password: "p" }, { anonymous: true });'],
  ['im.listUsers({}, { anonymous: true });', true],
  ['im.setUserPushTemplate({ username: "u1" }, { templateName: "t" }, { userToken: "YWMt" });'],
  ['im.setUserPushTemplate({ username: "u1" }, { templateName: "t" });', true],
  // A list paged in its body needs the rest of the body.
  ['im.items("listKeywords", { list_id: "l1" }, { body: { word: "music" } });'],
  ['im.items("listKeywords", { list_id: "l1" });', true],
  ['im.items("listKeywordLists");'],
  // Batches: the rest of a message is typed like the message, the items of an object batch are objects.
  ['im.batch("sendUserMessage", {}, ["u1", "u2"], { body: { type: "txt", body: { msg: "hi" } } });'],
  ['im.batch("sendUserMessage", {}, ["u1"], { body: { type: "custom", body: { msg: "hi" } } });', true],
  ['im.batch("registerUsers", {}, [{ username: "u1", password: "p" }]);'],
  ['im.batch("registerUsers", {}, ["u1"]);', true],
];

describe("body and option types", () => {
  it("compile where the spec allows and fail where it does not (fixture compiled with the TypeScript API)", () => {
    const header = [
      'import { createClient } from "../src/create-client.js";',
      'import { withOperations } from "../src/operations/index.js";',
      'const im = withOperations(createClient({ baseUrl: "https://h.example" }, "t"));',
      "export async function uses() {",
    ];
    const refusedLines = new Set(compileFixture([...header, ...cases.map(([source]) => `  ${source}`), "}"]).map(([line]) => line));
    const verdicts = cases.map(([source], i) => [source, refusedLines.has(header.length + i + 1)]);
    expect(verdicts).toEqual(cases.map(([source, refused]) => [source, refused === true]));
  }, 60_000);
});
