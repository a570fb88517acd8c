/** Contract cases derived from the spec alone, so operations added later are covered with no new test code. */
import { validInput, type CallInput } from "./request.js";
import { operations, type OperationEntry, type Schema } from "./spec.js";

export interface ExampleCase {
  entry: OperationEntry;
  status: number;
  name: string;
  value: unknown;
}

/** Every operation × documented response status × named example. */
export const exampleCases: ExampleCase[] = operations.flatMap((entry) =>
  Object.entries(entry.operation.responses).flatMap(([status, response]) =>
    Object.entries(response.content?.["application/json"]?.examples ?? {}).map(([name, example]) => ({
      entry,
      status: Number(status),
      name,
      value: example.value,
    })),
  ),
);

export interface RequestExampleCase {
  entry: OperationEntry;
  name: string;
  input: CallInput;
}

/** Every documented request body example, sent as is. */
export const requestExampleCases: RequestExampleCase[] = operations.flatMap((entry) =>
  Object.entries(entry.operation.requestBody?.content["application/json"]?.examples ?? {}).map(([name, example]) => ({
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
  return out;
}

/** The values just inside and just outside each documented limit of a schema. */
function boundaries(schema: Schema | undefined): Boundary[] {
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
    add(`${maxItems} items`, names(maxItems), true);
    add(`${maxItems + 1} items`, names(maxItems + 1), false);
  }
  if (minItems) {
    add(`${minItems} items`, names(minItems), true);
    add(`${minItems - 1} items`, names(minItems - 1), false);
  }
  out.push(...mapBoundaries(schema));
  return out;
}

/** A limit case of the request body, before it is put into a request. */
type BodyCase = Omit<LimitCase, "entry" | "input"> & { body: unknown };

/** Limits on an object body's own fields, and each required field left out, from a valid base body. */
function fieldCases(base: Record<string, unknown>, schema: Schema, at: string): BodyCase[] {
  const cases: BodyCase[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    for (const b of boundaries(property)) {
      cases.push({ label: `${at}.${name} = ${b.label}`, field: name, inside: b.inside, body: { ...base, [name]: b.value } });
    }
  }
  for (const name of schema.required ?? []) {
    const { [name]: _omitted, ...rest } = base;
    cases.push({ label: `${at} without ${name}`, field: name, inside: false, body: rest });
  }
  return cases;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The body's limits, by its shape:
 * - an object: its fields' limits and required fields (from the first request example);
 * - a `oneOf` of object forms: the same for each form, from the first request example
 *   that has all of the form's required fields (a form no example shows is skipped);
 * - an array (a list of objects, such as `[{username, push_nickname}]`): its own
 *   `minItems`/`maxItems`, built from copies of the example's first item, and the
 *   limits of that first item's fields.
 */
function bodyCases(entry: OperationEntry, base: CallInput): LimitCase[] {
  const content = entry.operation.requestBody?.content["application/json"];
  const schema = content?.schema;
  if (!schema) return [];
  const examples = Object.values(content?.examples ?? {}).map((e) => e.value);
  const withBody = ({ body, ...rest }: BodyCase): LimitCase => ({ entry, ...rest, input: { ...base, body } });
  if (schema.oneOf) {
    return schema.oneOf.flatMap((form, i) => {
      const example = examples.find((v) => isObject(v) && (form.required ?? []).every((name) => name in v));
      if (!isObject(example)) return [];
      return fieldCases(example, form, `body (${form.title ?? `form ${i + 1}`})`).map(withBody);
    });
  }
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (type.includes("array")) {
    const list = Array.isArray(base.body) ? base.body : [];
    const first = list[0];
    const cases: LimitCase[] = [];
    const copies = (n: number) => Array.from({ length: n }, (_, i) => (i < list.length ? list[i] : first));
    if (first !== undefined) {
      const { maxItems, minItems } = schema;
      const add = (label: string, n: number, inside: boolean) => cases.push(withBody({ label, field: "body", inside, body: copies(n) }));
      if (maxItems !== undefined) add(`body = ${maxItems} items`, maxItems, true), add(`body = ${maxItems + 1} items`, maxItems + 1, false);
      if (minItems) add(`body = ${minItems} items`, minItems, true), add(`body = ${minItems - 1} items`, minItems - 1, false);
    }
    if (isObject(first) && schema.items) {
      for (const c of fieldCases(first, schema.items, "body[0]")) cases.push(withBody({ ...c, body: [c.body, ...list.slice(1)] }));
    }
    return cases;
  }
  return fieldCases((base.body ?? {}) as Record<string, unknown>, schema, "body").map(withBody);
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
  if (entry.operation.requestBody?.required) {
    const { body: _omitted, ...withoutBody } = base;
    cases.push({ entry, label: "no request body", field: "body", inside: false, input: withoutBody });
  }
  cases.push(...bodyCases(entry, base));
  return cases;
}

/** Every documented limit, tried just inside and just outside. */
export const limitCases: LimitCase[] = operations.flatMap(limitCasesOf);
