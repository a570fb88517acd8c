// What the docs must show, read from the bundled spec so new operations are covered with no new test code.
import { readFileSync } from 'node:fs';

import { bundledSpecPath } from '../src/paths.js';
import { httpMethods } from '../src/request-examples.js';

export interface SpecOperation {
  operationId: string;
  summary: string;
  /** The path template, or a webhook's name. */
  path: string;
  /** The vendor's section title. */
  docTitle: string;
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

const operationsOf = (items: Record<string, Record<string, unknown>>, webhook: boolean): SpecOperation[] =>
  Object.entries(items).flatMap(([path, pathItem]) =>
    httpMethods
      .filter((method) => pathItem[method] !== undefined)
      .map((method) => {
        const { operationId = '', summary = '', tags = [], 'x-doc-title': docTitle = '' } = pathItem[method] as Partial<SpecOperation> & { 'x-doc-title'?: string };
        return { operationId, summary, path, docTitle, tags, webhook };
      }),
  );

export const operations: SpecOperation[] = [...operationsOf(spec.paths, false), ...operationsOf(spec.webhooks ?? {}, true)];

export const areaPages: AreaPage[] = (spec['x-tagGroups'] ?? []).map(({ name, tags }) => ({
  name,
  tags,
  operations: operations.filter((op) => op.tags.some((tag) => tags.includes(tag))),
}));
