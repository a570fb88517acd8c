/** Contract cases derived from the spec alone, so operations added later are covered with no new test code. */
import { validInput, type CallInput } from "./request.js";
import { operations, requestMediaOf, type OperationEntry, type Schema } from "./spec.js";

export interface ExampleCase {
  entry: OperationEntry;
  status: number;
  name: string;
  value: unknown;
  /** The response media type the example is documented under (`application/json`, `application/octet-stream`...). */
  mediaType: string;
}

/** Every operation × documented response status × media type × named example. */
export const exampleCases: ExampleCase[] = operations.flatMap((entry) =>
  Object.entries(entry.operation.responses).flatMap(([status, response]) =>
    Object.entries(response.content ?? {}).flatMap(([mediaType, media]) =>
      Object.entries(media.examples ?? {}).map(([name, example]) => ({
        entry,
        status: Number(status),
        name,
        value: example.value,
        mediaType,
      })),
    ),
  ),
);

export interface RequestExampleCase {
  entry: OperationEntry;
  name: string;
  input: CallInput;
}

/** Every documented request body example, sent as is (JSON, or a multipart form). */
export const requestExampleCases: RequestExampleCase[] = operations.flatMap((entry) =>
  Object.entries(requestMediaOf(entry.operation)?.media.examples ?? {}).map(([name, example]) => ({
    entry,
    name,
    input: { ...validInput(entry), body: example.value },
  })),
);

export interface LimitCase {
  entry: OperationEntry;
  /** What is tried, e.g. `query.pagesize = 1001`. */
  label: string;
  /** The name a rejection must mention. */
  field: string;
  inside: boolean;
  input: CallInput;
}

interface Boundary {
  label: string;
  value: unknown;
  inside: boolean;
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `user${i + 1}`);

/** A list of n items: user IDs, or, for a list of objects, copies of the documented example's first item. */
function listOf(n: number, documented: unknown): unknown[] {
  const [first] = Array.isArray(documented) ? documented : [];
  return first !== undefined && typeof first === "object" ? Array.from({ length: n }, () => first) : names(n);
}

/** A schema that may also constrain an object's keys and values (a map, such as `metaData`). */
type MapSchema = Schema & { propertyNames?: Schema; additionalProperties?: Schema | boolean };

/** A value that satisfies a simple schema, to fill the part of a map entry that is not under test. */
function sampleOf(schema: Schema | undefined, letter: string): unknown {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  if (type === "integer" || type === "number") return schema?.minimum ?? 0;
  if (type === "boolean") return true;
  return letter.repeat(Math.max(1, schema?.minLength ?? 0));
}

