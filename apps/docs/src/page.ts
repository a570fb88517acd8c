// One HTML page of the site: a header with every area and the search box, then Redoc's server-rendered
// markup and styles, the store to hydrate it from, and the two scripts. Every URL is relative, so the
// site works from any folder of any static host and from disk.
import { homeFile, type Area } from './areas.js';
import { pageIds } from './page-ids.js';
import { headerHeight, type RenderedSpec } from './redoc-render.js';
import type { SearchIndex } from './search.js';

export const assetFiles = {
  redoc: 'assets/redoc.standalone.js',
  site: 'assets/site.js',
  searchIndex: 'assets/search-index.js',
} as const;

export interface PageInput {
  title: string;
  /** The area this page shows, or none for the home page. */
  area?: Area;
  areas: Area[];
  rendered: RenderedSpec;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** JSON inside a <script> element: `<` escaped, so no string in the spec can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const styles = `
body { margin: 0; padding-top: ${headerHeight}px; }
.docs-header { position: fixed; inset: 0 0 auto 0; height: ${headerHeight}px; z-index: 100; display: flex; align-items: center; gap: 16px;
  padding: 0 16px; background: #263238; color: #fff; font: 14px/1.3 Roboto, "Helvetica Neue", Arial, "PingFang SC", "Microsoft YaHei", sans-serif; box-sizing: border-box; }
.docs-header a { color: inherit; text-decoration: none; }
.docs-home { font-weight: 600; white-space: nowrap; }
.docs-areas { display: flex; gap: 4px; overflow-x: auto; flex: 1; scrollbar-width: thin; }
.docs-areas a { padding: 4px 8px; border-radius: 4px; white-space: nowrap; opacity: .85; }
.docs-areas a:hover, .docs-areas a[aria-current=page] { background: #37474f; opacity: 1; }
.docs-search { position: relative; width: 360px; flex: none; }
.docs-search input { width: 100%; box-sizing: border-box; padding: 6px 10px; border: 0; border-radius: 4px; font: inherit; }
.docs-search ol { position: absolute; right: 0; top: 36px; width: 560px; max-height: 70vh; overflow-y: auto; margin: 0; padding: 4px 0; list-style: none;
  background: #fff; color: #263238; border-radius: 4px; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.docs-hit { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; padding: 6px 12px; }
.docs-hit[aria-selected=true], .docs-hit:hover { background: #e3f2fd; }
.docs-hit-method { font: 600 11px monospace; text-transform: uppercase; color: #1565c0; }
.docs-hit-path { font: 12px monospace; overflow-wrap: anywhere; }
.docs-hit-title, .docs-hit-summary, .docs-hit-area { grid-column: 2; }
.docs-hit-title { font-weight: 600; }
.docs-hit-area { font-size: 12px; color: #607d8b; }
.docs-no-hit { padding: 8px 12px; }
`;

export function pageHtml({ title, area, areas, rendered }: PageInput): string {
  const links = areas.map(
    (each) => `<a href="${each.file}"${each === area ? ' aria-current="page"' : ''}>${escapeHtml(each.name)}</a>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(area ? `${area.name} — ${title}` : title)}</title>
<style>${styles}</style>
${rendered.styles}
</head>
<body>
<header class="docs-header">
<a class="docs-home" href="${homeFile}">${escapeHtml(title)}</a>
<nav class="docs-areas" aria-label="API areas">${links.join('')}</nav>
<div class="docs-search" role="search">
<input id="${pageIds.searchInput}" type="search" autocomplete="off" spellcheck="false" aria-label="Search the API" aria-controls="${pageIds.searchResults}"
 placeholder="Search: path, operationId, summary, 中文标题" data-index="${assetFiles.searchIndex}">
<ol id="${pageIds.searchResults}" hidden></ol>
</div>
</header>
<div id="${pageIds.redocRoot}">${rendered.html}</div>
<script id="${pageIds.redocState}" type="application/json">${scriptJson(rendered.state)}</script>
<script defer src="${assetFiles.redoc}"></script>
<script defer src="${assetFiles.site}"></script>
</body>
</html>
`;
}

const searchIndexAssignment = 'window.docsSearchIndex = ';

/** assets/search-index.js: the index as a script, which a page opened from disk can load (a fetch it could not). */
export function searchIndexScript(index: SearchIndex): string {
  return `${searchIndexAssignment}${scriptJson(index)};\n`;
}

/** The index a search-index.js holds, read back without running it. */
export function searchIndexOfScript(script: string): SearchIndex {
  if (!script.startsWith(searchIndexAssignment)) throw new Error('not a search index script');
  return JSON.parse(script.slice(searchIndexAssignment.length).trimEnd().replace(/;$/, '')) as SearchIndex;
}
