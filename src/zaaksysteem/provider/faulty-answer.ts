import { setTimeout as sleep } from 'node:timers/promises';
import { writeAnswer, writeAnswerHead, type AnswerWriter } from '../../../soap-clients/provider/answer-writer';
import type { FaultDecision } from './fault-injection';

/**
 * The answer writer for one request's fault decision. `truncate` sends the first half as a complete HTTP
 * response (the answer was processed, the XML is cut off), `slow` trickles it out in small pieces; otherwise
 * the kit's normal writer.
 */
export function answerWriterFor(decision: FaultDecision): AnswerWriter {
  if (decision.fault !== 'truncate' && decision.fault !== 'slow') return writeAnswer;
  const { fault, slowChunkBytes, slowChunkDelayMs } = decision;
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

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}
