// Loaded into Prism's process with `node --require`. Prism ignores `servers`, but the real
// API serves every path under /{org_name}/{app_name} or /app-id/{app_id}: strip that prefix
// from each request before Prism routes it. Both prefixes are two segments, so /app-id/{app_id}
// needs no rule of its own. Routing the spec's own paths keeps Prism as fast as it is bare;
// listing every path under both prefixes halved its throughput (its router checks every path
// on every request).
import http = require('node:http');

type Listener = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const PREFIX = /^\/[^/?#]+\/[^/?#]+(?=\/)/;

function servePrefixed(listener: Listener): Listener {
  return (request, response) => {
    const url = request.url ?? '/';
    const prefix = PREFIX.exec(url);
    if (prefix) {
      request.url = url.slice(prefix[0].length);
      listener(request, response);
      return;
    }
    // Prism's own answer to a path it does not know, so that clients see one shape.
    response.writeHead(404, { 'content-type': 'application/problem+json' });
    response.end(
      JSON.stringify({
        type: 'https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR',
        title: 'Route not resolved, no path matched',
        status: 404,
        detail: `The route ${url} has neither the /{org_name}/{app_name} nor the /app-id/{app_id} prefix`,
      }),
    );
  };
}

// Prism's HTTP layer (micri) calls http.createServer(listener) once.
const createServer = http.createServer as (...args: unknown[]) => http.Server;
Object.assign(http, {
  createServer: (...args: unknown[]) => {
    const listener = args.at(-1);
    if (typeof listener === 'function') args[args.length - 1] = servePrefixed(listener as Listener);
    return createServer(...args);
  },
});
