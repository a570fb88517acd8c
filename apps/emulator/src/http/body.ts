/**
 * Request bodies read as the real server reads them: JSON whatever the Content-Type says (official
 * SDKs send none, or curl's form-urlencoded default), bounded in size.
 */
import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export class BodyTooLarge extends Error {}

export const EMPTY_BODY = Buffer.alloc(0);

/** Whether the request announces a body: most GETs do not, and need no wait for one. */
export function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  if (!hasBody(request)) return Promise.resolve(EMPTY_BODY);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false; message: string };

/** Form fields as an object; a JSON object sent to a form operation is read as JSON, as the server does. */
export function parseForm(raw: Buffer): ParsedBody {
  const text = raw.toString('utf8');
  if (text.trimStart().startsWith('{')) return parseJson(raw);
  if (text.trim() === '') return { ok: true, value: undefined };
  return { ok: true, value: Object.fromEntries(new URLSearchParams(text)) };
}

export function parseJson(raw: Buffer): ParsedBody {
  const text = raw.toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'invalid JSON' };
  }
}
