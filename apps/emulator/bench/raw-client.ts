// A minimal keep-alive HTTP/1.1 client over one socket: node's own client costs more per request
// than the emulator does to answer, so on a 2-core machine it would measure itself.
import { connect, type Socket } from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');
const CHUNKED_END = Buffer.from('0\r\n\r\n');

export class RawConnection {
  private readonly socket: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: { resolve: (status: number) => void; reject: (error: Error) => void } | undefined;
  private readonly ready: Promise<void>;

  constructor(origin: string) {
    const { hostname, port } = new URL(origin);
    this.socket = connect(Number(port), hostname);
    this.socket.setNoDelay(true);
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('error', reject);
    });
    this.socket.on('data', chunk => this.receive(chunk));
    this.socket.on('error', error => this.pending?.reject(error));
  }

  /** Sends one request (built once by `requestBytes`) and resolves with the answer's status. */
  async send(bytes: Buffer): Promise<number> {
    await this.ready;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(bytes);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headerEnd = this.buffer.indexOf(HEADER_END);
    if (headerEnd === -1) return;
    const head = this.buffer.subarray(0, headerEnd).toString('latin1');
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
    const bodyStart = headerEnd + HEADER_END.length;
    let end: number;
    if (length !== undefined) end = bodyStart + Number(length);
    else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const last = this.buffer.indexOf(CHUNKED_END, bodyStart);
      if (last === -1) return;
      end = last + CHUNKED_END.length;
    } else end = bodyStart;
    if (this.buffer.length < end) return;
    this.buffer = this.buffer.subarray(end);
    const pending = this.pending;
    this.pending = undefined;
    pending?.resolve(Number(head.slice(9, 12)));
  }
}

export function requestBytes(origin: string, method: string, path: string, body?: string): Buffer {
  const { host } = new URL(origin);
  const lines = [`${method} ${path} HTTP/1.1`, `Host: ${host}`, 'Authorization: Bearer bench', 'Accept: application/json'];
  if (body !== undefined) lines.push('Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body ?? ''}`);
}
