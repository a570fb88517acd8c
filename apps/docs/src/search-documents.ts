// What the search index holds of each operation and webhook an area page rendered.
import type { Area, AreaSpec } from './areas.js';
import type { RenderedEntry } from './redoc-render.js';
import { httpMethods } from './request-examples.js';
import type { SearchDocument } from './search.js';

/** Each operationId's vendor section title, over the paths and the webhooks. */
function docTitles(spec: AreaSpec): Map<string, string> {
  const titles = new Map<string, string>();
  for (const item of [...Object.values(spec.paths), ...Object.values(spec.webhooks ?? {})]) {
    for (const method of httpMethods) {
      const operation = item[method] as { operationId?: string; 'x-doc-title'?: string } | undefined;
      if (operation?.operationId && operation['x-doc-title']) titles.set(operation.operationId, operation['x-doc-title']);
    }
  }
  return titles;
}

export function searchDocuments(spec: AreaSpec, area: Area, entries: RenderedEntry[]): SearchDocument[] {
  const titles = docTitles(spec);
  return entries.map((entry) => {
    const docTitle = titles.get(entry.operationId);
    if (!docTitle) throw new Error(`${entry.operationId} has no x-doc-title`);
    return {
      href: `${area.file}#${entry.id}`,
      operationId: entry.operationId,
      method: entry.method,
      path: entry.path,
      summary: entry.summary,
      docTitle,
      tag: entry.tag,
      area: area.name,
      webhook: entry.webhook,
    };
  });
}
