// What the docs must show, read from the bundled spec so new operations are covered with no new test code.
import { readFileSync } from 'node:fs';

import { bundledSpecPath } from '../src/paths.js';
import { httpMethods } from '../src/request-examples.js';

export interface SpecOperation {
  operationId: string;
  summary: string;
  tags: string[];
  /** A callback the server sends (the spec's `webhooks`), not a request the reader sends. */
  webhook: boolean;
}

/** A vendor area (an `x-tagGroups` entry): one page of the docs, linked from the header by its name. */
export interface AreaPage {
  name: string;
  tags: string[];
  operations: SpecOperation[];
}

interface BundledSpec {
  info: { title: string; version: string };
  tags?: { name: string; 'x-displayName'?: string }[];
  'x-tagGroups'?: { name: string; tags: string[] }[];
  paths: Record<string, Record<string, unknown>>;
  webhooks?: Record<string, Record<string, unknown>>;
}

export const spec = JSON.parse(readFileSync(bundledSpecPath(), 'utf8')) as BundledSpec;

const operationsOf = (items: Record<string, unknown>[], webhook: boolean): SpecOperation[] =>
  items.flatMap((pathItem) =>
    httpMethods
      .filter((method) => pathItem[method] !== undefined)
      .map((method) => {
        const { operationId, summary, tags = [] } = pathItem[method] as Partial<SpecOperation>;
        return { operationId: operationId ?? '', summary: summary ?? '', tags, webhook };
      }),
  );

export const operations: SpecOperation[] = [
  ...operationsOf(Object.values(spec.paths), false),
  ...operationsOf(Object.values(spec.webhooks ?? {}), true),
];

export const areaPages: AreaPage[] = (spec['x-tagGroups'] ?? []).map(({ name, tags }) => ({
  name,
  tags,
  operations: operations.filter((op) => op.tags.some((tag) => tags.includes(tag))),
}));
