import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { toXmlChunks, type XmlElement } from '../../../soap-clients/xml/xml-writer';
import type { FaultDecision } from './fault-injection';

const XML_DECL = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>');
const ONE_WRITE_BYTES = 1024 * 1024;

/**
 * Writes an answer (a SOAP envelope as element tree, or a ready fault text) with HTTP `status`. Normally
 * streamed chunk by chunk with backpressure, so document content goes from file to socket. Injected faults:
 * `truncate` sends the first half as a complete HTTP response, `slow` trickles it out in small pieces.
 */
export async function writeAnswer(
  res: ServerResponse,
  answer: XmlElement | string,
  status: number,
  decision: FaultDecision,
  tap?: AnswerTap,
): Promise<void> {
  const source = typeof answer === 'string' ? single(Buffer.from(answer, 'utf8')) : withDecl(toXmlChunks(answer));
  const chunks = tap ? tapped(source, (xml) => tap({ status, xml })) : source;
  const contentType = { 'content-type': 'text/xml; charset=utf-8' };
  if (decision.fault === 'truncate' || decision.fault === 'slow') {
    res.writeHead(status, contentType);
    const all = await collect(chunks);
    if (decision.fault === 'truncate') return void res.end(all.subarray(0, Math.floor(all.length / 2)));
    const size = Math.max(1, decision.slowChunkBytes);
    for (let off = 0; off < all.length && !res.destroyed; off += size) {
      res.write(all.subarray(off, off + size));
      await sleep(decision.slowChunkDelayMs);
    }
    return void res.end();
  }
  // An answer that fits in one buffer goes out in one write with a Content-Length (one send instead of a
  // chunk per piece plus the terminating chunk); larger ones (documents) stream.
  const it = chunks[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  while (size <= ONE_WRITE_BYTES) {
    const next = await it.next();
    if (next.done) {
      res.writeHead(status, { ...contentType, 'content-length': size });
      return void res.end(Buffer.concat(head, size));
    }
    head.push(next.value);
    size += next.value.length;
  }
  res.writeHead(status, contentType);
  for await (const chunk of rest(head, it)) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  }
  res.end();
}

async function* rest(head: Buffer[], it: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield* head;
  for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
}

/** Sees every complete answer as written (for tests that validate all answers; it buffers them). */
export type AnswerTap = (answer: { status: number; xml: string }) => void;

async function* tapped(chunks: AsyncIterable<Buffer>, done: (xml: string) => void): AsyncGenerator<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) {
    parts.push(c);
    yield c;
  }
  done(Buffer.concat(parts).toString('utf8'));
}

async function* single(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}

async function* withDecl(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield XML_DECL;
  yield* chunks;
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}
