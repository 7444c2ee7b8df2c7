import { FacadeError } from '../../core/domain/errors';
import type { RequestContext } from '../../core/domain/request-context';
import type { DocumentRegister } from '../../core/ports/document-register.port';
import type { ZaakOverdracht, ZaakRegister } from '../../core/ports/zaak-register.port';
import { BreakerOpen, type VeerkrachtLog } from './circuit-breaker';
import type { RetryConfig } from './veerkracht-config';

/**
 * What a retry may do to a port method (issue 12 §6: "only for reads and for steps proven not applied"):
 * - `lezen`: changes nothing, so any retryable backend failure may be tried again;
 * - `reserveert`: genereer*Identificatie hands out a number; asked twice, one is thrown away (gemma-zaken #2265),
 *   so only a failure that proves the message never reached the backend is tried again;
 * - `schrijft`: never here; whether a write happened is for the caller that knows the step (§4), not for a retry.
 * One entry per method: a method added to a port does not compile until it is classified.
 */
type Soort = 'lezen' | 'reserveert' | 'schrijft';
type Soorten<P> = { readonly [K in keyof P]-?: Soort };

const ZAKEN: Soorten<ZaakRegister> = {
  genereerZaakIdentificatie: 'reserveert',
  creeerZaak: 'schrijft',
  geefZaak: 'lezen',
  zoekZaken: 'lezen',
  zoekZakenPagina: 'lezen',
  geefStatussen: 'lezen',
  actualiseerZaakstatus: 'schrijft',
  updateZaak: 'schrijft',
};

const DOCUMENTEN: Soorten<DocumentRegister> = {
  genereerDocumentIdentificatie: 'reserveert',
  voegZaakdocumentToe: 'schrijft',
  maakZaakdocument: 'schrijft',
  geefLijstZaakdocumenten: 'lezen',
  // until its answer starts: content that fails halfway is not read again (the caller already has part of it)
  leesDocument: 'lezen',
  leesDocumentgegevens: 'lezen',
  // geefZaakdocumentbewerken takes a lock: a second one would be refused by the first
  checkout: 'schrijft',
  updateZaakdocument: 'schrijft',
  cancelCheckout: 'schrijft',
};

const OVERDRACHT: Soorten<ZaakOverdracht> = { overdragenZaak: 'schrijft' };

/**
 * Network errors of the connect phase, before any byte of the request was written (Node's and undici's codes):
 * refused, no route, name not resolved, connect timeout. A reset or a timeout after that may follow a message
 * the backend did read.
 */
const NIET_VERBONDEN = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** True when the error proves the call never reached the backend (the transport keeps the network error as cause). */
export function nietAangekomen(e: unknown): boolean {
  if (!(e instanceof FacadeError) || e.code !== 'BACKEND_UNAVAILABLE') return false;
  const code = (e.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && NIET_VERBONDEN.has(code);
}

/** The error table says it may pass, and it is the backend's: not the caller gone (CANCELLED), not a breaker that is open. */
const opnieuwBijLezen = (e: unknown): boolean => e instanceof FacadeError && e.retryable && e.blame === 'backend' && !(e instanceof BreakerOpen);

const mag = (soort: Soort, e: unknown): boolean =>
  soort === 'lezen' ? opnieuwBijLezen(e) : soort === 'reserveert' ? nietAangekomen(e) : false;

/** "Full jitter" (AWS Architecture Blog, Exponential Backoff and Jitter): uniform in [0, min(max, base * 2^(n-1))). */
export const wachttijd = (config: RetryConfig, poging: number, random: () => number = Math.random): number =>
  Math.floor(random() * Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** (poging - 1)));

/** Waits `ms`, or rejects with the signal's reason (the caller went away) the moment it aborts. */
function wacht(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryOptions {
  random?: () => number;
  now?: () => number;
}

function retryPort<T extends object>(port: T, soorten: Soorten<T>, backend: string, config: RetryConfig, log: VeerkrachtLog, opts: RetryOptions): T {
  const now = opts.now ?? Date.now;
  return new Proxy(port, {
    get(target, prop, receiver) {
      const member = Reflect.get(target, prop, receiver) as unknown;
      const soort = soorten[prop as keyof T] as Soort | undefined;
      if (typeof member !== 'function' || soort === undefined || soort === 'schrijft' || config.maxAttempts <= 1) return member;
      return async (ctx: RequestContext, ...rest: unknown[]) => {
        for (let poging = 1; ; poging++) {
          try {
            return (await member.call(target, ctx, ...rest)) as unknown;
          } catch (e) {
            const vertraging = wachttijd(config, poging, opts.random);
            // the deadline is the caller's budget: a retry that cannot finish in it only takes a slot from others
            const teLaat = ctx.deadline !== undefined && now() + vertraging >= ctx.deadline;
            if (poging >= config.maxAttempts || !mag(soort, e) || teLaat || ctx.signal?.aborted) throw e;
            log.warn({ operatie: String(prop), backend, poging: poging + 1, code: (e as FacadeError).code, vertragingMs: vertraging }, 'opnieuw geprobeerd');
            await wacht(vertraging, ctx.signal);
          }
        }
      };
    },
  });
}

interface CorePorts {
  zaken: ZaakRegister;
  documenten: DocumentRegister;
  overdracht: ZaakOverdracht;
}

/**
 * Reads tried again after a retryable backend failure, with exponential backoff and full jitter, within the
 * request's deadline (issue 12 §6); a reservation only when it provably did not arrive; writes never. One line
 * per retry: operation, backend, attempt, code (never an argument: a search carries a BSN).
 */
export function retriedPorts<P extends CorePorts>(ports: P, config: RetryConfig, log: VeerkrachtLog, opts: RetryOptions = {}): P {
  return {
    ...ports,
    zaken: retryPort(ports.zaken, ZAKEN, 'zaak', config, log, opts),
    documenten: retryPort(ports.documenten, DOCUMENTEN, 'document', config, log, opts),
    overdracht: retryPort(ports.overdracht, OVERDRACHT, 'zaak', config, log, opts),
  };
}
