import type { FastifyRequest } from 'fastify';
import { ERROR_CODES, type ErrorCode } from '../../core/domain/errors';
import type { Representatie } from './representation';
import { facadeErrorOf } from './problem';

/** A part of an answer that could not be read: which field, and the problem as its code and title (RFC 9457 §3.1). */
export type Onvolledig = {
  veld: string;
  code: ErrorCode;
  title: string;
  stufFoutcode?: string;
};

/**
 * Reads the parts of an answer that need questions of their own, each on its own: a part that fails is left out
 * and named in `onvolledig`, so the rest is still returned (as GraphQL puts the error on that field only). The
 * failure is logged by code, like every problem (problem.ts), never with its text.
 */
export async function leesDelen(
  request: FastifyRequest,
  delen: Readonly<Record<string, () => Promise<Representatie[]>>>,
): Promise<{ gelezen: Record<string, Representatie[]>; onvolledig: Onvolledig[] }> {
  const namen = Object.keys(delen);
  const uitkomsten = await Promise.allSettled(namen.map((n) => delen[n]!()));
  const gelezen: Record<string, Representatie[]> = {};
  const onvolledig: Onvolledig[] = [];
  uitkomsten.forEach((u, i) => {
    const veld = namen[i]!;
    if (u.status === 'fulfilled') {
      gelezen[veld] = u.value;
      return;
    }
    const fout = facadeErrorOf(u.reason);
    request.log.warn({ code: fout.code, veld, stuf: fout.stuf?.code }, 'deel van het antwoord niet gelezen');
    onvolledig.push({ veld, code: fout.code, title: ERROR_CODES[fout.code].title, ...(fout.stuf ? { stufFoutcode: fout.stuf.code } : {}) });
  });
  return { gelezen, onvolledig };
}
