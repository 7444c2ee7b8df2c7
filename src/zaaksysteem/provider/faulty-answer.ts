import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeAnswer, writeAnswerHead, type AnswerWriter } from '../../../soap-clients/provider/answer-writer';
import type { FaultDecision } from './fault-injection';

/** An application server's error page instead of a SOAP answer. */
export function writeHtml500(res: ServerResponse): void {
  res
    .writeHead(500, { 'content-type': 'text/html; charset=utf-8' })
    .end('<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>');
}

/**
 * The answer writer for one request's fault decision. `truncate` sends the first half as a complete HTTP
 * response (the answer was processed, the XML is cut off), `slow` trickles it out in small pieces; with
 * afterProcessing, the latency comes now and reset and html500 replace the answer of a processed request (the
 * handler has run when the writer is called); otherwise the kit's normal writer.
 */
export function answerWriterFor(decision: FaultDecision): AnswerWriter {
  const { fault, afterProcessing, latencyMs, slowChunkBytes, slowChunkDelayMs } = decision;
  const lost = afterProcessing && (fault === 'reset' || fault === 'html500');
  if (afterProcessing && (latencyMs > 0 || lost)) {
    const then = answerWriterFor({ ...decision, afterProcessing: false });
    return async (res, status, chunks) => {
      const all = await collect(chunks);
      if (latencyMs > 0) await sleep(latencyMs);
      if (fault === 'reset') return void res.socket?.destroy();
      if (fault === 'html500') return writeHtml500(res);
      return then(res, status, once(all));
    };
  }
  if (fault !== 'truncate' && fault !== 'slow') return writeAnswer;
  return async (res, status, chunks) => {
    writeAnswerHead(res, status);
    const all = await collect(chunks);
    if (fault === 'truncate') return void res.end(all.subarray(0, Math.floor(all.length / 2)));
    const size = Math.max(1, slowChunkBytes);
    for (let off = 0; off < all.length && !res.destroyed; off += size) {
      res.write(all.subarray(off, off + size));
      await sleep(slowChunkDelayMs);
    }
    res.end();
  };
}

async function* once(all: Buffer): AsyncGenerator<Buffer> {
  yield all;
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}
