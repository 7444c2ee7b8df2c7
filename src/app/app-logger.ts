import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { pino, type Logger } from 'pino';
import { FacadeError } from '../core/domain/errors';
import type { AppConfig } from './config/app-config';

/**
 * Errors are logged by code and internal detail (FacadeError.internal is BSN-free by contract), never by their
 * message: a message may quote the request (JSON.parse quotes the body it could not read). An error with a 4xx
 * status (Fastify's own: a body that does not parse, a wrong content type) is the caller's, so it is logged
 * without a stack trace; only the facade's own failures keep theirs.
 */
const errSerializer = (err: Error) => {
  if (err instanceof FacadeError) return { type: 'FacadeError', code: err.code, internal: err.internal, stufFoutcode: err.stuf?.code };
  const { code, statusCode } = err as { code?: string; statusCode?: number };
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) return { type: err.name, code, statusCode };
  return { type: err.name, code, stack: err.stack?.split('\n').slice(1, 6).join('\n') ?? '' };
};

/**
 * The one logger of the process, created before anything else so that the SOAP transports, the start-up
 * checks and Fastify all write through it. Log lines carry no BSN: BSNs only ever travel in POST bodies (never
 * in paths or query strings), bodies are never logged, the logged URL drops any query string, and errors go
 * through errSerializer. Headers that could carry credentials are redacted.
 */
export function createLogger(config: Pick<AppConfig, 'logLevel'>, stream?: NodeJS.WritableStream): Logger {
  const options = {
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.bsn', '*.bsns'], censor: '[verwijderd]' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: errSerializer,
    },
  };
  return pino(options, stream ?? stdoutInBatches());
}

/** A batch of log lines goes out when it reaches this size, or after LOG_FLUSH_MS at the latest. */
const LOG_BATCH_BYTES = 8 * 1024;
const LOG_FLUSH_MS = 100;

/**
 * Stdout written in batches instead of one write(2) per line (pino's asynchronous logging): with a line per SOAP
 * call, the synchronous writes cost the dashboard question a tenth of the facade's CPU. A line waits at most
 * LOG_FLUSH_MS; pino writes what is left when the process exits.
 */
function stdoutInBatches(): ReturnType<typeof pino.destination> {
  const destination = pino.destination({ dest: 1, sync: false, minLength: LOG_BATCH_BYTES });
  setInterval(() => destination.flush(), LOG_FLUSH_MS).unref();
  return destination;
}

/**
 * Fastify's own log lines for errors its default handler answers (a JSON body that does not parse, an
 * unsupported content type, a body over the limit). Fastify logs the error's message and the full URL; the
 * message of a parse error quotes the body and a URL may carry a query string, so either could hold a BSN. A
 * 4xx is the caller's: one line at info by code and status, no stack. Unknown routes are logged by the facade's
 * own not-found handler (src/platform/http-contract), by path only.
 */
export class FacadeLogController extends LogController {
  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const code = (error as { code?: string }).code;
    if (reply.statusCode >= 500) reply.log.error({ req: request, res: reply, err: error }, 'request failed');
    else reply.log.info({ res: reply, code, statusCode: reply.statusCode }, 'request refused');
  }
}
