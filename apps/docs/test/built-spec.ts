// The spec the page renders (dist/openapi.json, with code samples) and the documented answers, for the tests.
import { readFileSync } from 'node:fs';

import type { CodeSample } from '../src/code-samples.js';
import { expandPath, httpMethods, requestExamples, type DereferencedSpec, type Server } from '../src/request-examples.js';
import { decoratedSpecPath, dereferencedSpecPath } from '../src/paths.js';

export interface BuiltOperation {
  operationId: string;
  method: string;
  pathTemplate: string;
  description: string;
  docTitle: string;
  samples: CodeSample[];
  /** The path its documented request is sent to, parameters filled in. */
  requestPath: string;
  /** The first 200 example: what the mock answers a valid request with. */
  documented200: unknown;
  /** The 200 answer is a file's bytes (text in the examples), not JSON. */
  binary: boolean;
  /** Per response status, the summaries of its named examples, as a reader picks them. */
  exampleSummaries: Record<string, string[]>;
  /** The summaries of the request body's named examples (the payload picker). */
  requestExampleSummaries: string[];
}

type NamedExamples = Record<string, { summary?: string; value?: unknown }>;

interface Operation {
  operationId: string;
  description?: string;
  'x-doc-title'?: string;
  'x-codeSamples'?: CodeSample[];
  requestBody?: { content?: Record<string, { examples?: NamedExamples }> };
  responses?: Record<string, { content?: Record<string, { examples?: NamedExamples }> }>;
}

type Paths = Record<string, Record<string, unknown>>;

export const builtSpec = JSON.parse(readFileSync(decoratedSpecPath, 'utf8')) as {
  info: { description: string };
  servers: Server[];
  paths: Paths;
  webhooks?: Paths;
};
const dereferenced = JSON.parse(readFileSync(dereferencedSpecPath(), 'utf8')) as DereferencedSpec;
const requestPaths = new Map(requestExamples(dereferenced).map((example) => [example.operationId, expandPath(example)]));

function operationsOf(paths: Paths): [string, string, Operation][] {
  return Object.entries(paths).flatMap(([pathTemplate, item]) =>
    httpMethods.filter((method) => item[method]).map((method): [string, string, Operation] => [pathTemplate, method, item[method] as Operation]),
  );
}

/** The same operations with their examples resolved. */
const resolved = new Map(operationsOf(dereferenced.paths as Paths).map(([, , operation]) => [operation.operationId, operation]));

/** Named examples of a body: its JSON ones, else those of its first other media type (a form, a file download). */
function examplesIn(content: Record<string, { examples?: NamedExamples }> = {}): NamedExamples {
  return (content['application/json'] ?? Object.values(content)[0])?.examples ?? {};
}

const examplesOf = (operation: Operation | undefined, status: string) => examplesIn(operation?.responses?.[status]?.content);
const summariesOf = (examples: NamedExamples) => Object.entries(examples).map(([name, example]) => example.summary ?? name);

/** Per response status, the summaries of its named examples. */
const responseSummaries = (operation: Operation | undefined) =>
  Object.fromEntries(Object.keys(operation?.responses ?? {}).map((status) => [status, summariesOf(examplesOf(operation, status))]));

/** A 200 that is not JSON (a download): its first example, of whatever media type. */
function firstExampleOfAnyType(operation: Operation | undefined): unknown {
  const media = Object.values(operation?.responses?.['200']?.content ?? {})[0];
  return Object.values(media?.examples ?? {})[0]?.value;
}

const binaryOperations = new Set(requestExamples(dereferenced).filter((example) => example.binary).map((example) => example.operationId));

export const builtOperations: BuiltOperation[] = operationsOf(builtSpec.paths).map(([pathTemplate, method, operation]) => ({
  operationId: operation.operationId,
  method,
  pathTemplate,
  description: operation.description ?? '',
  docTitle: operation['x-doc-title'] ?? '',
  samples: operation['x-codeSamples'] ?? [],
  requestPath: requestPaths.get(operation.operationId) ?? '',
  documented200: Object.values(examplesOf(resolved.get(operation.operationId), '200'))[0]?.value ?? firstExampleOfAnyType(resolved.get(operation.operationId)),
  binary: binaryOperations.has(operation.operationId),
  exampleSummaries: responseSummaries(resolved.get(operation.operationId)),
  requestExampleSummaries: summariesOf(examplesIn(resolved.get(operation.operationId)?.requestBody?.content)),
}));

/** The ```sh blocks of the introduction that are one curl command (setup scripts are not). */
export const introCurlBlocks = [...builtSpec.info.description.matchAll(/```sh\n(curl [\s\S]*?)```/g)].map((match) => (match[1] ?? '').trim());

/** The ```ts blocks of the introduction. */
const typescriptBlocks = [...builtSpec.info.description.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
/** The introduction's TypeScript examples that run against the mock. */
export const introTypescriptBlocks = typescriptBlocks.filter((source) => !source.includes('EMULATOR_URL'));
/** Those of the emulator section, which test a flow against a running emulator (`EMULATOR_URL`). */
export const introEmulatorBlocks = typescriptBlocks.filter((source) => source.includes('EMULATOR_URL'));

export interface BuiltWebhook {
  /** The webhook's name in the spec: the `event` its receiver sample names it by. */
  name: string;
  operationId: string;
  description: string;
  docTitle: string;
  /** The receiver sample. */
  samples: CodeSample[];
  /** The documented callback bodies, by example name, in the spec's order. */
  payloads: Record<string, unknown>;
  requestExampleSummaries: string[];
  exampleSummaries: Record<string, string[]>;
  /** What the answer's body must be: the 200's named examples (the pre-send verdicts), or none. */
  documentedAnswers: unknown[];
}

const resolvedWebhooks = new Map(
  operationsOf((dereferenced as { webhooks?: Paths }).webhooks ?? {}).map(([, , operation]) => [operation.operationId, operation]),
);

export const builtWebhooks: BuiltWebhook[] = operationsOf(builtSpec.webhooks ?? {}).map(([name, , operation]) => {
  const resolvedWebhook = resolvedWebhooks.get(operation.operationId);
  const payloads = examplesIn(resolvedWebhook?.requestBody?.content);
  return {
    name,
    operationId: operation.operationId,
    description: operation.description ?? '',
    docTitle: operation['x-doc-title'] ?? '',
    samples: operation['x-codeSamples'] ?? [],
    payloads: Object.fromEntries(Object.entries(payloads).map(([key, example]) => [key, example.value])),
    requestExampleSummaries: summariesOf(payloads),
    exampleSummaries: responseSummaries(resolvedWebhook),
    documentedAnswers: Object.values(examplesOf(resolvedWebhook, '200')).map((example) => example.value),
  };
});
