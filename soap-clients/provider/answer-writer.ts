import type { ServerResponse } from 'node:http';
import { toXmlChunks, type XmlElement } from '../xml/xml-writer';

const XML_DECL = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>');
const ONE_WRITE_BYTES = 1024 * 1024;
const CONTENT_TYPE = { 'content-type': 'text/xml; charset=utf-8' } as const;

/** Sees every complete answer as written (for tests that validate all answers; it buffers them). */
export type AnswerTap = (answer: { status: number; xml: string }) => void;

/** Puts an answer's bytes on the wire with HTTP `status`; writeAnswer is the normal one. */
export type AnswerWriter = (res: ServerResponse, status: number, chunks: AsyncIterable<Buffer>) => Promise<void>;

/** The bytes of an answer: a SOAP envelope as element tree (with XML declaration) or a ready fault text. */
export function answerChunks(answer: XmlElement | string, status: number, tap?: AnswerTap): AsyncIterable<Buffer> {
  const source = typeof answer === 'string' ? single(Buffer.from(answer, 'utf8')) : withDecl(toXmlChunks(answer));
  return tap ? tapped(source, (xml) => tap({ status, xml })) : source;
}

/**
 * An answer that fits in one buffer goes out in one write with a Content-Length (one send instead of a chunk
 * per piece plus the terminating chunk); larger ones (documents) stream chunk by chunk with backpressure, so
 * document content goes from file to socket.
 */
export const writeAnswer: AnswerWriter = async (res, status, chunks) => {
  const it = chunks[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  while (size <= ONE_WRITE_BYTES) {
    const next = await it.next();
    if (next.done) {
      res.writeHead(status, { ...CONTENT_TYPE, 'content-length': size });
      return void res.end(Buffer.concat(head, size));
    }
    head.push(next.value);
    size += next.value.length;
  }
  res.writeHead(status, CONTENT_TYPE);
  for await (const chunk of rest(head, it)) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await drained(res);
  }
  res.end();
};

/** the header for an answer a writer sends its own way (the zaaksysteem's fault injection) */
export const writeAnswerHead = (res: ServerResponse, status: number): void => void res.writeHead(status, CONTENT_TYPE);

function drained(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function* rest(head: Buffer[], it: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield* head;
  for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
}

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
