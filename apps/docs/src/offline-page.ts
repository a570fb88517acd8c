// What makes the built pages work with no network, and how the build checks it.

// Redoc 2 always shows "API docs by <Redocly logo>" in the sidebar and loads that logo from its CDN
// (no option turns it off), in the server-rendered markup and in its bundle. An inline wordmark keeps
// the credit without the request.
const redoclyLogoUrl = 'https://cdn.redoc.ly/redoc/logo-mini.svg';

function wordmark(text: string, width: number): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16">` +
    `<text x="1" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044D4">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export function inlineRedoclyLogos(source: string): string {
  return source.replaceAll(redoclyLogoUrl, wordmark('R', 10));
}

/** Why a built page would need the network: each finding names what it would load. */
export function findNetworkDependencies(html: string): string[] {
  const findings: string[] = [];
  // Any <script src>, <link href> or <img src> off the site, and any remote module import.
  const remoteTag = /<(?:script|link|img)\b[^>]*?\b(?:src|href)\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi;
  const remoteImport = /\b(?:from|import\s*\()\s*["'`]((?:https?:)?\/\/[^"'`]+)/g;
  for (const pattern of [remoteTag, remoteImport]) {
    for (const match of html.matchAll(pattern)) findings.push(`loads ${match[1]}`);
  }
  if (html.includes(redoclyLogoUrl)) findings.push(`loads ${redoclyLogoUrl}`);
  return findings;
}
