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
}

interface Operation {
  operationId: string;
  description?: string;
  'x-doc-title'?: string;
  'x-codeSamples'?: CodeSample[];
  responses?: Record<string, { content?: Record<string, { examples?: Record<string, { summary?: string; value?: unknown }> }> }>;
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

/** A status's named examples: its JSON ones, else those of its one other media type (a file download). */
function examplesOf(operation: Operation | undefined, status: string) {
  const content = operation?.responses?.[status]?.content ?? {};
  return (content['application/json'] ?? Object.values(content)[0])?.examples ?? {};
}

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
  exampleSummaries: Object.fromEntries(
    Object.keys(resolved.get(operation.operationId)?.responses ?? {}).map((status) => [
      status,
      Object.entries(examplesOf(resolved.get(operation.operationId), status)).map(([name, example]) => example.summary ?? name),
    ]),
  ),
}));

/** The ```sh blocks of the introduction that are one curl command (setup scripts are not). */
export const introCurlBlocks = [...builtSpec.info.description.matchAll(/```sh\n(curl [\s\S]*?)```/g)].map((match) => (match[1] ?? '').trim());

/** The ```ts blocks of the introduction. */
export const introTypescriptBlocks = [...builtSpec.info.description.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

export interface BuiltWebhook {
  operationId: string;
  description: string;
  docTitle: string;
  /** The first named example of the callback's body, which the page shows first. */
  firstPayload: unknown;
}

interface WebhookOperation extends Operation {
  requestBody?: { content?: Record<string, { examples?: Record<string, { value?: unknown }> }> };
}

const resolvedWebhooks = new Map(
  operationsOf((dereferenced as { webhooks?: Paths }).webhooks ?? {}).map(([, , operation]) => [operation.operationId, operation as WebhookOperation]),
);

export const builtWebhooks: BuiltWebhook[] = operationsOf(builtSpec.webhooks ?? {}).map(([, , operation]) => ({
  operationId: operation.operationId,
  description: operation.description ?? '',
  docTitle: operation['x-doc-title'] ?? '',
  firstPayload: Object.values(resolvedWebhooks.get(operation.operationId)?.requestBody?.content?.['application/json']?.examples ?? {})[0]?.value,
}));
