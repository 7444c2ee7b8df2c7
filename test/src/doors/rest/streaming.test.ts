import Fastify, { type FastifyInstance } from 'fastify';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentInvoer } from '../../../../src/core/usecases/invoer';
import type { RequestUseCases, UseCases } from '../../../../src/core/usecases/use-cases';
import { restApi } from '../../../../src/doors/rest/index';
import { DownloadTokens } from '../../../../src/platform/downloads/download-tokens';
import { DEFAULT_PIPELINE_CONFIG } from '../../../../src/platform/request-pipeline/pipeline-config';
import { requestPipeline } from '../../../../src/platform/request-pipeline/request-pipeline.plugin';
import type { Abonnementen } from '../../../../src/platform/webhooks/abonnementen';

/**
 * The REST side must pass document content on while it flows, in both directions. Each test holds back the
 * rest of a transfer until the other end has seen its first part: if REST buffered the whole document,
 * that first part would never arrive and the test would fail on its deadline.
 */
const CHUNK = Buffer.alloc(256 * 1024, 7);
const DEADLINE_MS = 5_000;

async function until(cond: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > DEADLINE_MS) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The REST plugin behind the request pipeline on a real socket, over use cases that only do what the test needs. */
async function listen(uc: Partial<RequestUseCases>): Promise<string> {
  const useCases = { forRequest: () => uc } as unknown as UseCases;
  app = Fastify({ logger: false });
  await app.register(requestPipeline, { config: DEFAULT_PIPELINE_CONFIG });
  await app.register(restApi, { useCases, downloads: new DownloadTokens(60_000), protocol: { inzage: () => Promise.reject(new Error('no protocol inzage in these tests')) }, idempotentie: { opdracht: () => Promise.reject(new Error('no idempotency keys in these tests')) }, abonnementen: {} as Abonnementen });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

describe('document content is streamed through REST', () => {
  it('an upload reaches the use case while the client is still sending', async () => {
    let received = 0;
    const base = await listen({
      voegDocumentToe: async (_zaak: string, doc: DocumentInvoer) => {
        for await (const c of doc.inhoud.body) received += c.byteLength;
        return { identificatie: 'DOC-1' };
      },
    });
    const boundary = 'stream-boundary';
    const head = Buffer.from(
      ['titel', 'documenttype', 'auteur'].map((n) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\nx\r\n`).join('') +
        `--${boundary}\r\nContent-Disposition: form-data; name="inhoud"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const req = request(`${base}/api/v1/zaken/ZAAK-1/documenten`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const answer = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });
    req.write(head);
    req.write(CHUNK);
    await until(() => received > 0, 'the first bytes at the use case');
    const beforeRest = received;
    for (let i = 0; i < 3; i++) req.write(CHUNK);
    req.end(`\r\n--${boundary}--\r\n`);
    expect(await answer).toBe(201);
    expect(beforeRest).toBeLessThanOrEqual(CHUNK.length);
    expect(received).toBe(4 * CHUNK.length);
  });

  it('a download reaches the client while the use case is still producing it', async () => {
    let clientBytes = 0;
    const base = await listen({
      documentInhoud: async () => ({
        document: { identificatie: 'DOC-1' },
        inhoud: {
          bestandsnaam: 'a.bin',
          contentType: 'application/octet-stream',
          body: (async function* () {
            yield CHUNK;
            await until(() => clientBytes > 0, 'the first bytes at the client');
            for (let i = 0; i < 3; i++) yield CHUNK;
          })(),
        },
      }),
    });
    const total = await new Promise<number>((resolve, reject) => {
      request(`${base}/api/v1/documenten/DOC-1/inhoud`, (res) => {
        expect(res.headers['transfer-encoding']).toBe('chunked');
        res.on('data', (c: Buffer) => (clientBytes += c.length));
        res.on('end', () => resolve(clientBytes));
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
    expect(total).toBe(4 * CHUNK.length);
  });
});
