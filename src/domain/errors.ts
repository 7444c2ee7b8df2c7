/**
 * The one error vocabulary of the facade. Every failure, whatever its origin (API input, the zaaksysteem,
 * the network, configuration), becomes a FacadeError with a stable `code`. The edges (GraphQL, REST) map
 * codes to `extensions.code` / HTTP status; nothing else of an error (stack, SOAP fault text of a server
 * fault) is shown to a caller.
 */
export const ERROR_CODES = {
  /** The caller's input is invalid (before any SOAP call, or a StUF Fo0x with plek=client about caller data). */
  VALIDATION_FAILED: { blame: 'caller', retryable: false },
  /** The zaak, document or other object does not exist (StUF064 and friends). */
  NOT_FOUND: { blame: 'caller', retryable: false },
  /** A concurrent change: updateZaak's `oud` did not match, or an ETag/If-Match was stale. */
  CONFLICT: { blame: 'caller', retryable: false },
  /** The identificatie already exists. */
  ALREADY_EXISTS: { blame: 'caller', retryable: false },
  /** The document is checked out by someone else (geefZaakdocumentbewerken lock). */
  LOCKED: { blame: 'caller', retryable: true },
  /** A request or document was larger than allowed. */
  TOO_LARGE: { blame: 'caller', retryable: false },
  /** Too many requests from this caller. */
  RATE_LIMITED: { blame: 'caller', retryable: true },
  /** The zaaksysteem rejected our message as invalid (Fo0x plek=client): our fault or a dialect mismatch. */
  BACKEND_REJECTED: { blame: 'backend', retryable: false },
  /** The zaaksysteem failed while processing (Fo0x plek=server). */
  BACKEND_FAULT: { blame: 'backend', retryable: true },
  /** The zaaksysteem could not be reached, reset the connection, or answered HTTP errors without a fault. */
  BACKEND_UNAVAILABLE: { blame: 'backend', retryable: true },
  /** The zaaksysteem did not answer in time. */
  BACKEND_TIMEOUT: { blame: 'backend', retryable: true },
  /** The zaaksysteem answered something that is not a valid answer: malformed or truncated XML, DTDs,
   *  unexpected root element, oversized response. */
  BACKEND_PROTOCOL: { blame: 'backend', retryable: false },
  /** The zaaksysteem does not support an operation or a value we need (StUF noValue nietOndersteund, Fo0x StUF 'not supported'). */
  BACKEND_UNSUPPORTED: { blame: 'backend', retryable: false },
  /** Configuration is invalid; raised at start-up. */
  CONFIG_INVALID: { blame: 'facade', retryable: false },
  /** A bug in the facade. */
  INTERNAL: { blame: 'facade', retryable: false },
} as const satisfies Record<string, { blame: Blame; retryable: boolean }>;

export type ErrorCode = keyof typeof ERROR_CODES;
export type Blame = 'caller' | 'backend' | 'facade';

/** A StUF foutbericht (Fo01/Fo02/Fo03 body), kept as the zaaksysteem sent it. */
export interface StufFout {
  berichtcode: 'Fo01' | 'Fo02' | 'Fo03';
  code: string;
  plek: 'client' | 'server';
  omschrijving: string;
  details?: string;
}

export interface InvalidParam {
  /** dotted path of the input field, e.g. `clients.0.bsn` */
  name: string;
  reason: string;
}

export interface FacadeErrorOptions {
  stuf?: StufFout;
  invalidParams?: InvalidParam[];
  /** Internal detail for logs only; never sent to callers. Must not contain a BSN. */
  internal?: string;
  cause?: unknown;
}

export class FacadeError extends Error {
  readonly stuf?: StufFout;
  readonly invalidParams?: InvalidParam[];
  readonly internal?: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: FacadeErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FacadeError';
    this.stuf = options.stuf;
    this.invalidParams = options.invalidParams;
    this.internal = options.internal;
  }

  get blame(): Blame {
    return ERROR_CODES[this.code].blame;
  }

  get retryable(): boolean {
    return ERROR_CODES[this.code].retryable;
  }

  static validation(message: string, invalidParams?: InvalidParam[]): FacadeError {
    return new FacadeError('VALIDATION_FAILED', message, { invalidParams });
  }

  static notFound(message: string): FacadeError {
    return new FacadeError('NOT_FOUND', message);
  }

  /** Anything thrown that is not a FacadeError is a bug: wrap it so that no internal text reaches a caller. */
  static from(err: unknown): FacadeError {
    if (err instanceof FacadeError) return err;
    return new FacadeError('INTERNAL', 'Interne fout', { cause: err, internal: String(err) });
  }
}
