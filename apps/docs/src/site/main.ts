// The script every page runs (bundled by the build into assets/site.js, loaded after
// redoc.standalone.js): it hydrates the server-rendered Redoc page and runs the site's search box.
import { loadSearchIndex, type SearchHit, type SearchIndex, type Searcher } from '../search.js';
import { pageIds } from '../page-ids.js';

declare global {
  interface Window {
    Redoc?: { hydrate(state: unknown, element: Element): void };
    /** Set by assets/search-index.js, which the search box loads on first use. */
    docsSearchIndex?: SearchIndex;
  }
}

const maxResults = 12;

function hydrate(): void {
  const root = document.getElementById(pageIds.redocRoot);
  const state = document.getElementById(pageIds.redocState);
  if (!root || !state || !window.Redoc) throw new Error('the page has no Redoc root, state or bundle');
  window.Redoc.hydrate(JSON.parse(state.textContent ?? ''), root);
}

let searcher: Promise<Searcher> | undefined;

/** The index is a script, not a fetch: pages opened from disk (file://) may load scripts but not fetch. */
function loadSearcher(src: string): Promise<Searcher> {
  searcher ??= new Promise<Searcher>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => (window.docsSearchIndex ? resolve(loadSearchIndex(window.docsSearchIndex)) : reject(new Error(`${src} set no index`)));
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(script);
  });
  return searcher;
}

function resultItem(hit: SearchHit): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = hit.href;
  link.className = 'docs-hit';
  const parts: [string, string][] = [
    ['docs-hit-method', hit.webhook ? 'webhook' : hit.method.toUpperCase()],
    ['docs-hit-path', hit.path],
    ['docs-hit-title', hit.docTitle],
    ['docs-hit-summary', hit.summary],
    ['docs-hit-area', `${hit.area} · ${hit.operationId}`],
  ];
  for (const [className, text] of parts) {
    const span = document.createElement('span');
    span.className = className;
    span.textContent = text;
    link.append(span);
  }
  item.append(link);
  return item;
}

function searchBox(): void {
  const input = document.getElementById(pageIds.searchInput) as HTMLInputElement | null;
  const list = document.getElementById(pageIds.searchResults);
  if (!input || !list) return;
  const indexSrc = input.dataset.index ?? '';
  let active = -1;
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a.docs-hit')];
  const mark = (next: number) => {
    const all = links();
    active = all.length === 0 ? -1 : (next + all.length) % all.length;
    all.forEach((link, i) => link.setAttribute('aria-selected', String(i === active)));
    all[active]?.scrollIntoView({ block: 'nearest' });
  };
  const close = () => {
    list.hidden = true;
    active = -1;
  };
  const show = async () => {
    const query = input.value.trim();
    if (query === '') return close();
    const hits = (await loadSearcher(indexSrc)).search(query).slice(0, maxResults);
    // A later keystroke may have answered first.
    if (input.value.trim() !== query) return;
    list.replaceChildren(...(hits.length > 0 ? hits.map(resultItem) : [Object.assign(document.createElement('li'), { className: 'docs-no-hit', textContent: `Nothing matches “${query}”` })]));
    list.hidden = false;
    mark(0);
  };
  input.addEventListener('focus', () => void loadSearcher(indexSrc));
  input.addEventListener('input', () => void show());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      mark(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      const link = links()[active];
      if (link) window.location.href = link.href;
    } else if (event.key === 'Escape') close();
  });
  // Picking a result on this page only changes the hash: close the list so the operation shows.
  list.addEventListener('click', close);
  document.addEventListener('click', (event) => {
    if (!(event.target instanceof Node) || !input.parentElement?.contains(event.target)) close();
  });
}

searchBox();
hydrate();
