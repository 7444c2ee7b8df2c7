import type { FastifyServerOptions } from 'fastify';
import { FacadeError } from '../core/domain/errors';
import type { AppConfig } from './config/app-config';

/**
 * Log lines carry no BSN. BSNs only ever travel in POST bodies (never in paths or query strings), bodies are
 * never logged, the logged URL drops any query string, and errors are logged by code and internal detail
 * (FacadeError.internal is BSN-free by contract) instead of their message. Headers that could carry
 * credentials are redacted.
 */
const errSerializer = (err: Error) =>
  err instanceof FacadeError
    ? { type: 'FacadeError', message: err.code, stack: '', code: err.code, internal: err.internal, stufFoutcode: err.stuf?.code }
    : { type: err.name, message: '', stack: err.stack?.split('\n').slice(1, 6).join('\n') ?? '', code: (err as { code?: string }).code };

export function loggerOptions(config: AppConfig, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.bsn', '*.bsns'], censor: '[verwijderd]' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: errSerializer,
    },
  };
}
