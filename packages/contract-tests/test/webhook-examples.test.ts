import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { postSendWebhooks, webhookExampleCases, webhooks } from "../src/webhooks.js";

// The schemas are JSON Schema 2020-12 (jsonSchemaDialect), so Ajv's 2020 build, strict: an
// unknown keyword in a schema fails the compile instead of being silently ignored.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true, formats: { int64: { type: "number", validate: Number.isSafeInteger } } });
const compiled = new Map<object, ValidateFunction>();
const validatorOf = (schema: object) => {
  const known = compiled.get(schema);
  if (known) return known;
  const validate = ajv.compile(schema);
  compiled.set(schema, validate);
  return validate;
};
const errorsOf = (schema: object, value: unknown) => {
  const validate = validatorOf(schema);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
};
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const label = (c: (typeof webhookExampleCases)[number]) => `${c.webhook} ${c.part} ${c.name}`;

describe("webhook examples", () => {
  it("every webhook has a named request example", () => {
    expect(webhooks.length).toBeGreaterThan(0);
    const withRequestExamples = new Set(webhookExampleCases.filter((c) => c.part === "request").map((c) => c.webhook));
    expect(webhooks.map((op) => op.operationId).filter((id) => !withRequestExamples.has(id))).toEqual([]);
  });

  it.each(webhookExampleCases.map((c) => [label(c), c] as const))("%s is valid against its schema", (_, { schema, value }) => {
    expect(errorsOf(schema, value)).toEqual([]);
  });

  // Tampering: each property the example carries is removed in turn, or its value replaced by one of
  // another JSON type; the schema must refuse every copy that loses a required field or a typed value.
  it.each(webhookExampleCases.map((c) => [label(c), c] as const))("%s fails when tampered", (_, { schema, value }) => {
    if (!isObject(value)) throw new Error("a webhook example is a JSON object");
    const accepted: string[] = [];
    let refused = 0;
    for (const key of Object.keys(value)) {
      const wrongType = typeof value[key] === "string" ? 12345 : "tampered";
      const { [key]: _removed, ...without } = value;
      const removedIsRefused = errorsOf(schema, without).length > 0;
      const retypedIsRefused = errorsOf(schema, { ...value, [key]: wrongType }).length > 0;
      if (!retypedIsRefused) accepted.push(`${key} = ${JSON.stringify(wrongType)}`);
      refused += Number(removedIsRefused) + Number(retypedIsRefused);
    }
    expect(accepted, "a value of the wrong type is refused wherever the schema types the field").toEqual([]);
    expect(refused).toBeGreaterThan(0);
  });

  // The receiver tells post-send callbacks apart by the fields their schemas fix (`const`): an
  // example of one must not be a valid body of another.
  it.each(webhookExampleCases.filter((c) => c.part === "request" && postSendWebhooks.some((op) => op.operationId === c.webhook)).map((c) => [label(c), c] as const))(
    "%s is a valid body of no other post-send webhook",
    (_, { webhook, value }) => {
      const others = postSendWebhooks.filter((op) => op.operationId !== webhook);
      const alsoValid = others.filter((op) => errorsOf(op.requestBody.content["application/json"]?.schema ?? {}, value).length === 0);
      expect(alsoValid.map((op) => op.operationId)).toEqual([]);
    },
  );
});
