import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { FACADE_VERSIE } from '../../../src/app/versie';
import { appHarnessPerFile } from './app-harness';

const h = appHarnessPerFile();

/** Sends raw bytes to the listening facade and reads the answer until it closes the connection. */
async function raw(bytes: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  if (!h.app.server.listening) await h.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = h.app.server.address() as AddressInfo;
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
  const [head, body] = answer.split('\r\n\r\n') as [string, string];
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine!.split(' ')[1]), headers, body };
}

describe("what Node's HTTP parser refuses is answered as problem details too", () => {
  it('a request line and headers over the limit: 431', async () => {
    const res = await raw(`GET /api/v1/zaken/${'Z'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect([res.status, res.headers['content-type'], res.headers['api-version']]).toEqual([431, 'application/problem+json', FACADE_VERSIE]);
    expect(JSON.parse(res.body)).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE', title: 'URL of headers te groot' });
  });

  it('bytes that are no HTTP: 400, without the parser\u2019s message', async () => {
    const res = await raw('GARBAGE\r\n\r\n');
    expect([res.status, res.headers['content-type']]).toEqual([400, 'application/problem+json']);
    expect(JSON.parse(res.body)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', detail: 'Het verzoek kon niet gelezen worden' });
    expect(res.body).not.toMatch(/HPE_|Parse Error/);
  });
});
