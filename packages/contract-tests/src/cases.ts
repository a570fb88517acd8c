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
  const bodySchema = requestBody?.content["application/json"]?.schema;
  if (requestBody?.required) {
    const { body: _omitted, ...withoutBody } = base;
    cases.push({ entry, label: "no request body", field: "body", inside: false, input: withoutBody });
  }
  for (const { schema: form, body: baseBody, others } of bodyForms(entry, bodySchema, base.body)) {
    const input = (body: unknown): CallInput => ({ ...base, body });
    for (const [name, schema] of Object.entries(form.properties ?? {})) {
      for (const b of boundaries(schema)) {
        const label = `body.${name} = ${b.label}`;
        cases.push({ entry, label, field: name, inside: b.inside, input: input({ ...baseBody, [name]: b.value }) });
      }
    }
    for (const name of form.required ?? []) {
      const { [name]: _omitted, ...rest } = baseBody;
      // Without this field the body may be another valid form (an empty body is "modify nothing").
      if (others.some((other) => fits(rest, other))) continue;
      cases.push({ entry, label: `body without ${name}`, field: name, inside: false, input: input(rest) });
    }
  }
  return cases;
}

type Body = Record<string, unknown>;

/** Whether a body has the fields of a form (every required one, and none it does not name). */
const fits = (body: Body, form: Schema) =>
  (form.required ?? []).every((name) => name in body) && Object.keys(body).every((name) => name in (form.properties ?? {}));

/**
 * The forms a request body takes, each with the body its limits are tried on: the body's own
 * schema with the first request example; or, for a `oneOf` body, each form with the first
 * request example that fits it (a form no example fits is skipped).
 */
function bodyForms(entry: OperationEntry, schema: Schema | undefined, first: unknown): { schema: Schema; body: Body; others: Schema[] }[] {
  if (!schema?.oneOf) return [{ schema: schema ?? {}, body: (first ?? {}) as Body, others: [] }];
  const examples = Object.values(entry.operation.requestBody?.content["application/json"]?.examples ?? {}).map((e) => e.value as Body);
  return schema.oneOf.flatMap((form) => {
    const body = examples.find((example) => fits(example, form));
    return body ? [{ schema: form, body, others: schema.oneOf!.filter((other) => other !== form) }] : [];
  });
}

/** Every documented limit, tried just inside and just outside. */
export const limitCases: LimitCase[] = operations.flatMap(limitCasesOf);
