// Loaded into Prism's process with `node --require`, before the prefix preload, so it sees
// every request first. It keeps one bad request from killing Prism (a crash there ends the
// mock for every later test), and reads bodies as the real server does:
// - a path with a malformed percent-encoding makes Prism's validator throw an uncaught
//   URIError: refused here with a 400;
// - a comma in a path segment is sent as %2C: Prism's URL matcher would otherwise split the
//   value into an array, which its array deserializer cannot take (stoplightio/prism#2710);
// - a JSON body nested deeper than Prism can log kills it while it logs a violation: refused;
// - CONNECT never reaches a request listener, so Node would drop the connection: a 405;
// - a multipart body whose file part has no Content-Type (curl -F 'file=x;filename=f') makes
//   Prism's multipart parser throw outside any handler: refused with a 400;
// - the official Java and PHP SDKs send JSON bodies with no Content-Type, or labelled
//   form-urlencoded, and the server reads them as JSON: so does the mock (a body labelled
//   form-urlencoded that is not JSON stays form fields: some operations take those);
// - a violation message with non-ASCII text cannot go into the `sl-violations` header
//   (Node refuses the header and the request hangs, stoplightio/prism#1934): escaped.
import http = require('node:http');
import nodeModule = require('node:module');
import stream = require('node:stream');

// The multipart parser Prism validates with: a body it cannot parse throws inside Prism,
// outside any request handler, and ends the process.
const multipart = nodeModule.createRequire(require.resolve('@stoplight/prism-http'))('parse-multipart-data') as {
  parse(body: Buffer, boundary: string): unknown[];
};

type Listener = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** Deeper than any documented body; Prism's logger overflows its stack at a few thousand. */
const MAX_BODY_DEPTH = 64;
/** Prism's own limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const READ_AS_JSON = /^\s*(?:application\/x-www-form-urlencoded|text\/plain)\s*(?:;|$)/i;

function errorBody(error: string, description: string): string {
  return JSON.stringify({ error, exception: 'EasemobMockRequestGuard', timestamp: Date.now(), duration: 0, error_description: description });
}

/** The documented error shape, plus the violation header the mock's other refusals carry. */
function refuse(response: http.ServerResponse, status: number, location: string[], description: string): void {
  const violation = [{ location, severity: 'Error', code: status, message: description }];
  response.writeHead(status, {
    'content-type': 'application/json',
    'sl-violations': asciiOnly(JSON.stringify(violation)),
  });
  response.end(errorBody('illegal_argument', description));
}

/** JSON stays valid: characters outside printable ASCII become \u escapes. */
function asciiOnly(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Nesting depth of a JSON text, counted without recursion (so any input is safe to measure). */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** False only for a multipart body that the parser Prism uses would throw on. */
function parsesAsMultipart(type: string | undefined, body: Buffer): boolean {
  const boundary = /^\s*multipart\/form-data\s*;.*?boundary="?([^";]+)"?/i.exec(type ?? '')?.[1];
  if (!boundary) return true;
  try {
    multipart.parse(body, boundary);
    return true;
  } catch {
    return false;
  }
}

function splitUrl(url: string): [path: string, rest: string] {
  const end = url.search(/[?#]/);
  return end === -1 ? [url, ''] : [url.slice(0, end), url.slice(end)];
}

function hasBody(request: http.IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A request that Prism can read as usual, with the body already read and checked. */
function replay(request: http.IncomingMessage, body: Buffer): http.IncomingMessage {
  const readable = stream.Readable.from(body.length > 0 ? [body] : []);
  const headers = { ...request.headers };
  delete headers['transfer-encoding'];
  headers['content-length'] = String(body.length);
  return Object.assign(readable, {
    method: request.method,
    url: request.url,
    headers,
    rawHeaders: request.rawHeaders,
    httpVersion: request.httpVersion,
    httpVersionMajor: request.httpVersionMajor,
    httpVersionMinor: request.httpVersionMinor,
    socket: request.socket,
    connection: request.socket,
  }) as unknown as http.IncomingMessage;
}

function escapeViolationHeader(response: http.ServerResponse): void {
  const setHeader = response.setHeader.bind(response);
  response.setHeader = (name, value) =>
    setHeader(name, name.toLowerCase() === 'sl-violations' && typeof value === 'string' ? asciiOnly(value) : value);
}

function guarded(listener: Listener): Listener {
  return (request, response) => {
    escapeViolationHeader(response);
    const [path, rest] = splitUrl(request.url ?? '/');
    try {
      decodeURIComponent(path);
    } catch {
      refuse(response, 400, ['request', 'path'], 'The request path holds a malformed percent-encoding');
      return;
    }
    request.url = path.replaceAll(',', '%2C') + rest;

    const type = request.headers['content-type'];
    if (!hasBody(request)) {
      listener(request, response);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        refused = true;
        refuse(response, 413, ['request', 'body'], `The request body is larger than ${MAX_BODY_BYTES} bytes`);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (refused) return;
      const body = Buffer.concat(chunks);
      // A form label on a body that is JSON (curl's default, from the PHP SDK); a real form body stays a form.
      if (!type?.trim() || (READ_AS_JSON.test(type) && /^\s*[[{]/.test(body.toString('utf8', 0, 64)))) {
        request.headers['content-type'] = 'application/json';
      }
      if (!parsesAsMultipart(request.headers['content-type'], body)) {
        refuse(response, 400, ['request', 'body'], 'The multipart/form-data body cannot be parsed (a part with a filename needs a Content-Type)');
        return;
      }
      if (/json/i.test(request.headers['content-type'] ?? '') && jsonDepth(body.toString('utf8')) > MAX_BODY_DEPTH) {
        refuse(response, 400, ['request', 'body'], `The request body nests deeper than ${MAX_BODY_DEPTH} levels`);
        return;
      }
      listener(replay(request, body), response);
    });
    request.on('error', () => response.destroy());
  };
}

function answerConnect(_request: http.IncomingMessage, socket: stream.Duplex): void {
  const body = errorBody('illegal_argument', 'CONNECT is not supported');
  socket.end(
    `HTTP/1.1 405 Method Not Allowed\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

// Prism's HTTP layer (micri) calls http.createServer(listener) once.
const createServer = http.createServer as (...args: unknown[]) => http.Server;
Object.assign(http, {
  createServer: (...args: unknown[]) => {
    const listener = args.at(-1);
    if (typeof listener === 'function') args[args.length - 1] = guarded(listener as Listener);
    const server = createServer(...args);
    server.on('connect', answerConnect);
    return server;
  },
});
