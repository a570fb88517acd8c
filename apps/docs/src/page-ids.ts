// The element ids the page template writes and the page's script (and the browser test) look up.
export const pageIds = {
  redocRoot: 'redoc',
  redocState: 'redoc-state',
  searchInput: 'docs-search',
  searchResults: 'docs-search-results',
} as const;
