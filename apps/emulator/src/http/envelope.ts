/**
 * Success answers shaped as each operation documents them. The keys of the first documented
 * success example say which envelope fields the answer has (`action`, `application`, `uri`,
 * `entities`, `data`, `timestamp`, `duration`, `organization`, `applicationName`, `count`,
 * `params`, `properties`...), in that order; the server fills the request-derived ones and the
 * handler gives the rest.
 */
import type { OperationInfo } from '../spec/document.js';
import type { AppState } from '../state/model.js';
import type { Fields } from '../resources/module.js';

export interface RequestFacts {
  method: string;
  /** The request URL without its query, absolute. */
  uri: string;
  /** The path below the app prefix. */
  pathname: string;
  query: URLSearchParams;
  app: AppState;
  now: number;
}

export function envelopeKeys(operation: OperationInfo): string[] | undefined {
  const example = operation.successExample;
  return example && typeof example === 'object' && !Array.isArray(example) ? Object.keys(example) : undefined;
}

function paramsOf(query: URLSearchParams): Record<string, string[]> {
  const params: Record<string, string[]> = {};
  for (const [name, value] of query) (params[name] ??= []).push(value);
  return params;
}

function countOf(fields: Fields): number {
  const items = Array.isArray(fields['data']) ? fields['data'] : Array.isArray(fields['entities']) ? fields['entities'] : [];
  return items.length;
}

function generated(key: string, fields: Fields, facts: RequestFacts): unknown {
  switch (key) {
    case 'action':
      return facts.method.toLowerCase();
    case 'application':
      return facts.app.uuid;
    case 'organization':
      return facts.app.organization;
    case 'applicationName':
      return facts.app.applicationName;
    case 'uri':
      return facts.uri;
    case 'path':
      return facts.pathname;
    case 'entities':
      return [];
    case 'timestamp':
      return facts.now;
    case 'duration':
      return 0;
    case 'params':
      return paramsOf(facts.query);
    case 'count':
      return countOf(fields);
    case 'properties':
      return {};
    default:
      return undefined;
  }
}

export function successBody(keys: string[] | undefined, fields: Fields, facts: RequestFacts): Fields {
  const body: Fields = {};
  for (const key of keys ?? []) {
    const value = fields[key] !== undefined ? fields[key] : generated(key, fields, facts);
    if (value !== undefined) body[key] = value;
  }
  for (const [key, value] of Object.entries(fields)) if (value !== undefined && !(key in body)) body[key] = value;
  return body;
}
