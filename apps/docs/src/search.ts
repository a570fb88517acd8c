// The site's search over every operation and webhook of every area: by path, operationId, English
// summary and Chinese section title. The build makes the index; the page loads it on first use. One
// module for both, so the index is read with the same tokenizer and options it was made with.
import MiniSearch, { type AsPlainObject, type SearchResult } from 'minisearch';

export interface SearchDocument {
  /** The page and hash the result links to, e.g. `groups.html#tag/Groups/operation/createGroup`. */
  href: string;
  operationId: string;
  method: string;
  path: string;
  summary: string;
  /** The vendor's section title, `x-doc-title`: what readers coming from the Chinese pages type. */
  docTitle: string;
  tag: string;
  area: string;
  webhook: boolean;
}

export type SearchHit = Pick<SearchDocument, 'href' | 'operationId' | 'method' | 'path' | 'summary' | 'docTitle' | 'area' | 'webhook'>;

const cjkRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/u;
const termPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[\p{L}\p{N}_]+/gu;

/**
 * Terms of a text. Chinese has no spaces, so a run of CJK characters gives each character and each
 * overlapping pair: 添加群组成员 is found by 群组, 成员 or 添加群组. A Latin word gives itself and its
 * camelCase and snake_case parts, so `listGroupMembers` is found by "members" and `group_id` by "group".
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const [run] of text.matchAll(termPattern)) {
    if (cjkRun.test(run)) {
      const characters = [...run];
      terms.push(...characters);
      for (let i = 0; i + 1 < characters.length; i++) terms.push(`${characters[i]}${characters[i + 1]}`);
      continue;
    }
    const word = run.toLowerCase();
    terms.push(word);
    const parts = run.split(/_|(?<=[a-z0-9])(?=[A-Z])/).map((part) => part.toLowerCase());
    if (parts.length > 1) terms.push(...parts.filter(Boolean));
  }
  return terms;
}

const fields = ['docTitle', 'operationId', 'path', 'summary', 'tag'];
const storeFields: (keyof SearchHit)[] = ['href', 'operationId', 'method', 'path', 'summary', 'docTitle', 'area', 'webhook'];

const options = {
  idField: 'href',
  fields,
  storeFields,
  tokenize,
  // The tokenizer already lower-cases; CJK has no case.
  processTerm: (term: string) => term,
  searchOptions: {
    boost: { docTitle: 3, operationId: 3, path: 2, summary: 1, tag: 0.5 },
    // Latin terms match as prefixes (typing "listgr" finds listGroups); CJK pairs must match exactly.
    prefix: (term: string) => !cjkRun.test(term),
    fuzzy: (term: string) => (cjkRun.test(term) || term.length < 5 ? false : 0.2),
  },
};

export type SearchIndex = AsPlainObject;

export function buildSearchIndex(documents: SearchDocument[]): SearchIndex {
  const index = new MiniSearch<SearchDocument>(options);
  index.addAll(documents);
  return index.toJSON();
}

export interface Searcher {
  search(query: string): SearchHit[];
}

export function loadSearchIndex(index: SearchIndex): Searcher {
  const miniSearch = MiniSearch.loadJS<SearchDocument>(index, options);
  return {
    search(query) {
      // Every term first, so a full title ranks its own operation first; any term when none has all.
      const all = miniSearch.search(query, { combineWith: 'AND' });
      const results: SearchResult[] = all.length > 0 ? all : miniSearch.search(query, { combineWith: 'OR' });
      const hits = results.map((result) => Object.fromEntries(storeFields.map((field) => [field, result[field]])) as unknown as SearchHit);
      // A query that is exactly an operationId, a path, a title or a summary names what it wants: those go first
      // (a path's several methods all do), however the scores of longer relatives compare.
      const wanted = query.trim().toLowerCase();
      const exact = (hit: SearchHit) => [hit.operationId, hit.path, hit.docTitle, hit.summary].some((value) => value.toLowerCase() === wanted);
      return [...hits.filter(exact), ...hits.filter((hit) => !exact(hit))];
    },
  };
}