/** Limits on a map's keys (`propertyNames`) and values (`additionalProperties`), tried one entry at a time. */
function mapBoundaries(schema: MapSchema): Boundary[] {
  const keySchema = schema.propertyNames;
  const valueSchema = typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined;
  const out: Boundary[] = [];
  const key = sampleOf(keySchema, "k") as string;
  const value = sampleOf(valueSchema, "v");
  for (const b of boundaries(keySchema)) {
    if (typeof b.value === "string") out.push({ label: `{key of ${b.label}}`, value: { [b.value]: value }, inside: b.inside });
  }
  for (const b of boundaries(valueSchema)) {
    out.push({ label: `{${key}: value of ${b.label}}`, value: { [key]: b.value }, inside: b.inside });
  }
  // How many entries the map may hold: keys k1, k2... each with a valid value.
  const entries = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${key}${i + 1}`, value]));
  const { minProperties, maxProperties } = schema;
  if (maxProperties !== undefined) {
    out.push({ label: `${maxProperties} entries`, value: entries(maxProperties), inside: true });
    out.push({ label: `${maxProperties + 1} entries`, value: entries(maxProperties + 1), inside: false });
  }
  if (minProperties) {
    out.push({ label: `${minProperties} entries`, value: entries(minProperties), inside: true });
    out.push({ label: `${minProperties - 1} entries`, value: entries(minProperties - 1), inside: false });
  }
  return out;
}

/** The values just inside and just outside each documented limit of a schema. */
function boundaries(schema: Schema | undefined, documented?: unknown): Boundary[] {
  if (!schema) return [];
  const out: Boundary[] = [];
  const add = (label: string, value: unknown, inside: boolean) => out.push({ label, value, inside });
  const { minimum, maximum, minLength, maxLength, minItems, maxItems } = schema;
  if (maximum !== undefined) add(`${maximum}`, maximum, true), add(`${maximum + 1}`, maximum + 1, false);
  if (minimum !== undefined) add(`${minimum}`, minimum, true), add(`${minimum - 1}`, minimum - 1, false);
  if (maxLength !== undefined) {
    add(`${maxLength} characters`, "x".repeat(maxLength), true);
    add(`${maxLength + 1} characters`, "x".repeat(maxLength + 1), false);
  }
  if (minLength) add(`${minLength - 1} characters`, "x".repeat(minLength - 1), false);
  if (maxItems !== undefined) {
    add(`${maxItems} items`, listOf(maxItems, documented), true);
    add(`${maxItems + 1} items`, listOf(maxItems + 1, documented), false);
  }
  if (minItems) {
    add(`${minItems} items`, listOf(minItems, documented), true);
    add(`${minItems - 1} items`, listOf(minItems - 1, documented), false);
  }
  out.push(...mapBoundaries(schema));
  return out;
}

type Body = Record<string, unknown>;
const isObject = (value: unknown): value is Body => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Whether a value is a body of this form: an array for an array form (a batch); otherwise an
 * object with every required field, none the form does not name, and its `enum` fields among
 * the allowed values (the `grant_type` of each token form).
 */
function fits(value: unknown, form: Schema): value is Body | unknown[] {
  if (form.type === "array") return Array.isArray(value);
  return (
    isObject(value) &&
    Object.keys(value).every((key) => key in (form.properties ?? {})) &&
    (form.required ?? []).every((key) => key in value) &&
    Object.entries(form.properties ?? {}).every(([key, p]) => !p.enum || !(key in value) || p.enum.includes(value[key]))
  );
}

/**
 * The body schemas whose limits are tried, each with a valid body to start from: the body
 * schema itself, or each form of a `oneOf` body with the first request example that fits it.
 * `others` are the other forms: a body without a required field that fits one of them is
 * valid, so that omission is not tried.
 */
function bodyForms(entry: OperationEntry, schema: Schema | undefined, base: unknown): { schema: Schema; base: Body | unknown[]; label: string; others: Schema[] }[] {
  if (!schema) return [];
  if (!schema.oneOf) return [{ schema, base: isObject(base) ? base : {}, label: "", others: [] }];
  const forms = schema.oneOf;
  const examples = Object.values(requestMediaOf(entry.operation)?.media.examples ?? {}).map((e) => e.value);
  return forms.flatMap((form, i) => {
    const example = examples.find((value) => fits(value, form));
    const others = forms.filter((other) => other !== form);
    return fits(example, form) ? [{ schema: form, base: example, label: ` (${form.title ?? `form ${i + 1}`})`, others }] : [];
  });
}

/** Limits on the number of entries of a body that is an array (such as up to 20 `{username, metadata}`), with copies of its first entry. */
function arrayBodyCases(entry: OperationEntry, schema: Schema | undefined, base: CallInput): LimitCase[] {
  if (!schema || !Array.isArray(base.body) || base.body.length === 0) return [];
  const entries = (n: number) => Array.from({ length: n }, () => (base.body as unknown[])[0]);
  const out: LimitCase[] = [];
  const add = (n: number, inside: boolean) =>
    out.push({ entry, label: `body = ${n} entries`, field: "body", inside, input: { ...base, body: entries(n) } });
  if (schema.maxItems !== undefined) add(schema.maxItems, true), add(schema.maxItems + 1, false);
  if (schema.minItems) add(schema.minItems, true), add(schema.minItems - 1, false);
  return out;
}

function limitCasesOf(entry: OperationEntry): LimitCase[] {
  const base = validInput(entry);
  const cases: LimitCase[] = [];
  for (const p of entry.parameters) {
    if (p.in !== "path" && p.in !== "query") continue;
    for (const b of boundaries(p.schema)) {
      const input = { ...base, [p.in]: { ...base[p.in], [p.name]: b.value } };
      cases.push({ entry, label: `${p.in}.${p.name} = ${b.label}`, field: p.name, inside: b.inside, input });
    }
  }
  const requestBody = entry.operation.requestBody;
  const bodySchema = requestMediaOf(entry.operation)?.media.schema;
  if (requestBody?.required) {
    const { body: _omitted, ...withoutBody } = base;
    cases.push({ entry, label: "no request body", field: "body", inside: false, input: withoutBody });
  }
  cases.push(...arrayBodyCases(entry, bodySchema, base));
  for (const form of bodyForms(entry, bodySchema, base.body)) {
    // The array form of a `oneOf` (a batch beside a single object): its entry counts.
    if (Array.isArray(form.base)) {
      cases.push(...arrayBodyCases(entry, form.schema, { ...base, body: form.base }));
      continue;
    }
    for (const [name, schema] of Object.entries(form.schema.properties ?? {})) {
      for (const b of boundaries(schema, form.base[name])) {
        const input = { ...base, body: { ...form.base, [name]: b.value } };
        cases.push({ entry, label: `body.${name} = ${b.label}${form.label}`, field: name, inside: b.inside, input });
      }
    }
    for (const name of form.schema.required ?? []) {
      const { [name]: _omitted, ...rest } = form.base;
      if (form.others.some((other) => fits(rest, other))) continue;
      cases.push({ entry, label: `body without ${name}`, field: name, inside: false, input: { ...base, body: rest } });
    }
  }
  return cases;
}

/** Every documented limit, tried just inside and just outside. */
export const limitCases: LimitCase[] = operations.flatMap(limitCasesOf);
