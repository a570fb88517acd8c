/** Contract cases derived from the spec alone, so operations added later are covered with no new test code. */
import { requestBodyOf, validInput, type CallInput } from "./request.js";
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
  Object.entries(requestBodyOf(entry)?.media.examples ?? {}).map(([name, example]) => ({
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

/** `n` items for an array: user IDs, or copies of a documented item when the items are not strings (objects). */
function itemsOf(n: number, sample: unknown): unknown[] {
  return sample === undefined || typeof sample === "string" ? names(n) : Array.from({ length: n }, () => sample);
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
  return out;
}

/** The values just inside and just outside each documented limit of a schema (`sample`: the documented value, for array items). */
function boundaries(schema: Schema | undefined, sample?: unknown): Boundary[] {
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
  const item = Array.isArray(sample) ? sample[0] : undefined;
  if (maxItems !== undefined) {
    add(`${maxItems} items`, itemsOf(maxItems, item), true);
    add(`${maxItems + 1} items`, itemsOf(maxItems + 1, item), false);
  }
  if (minItems) {
    add(`${minItems} items`, itemsOf(minItems, item), true);
    add(`${minItems - 1} items`, itemsOf(minItems - 1, item), false);
  }
  out.push(...mapBoundaries(schema));
  return out;
}

const jsonType = (value: unknown) => (Array.isArray(value) ? "array" : value === null ? "null" : typeof value);

/** Whether a documented value is of one form of a `oneOf`: its type, its required fields, its `enum` fields (`grant_type`). */
function fits(form: Schema, value: unknown): boolean {
  const types = form.type === undefined ? [] : Array.isArray(form.type) ? form.type : [form.type];
  const type = jsonType(value);
  if (types.length > 0 && !types.includes(type) && !(type === "number" && types.includes("integer"))) return false;
  if (type !== "object") return true;
  const record = value as Record<string, unknown>;
  if (!(form.required ?? []).every((name) => name in record)) return false;
  return Object.entries(form.properties ?? {}).every(([name, p]) => !p.enum || !(name in record) || p.enum.includes(record[name]));
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
  if (requestBody?.required) {
    const { body: _omitted, ...withoutBody } = base;
    cases.push({ entry, label: "no request body", field: "body", inside: false, input: withoutBody });
  }
  const body = requestBodyOf(entry);
  const bodySchema = body?.media.schema;
  const examples = Object.values(body?.media.examples ?? {}).map((e) => e.value);
  // A `oneOf` body (one user or a batch, the grant forms of /token...): each form's limits, from the
  // first documented example of that form. A plain body: its limits, from the first example.
  const forms = bodySchema?.oneOf ?? (bodySchema ? [bodySchema] : []);
  for (const form of forms) {
    const example = bodySchema?.oneOf ? examples.find((value) => fits(form, value)) : base.body;
    if (bodySchema?.oneOf && example === undefined) continue;
    const prefix = bodySchema?.oneOf ? `body (${form.title ?? "one of its forms"})` : "body";
    if (Array.isArray(example)) {
      for (const b of boundaries(form, example)) {
        cases.push({ entry, label: `${prefix} = ${b.label}`, field: "body", inside: b.inside, input: { ...base, body: b.value } });
      }
      continue;
    }
    const baseBody = (example ?? {}) as Record<string, unknown>;
    for (const [name, schema] of Object.entries(form.properties ?? {})) {
      for (const b of boundaries(schema, baseBody[name])) {
        const input = { ...base, body: { ...baseBody, [name]: b.value } };
        cases.push({ entry, label: `${prefix}.${name} = ${b.label}`, field: name, inside: b.inside, input });
      }
    }
    for (const name of form.required ?? []) {
      const { [name]: _omitted, ...rest } = baseBody;
      cases.push({ entry, label: `${prefix} without ${name}`, field: name, inside: false, input: { ...base, body: rest } });
    }
  }
  return cases;
}

/** Every documented limit, tried just inside and just outside. */
export const limitCases: LimitCase[] = operations.flatMap(limitCasesOf);
