/**
 * Matches a path below the URL prefix to an operation of the spec. A segment tree per method:
 * a literal segment wins over a template (`/chatrooms/super_admin` over `/chatrooms/{chatroom_id}`),
 * and when the literal branch has no operation for the method the template branch is tried,
 * as the real server does.
 */
import type { Method, OperationInfo } from './document.js';

interface Node {
  literals: Map<string, Node>;
  /** Template segments: a whole-segment parameter or a pattern such as `{a}.{b}`. */
  templates: Array<{ names: string[]; pattern: RegExp | undefined; node: Node }>;
  operation: OperationInfo | undefined;
}

export interface RouteMatch {
  operation: OperationInfo;
  /** Raw (still percent-encoded) path parameter values. */
  params: Record<string, string>;
}

export type RouteResult = RouteMatch | { notFound: true; methods: Method[] };

const newNode = (): Node => ({ literals: new Map(), templates: [], operation: undefined });

function templateOf(segment: string): { names: string[]; pattern: RegExp | undefined } {
  const names = [...segment.matchAll(/\{([^}]+)\}/g)].map(match => match[1]!);
  if (/^\{[^}]+\}$/.test(segment)) return { names, pattern: undefined };
  const source = segment
    .split(/\{[^}]+\}/)
    .map(literal => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('([^/]+?)');
  return { names, pattern: new RegExp(`^${source}$`) };
}

export class Router {
  private readonly roots = new Map<Method, Node>();

  constructor(operations: OperationInfo[]) {
    for (const operation of operations) this.add(operation);
  }

  private add(operation: OperationInfo): void {
    let node: Node = this.roots.get(operation.method) ?? newNode();
    this.roots.set(operation.method, node);
    for (const segment of operation.path.split('/').slice(1)) {
      if (!segment.includes('{')) {
        const next: Node = node.literals.get(segment) ?? newNode();
        node.literals.set(segment, next);
        node = next;
        continue;
      }
      const template = templateOf(segment);
      let entry = node.templates.find(existing => existing.names.join() === template.names.join() && String(existing.pattern) === String(template.pattern));
      if (!entry) node.templates.push((entry = { ...template, node: newNode() }));
      node = entry.node;
    }
    node.operation = operation;
  }

  match(method: string, segments: string[]): RouteResult {
    const root = this.roots.get(method as Method);
    const params: Record<string, string> = {};
    const found = root && walk(root, segments, 0, params);
    if (found) return { operation: found, params };
    const methods = new Set<Method>();
    for (const [other, node] of this.roots) if (walk(node, segments, 0, {})) methods.add(other);
    return { notFound: true, methods: [...methods] };
  }
}

function walk(node: Node, segments: string[], index: number, params: Record<string, string>): OperationInfo | undefined {
  if (index === segments.length) return node.operation;
  const segment = segments[index]!;
  const literal = node.literals.get(segment);
  const viaLiteral = literal && walk(literal, segments, index + 1, params);
  if (viaLiteral) return viaLiteral;
  if (segment === '') return undefined;
  for (const { names, pattern, node: next } of node.templates) {
    const values = pattern ? pattern.exec(segment)?.slice(1) : [segment];
    if (!values) continue;
    const found = walk(next, segments, index + 1, params);
    if (found) {
      names.forEach((name, i) => (params[name] = values[i]!));
      return found;
    }
  }
  return undefined;
}
