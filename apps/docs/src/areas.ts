// The docs' pages follow the vendor's areas (the spec's `x-tagGroups`): each page renders a copy of
// the spec holding only its area's tags, operations and webhooks and the components they use, so a
// reader's first page costs the size of one area, not of the whole API.
import type { BundledSpec } from './decorate.js';
import { httpMethods } from './request-examples.js';

export interface TagGroup {
  name: string;
  tags: string[];
}

export interface Area {
  /** The vendor's name, Chinese first: `群组 · Groups`. */
  name: string;
  /** The English part of the name in lower case, which names the page: `groups` → `groups.html`. */
  slug: string;
  file: string;
  tags: string[];
}

export type AreaSpec = BundledSpec & { tags: { name: string }[]; 'x-tagGroups': TagGroup[]; components: Record<string, Record<string, unknown>> };

export const homeFile = 'index.html';

export function areasOf(spec: { 'x-tagGroups'?: TagGroup[] }): Area[] {
  const groups = spec['x-tagGroups'] ?? [];
  if (groups.length === 0) throw new Error('the spec has no x-tagGroups: the docs have no areas to make pages of');
  const areas = groups.map((group) => {
    const english = group.name.split(' · ').at(-1) ?? group.name;
    const slug = english.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return { name: group.name, slug, file: `${slug}.html`, tags: group.tags };
  });
  const slugs = areas.map((area) => area.slug);
  const clash = slugs.find((slug, i) => !slug || slugs.indexOf(slug) !== i || `${slug}.html` === homeFile);
  if (clash !== undefined) throw new Error(`two areas, or an area and the home page, share the page name "${clash}"`);
  return areas;
}

type Items = Record<string, Record<string, unknown>>;

/** The path items (or webhooks) with only the operations tagged with one of `tags`; items left empty are dropped. */
function itemsOf(items: Items | undefined, tags: string[]): Items {
  const kept: Items = {};
  for (const [key, item] of Object.entries(items ?? {})) {
    const operations = httpMethods.filter((method) => {
      const operation = item[method] as { tags?: string[] } | undefined;
      return operation?.tags?.some((tag) => tags.includes(tag));
    });
    if (operations.length === 0) continue;
    const common = Object.entries(item).filter(([key]) => !(httpMethods as readonly string[]).includes(key));
    kept[key] = Object.fromEntries([...common, ...operations.map((method) => [method, item[method]])]);
  }
  return kept;
}

function refsIn(node: unknown, found: Set<string>): void {
  if (Array.isArray(node)) for (const child of node) refsIn(child, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(value);
      else refsIn(value, found);
    }
  }
}

/** The components `roots` refer to, directly or through other components. Security schemes are always kept. */
function componentsUsedBy(roots: unknown, all: AreaSpec['components']): AreaSpec['components'] {
  const used = new Set<string>();
  refsIn(roots, used);
  const kept: AreaSpec['components'] = { securitySchemes: all.securitySchemes ?? {} };
  const pending = [...used];
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    const [, , kind, name] = ref.split('/');
    const component = kind && name ? all[kind]?.[name] : undefined;
    if (!kind || !name || component === undefined) throw new Error(`${ref} is not a component of the spec`);
    (kept[kind] ??= {})[name] = component;
    const inner = new Set<string>();
    refsIn(component, inner);
    for (const next of inner) {
      if (used.has(next)) continue;
      used.add(next);
      pending.push(next);
    }
  }
  return kept;
}

/** The spec of one area's page; `description` replaces the introduction, which the home page holds. */
export function areaSpec(spec: AreaSpec, area: Area, description: string): AreaSpec {
  const paths = itemsOf(spec.paths, area.tags);
  const webhooks = itemsOf(spec.webhooks, area.tags);
  const page: AreaSpec = {
    ...withoutWebhooks(spec),
    info: { ...spec.info, description },
    tags: spec.tags.filter((tag) => area.tags.includes(tag.name)),
    'x-tagGroups': [{ name: area.name, tags: area.tags }],
    paths,
    components: componentsUsedBy([paths, webhooks], spec.components),
  };
  return Object.keys(webhooks).length > 0 ? { ...page, webhooks } : page;
}

/** The home page's spec: the introduction and no operation. */
export function homeSpec(spec: AreaSpec, description: string): AreaSpec {
  return {
    ...withoutWebhooks(spec),
    info: { ...spec.info, description },
    tags: [],
    'x-tagGroups': [],
    paths: {},
    components: { securitySchemes: spec.components.securitySchemes ?? {} },
  };
}

/** Redoc shows a Webhooks section for an empty `webhooks` too. */
function withoutWebhooks(spec: AreaSpec): AreaSpec {
  const copy = { ...spec };
  delete copy.webhooks;
  return copy;
}
