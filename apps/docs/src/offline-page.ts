// What makes the built page render with no network, and how the build checks it.

// Redoc 3 always shows "API docs by <Redocly logo>" in the sidebar and loads that logo from
// its CDN (no option turns it off). An inline wordmark keeps the credit without the request.
const redoclyLogoUrls = {
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg': wordmark('Redocly', 54),
  'https://cdn.redoc.ly/redoc/logo-mini.svg': wordmark('R', 10),
};

function wordmark(text: string, width: number): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16">` +
    `<text x="1" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044D4">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export function inlineRedoclyLogos(html: string): string {
  return Object.entries(redoclyLogoUrls).reduce((page, [url, dataUrl]) => page.replaceAll(url, dataUrl), html);
}

/**
 * Why a built page would need the network: each finding names what it would load or send.
 * An empty list means the renderer is inlined and telemetry is off.
 */
export function findNetworkDependencies(html: string): string[] {
  const findings: string[] = [];
  // Without --inlineBundle redocly loads the renderer with <link rel="modulepreload" href="https://...">
  // and `import { hydrate } from "https://..."`; any <script src> or <link href> off-page counts too.
  const remoteTag = /<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi;
  const remoteImport = /\b(?:from|import\s*\()\s*["'`]((?:https?:)?\/\/[^"'`]+)/g;
  for (const pattern of [remoteTag, remoteImport]) {
    for (const match of html.matchAll(pattern)) findings.push(`loads ${match[1]}`);
  }
  if (html.includes('"disableTelemetry":false')) findings.push('sends telemetry (build with REDOCLY_TELEMETRY=off)');
  return findings;
}
