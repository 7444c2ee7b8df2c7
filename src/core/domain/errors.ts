/**
 * The one error vocabulary of the facade. Every failure, whatever its origin (API input, the zaaksysteem,
 * the network, configuration), becomes a FacadeError with a stable `code`. The edges (GraphQL, REST) map
 * codes to `extensions.code` / HTTP status; nothing else of an error (stack, SOAP fault text of a server
 * fault) is shown to a caller.
 */
/**
 * What a caller is told: `detail` shows the error's own message (the caller's own mistake, in words that name
 * no value of the request); `title` shows only the code's fixed title, because the message may carry fault text
 * of the zaaksysteem or internals. The same rule holds in both doors; a StUF foutcode (a code from the standard,
 * never its text) is always shown.
 */
export type Disclosure = 'detail' | 'title';

interface ErrorSpec {
  readonly blame: Blame;
  readonly retryable: boolean;
  /** the REST status; the GraphQL `extensions.code` is the code itself */
  readonly status: number;
  readonly title: string;
  readonly disclose: Disclosure;
}

const caller = (status: number, title: string, retryable = false): ErrorSpec => ({ blame: 'caller', retryable, status, title, disclose: 'detail' });
const backend = (status: number, title: string, retryable: boolean): ErrorSpec => ({ blame: 'backend', retryable, status, title, disclose: 'title' });

export const ERROR_CODES = {
  /** The caller's input is invalid (before any SOAP call, or a StUF Fo0x with plek=client about caller data). */
  VALIDATION_FAILED: caller(400, 'Ongeldige invoer'),
  /** Text the XML of a StUF message cannot carry: a control character, U+FFFE/U+FFFF or a lone surrogate
   *  (XML 1.0 §2.2 Char). Refused before anything is reserved or sent. */
  INVALID_CHARACTERS: caller(400, 'Tekens die een StUF-bericht niet kan bevatten'),
  /** No valid credentials: no bearer token, or one that does not verify (issuer, audience, expiry, signature). */
  UNAUTHENTICATED: caller(401, 'Niet geauthenticeerd'),
  /** The keys of a token's issuer could not be fetched (its JWKS endpoint is down or answers nonsense), so no
   *  token of it can be checked now. Not the caller's token: a new one would not help, a retry later may. */
  IDENTITY_UNAVAILABLE: backend(503, 'Tokens kunnen nu niet worden gecontroleerd', true),
  /** The caller is known but may not do this: the operation, or the processing activity it named. */
  FORBIDDEN: caller(403, 'Geen toestemming'),
  /** The request names a processing activity (X-Verwerking) that is not in the register, or names none and
   *  its applicatie has no default: personal data is processed only for a known purpose (AVG art. 5(1)(b)). */
  VERWERKING_ONBEKEND: caller(400, 'Onbekende verwerkingsactiviteit'),
  /** The zaak, document or other object does not exist (StUF064 and friends). An object the caller may not
   *  see (another zaaktype, a more confidential document) is NOT_FOUND too, indistinguishable from absent. */
  NOT_FOUND: caller(404, 'Niet gevonden'),
  /** A concurrent change: updateZaak's `oud` did not match what the zaaksysteem holds. */
  CONFLICT: caller(409, 'Gelijktijdige wijziging'),
  /** The state the caller based a change on is no longer current (If-Match, RFC 9110 §13.1.1). */
  PRECONDITION_FAILED: caller(412, 'Voorwaarde niet vervuld'),
  /** A change without the version it is based on where one is required (config rest.ifMatchVerplicht:
   *  If-Match, RFC 6585 §3), so that no change is made on a state the caller never saw. */
  PRECONDITION_REQUIRED: caller(428, 'Voorwaarde vereist'),
  /** The identificatie already exists. */
  ALREADY_EXISTS: caller(409, 'Bestaat al'),
  /** The document is checked out by someone else (geefZaakdocumentbewerken lock), or the checkout id is not
   *  the one handed out: 423 Locked (RFC 4918 §11.3), the source or destination resource is locked. */
  LOCKED: caller(423, 'Document is in bewerking', true),
  /** A request or document was larger than allowed. */
  TOO_LARGE: caller(413, 'Te groot'),
  /** Too many requests from this caller. */
  RATE_LIMITED: caller(429, 'Te veel verzoeken', true),
  /** The caller went away before the answer was complete; what was still running for it was aborted.
   *  499 as nginx logs it: nobody reads the answer, but the log tells it apart from a timeout. */
  CANCELLED: caller(499, 'Verzoek afgebroken door de aanroeper', true),
  /** The zaaksysteem rejected our message as invalid (Fo0x plek=client): our fault or a dialect mismatch. */
  BACKEND_REJECTED: backend(502, 'Het zaaksysteem heeft het verzoek geweigerd', false),
  /** The zaaksysteem failed while processing (Fo0x plek=server). */
  BACKEND_FAULT: backend(502, 'Het zaaksysteem kon het verzoek niet verwerken', true),
  /** The zaaksysteem could not be reached, reset the connection, or answered HTTP errors without a fault. */
  BACKEND_UNAVAILABLE: backend(502, 'Het zaaksysteem is niet bereikbaar', true),
  /** The zaaksysteem did not answer in time, or the request's deadline passed. */
  BACKEND_TIMEOUT: backend(504, 'Het zaaksysteem antwoordde niet op tijd', true),
  /** The zaaksysteem answered something that is not a valid answer: malformed or truncated XML, DTDs,
   *  unexpected root element, oversized response. */
  BACKEND_PROTOCOL: backend(502, 'Het zaaksysteem gaf een ongeldig antwoord', false),
  /** The zaaksysteem does not support an operation or a value we need (StUF noValue nietOndersteund, Fo0x StUF 'not supported'). */
  BACKEND_UNSUPPORTED: backend(502, 'Het zaaksysteem ondersteunt dit niet', false),
  /** The zaak was read, but without a zaaktype code (real systems send only an omschrijving, or an empty code),
   *  so whether it is a gezinsplan, levensdomeinplan or deelplan cannot be told (RZS §6.3.3 classifies by code). */
  ZAAKTYPE_UNKNOWN: backend(502, 'Het zaaksysteem gaf geen zaaktypecode: de soort zaak is niet te bepalen', false),
  /** A change was sent, its answer was lost (timeout, connection reset, an answer that could not be read, an
   *  HTTP error without StUF fault), and the read that should tell whether it was applied failed too (issue 12
   *  §4). Not retryable: a retry might make the change twice; read the state first. 502, not 503: the gateway
   *  got no valid answer from upstream (RFC 9110 §15.6.3); 503 would invite a retry after a delay (§15.6.4).
   *  Also the answer to a repeat of an Idempotency-Key whose first request started but whose process ended before
   *  it answered (its lease expired): the record is kept for reconciliation. */
  OUTCOME_UNKNOWN: backend(502, 'Het is onbekend of de wijziging is uitgevoerd', false),
  /** A mutation made a change in the zaaksysteem, and a later step of it (a further write, or reading the result
   *  back) failed: the change stays, the mutation is not complete. Not retryable: a retry would make the change
   *  again (a second zaak, a second status); read the state first (issue 12 §4). */
  APPLIED_INCOMPLETE: backend(502, 'De wijziging is (deels) uitgevoerd, maar niet afgerond', false),
  /** The protocol (LDV) could not be written, so no personal data was shown; nothing was changed. */
  PROTOCOL_UNAVAILABLE: { blame: 'facade', retryable: true, status: 503, title: 'Protocollering niet beschikbaar: er zijn geen gegevens getoond', disclose: 'title' },
  /** The mutation could not be written to the step journal before its first SOAP call: nothing was sent. */
  JOURNAL_UNAVAILABLE: { blame: 'facade', retryable: true, status: 503, title: 'De wijziging kon niet worden vastgelegd: er is niets verstuurd', disclose: 'title' },
  /** The change was made in the zaaksysteem, but its protocol could not be written, so its result is not shown.
   *  Not retryable: a retry would make the change twice. */
  APPLIED_NOT_SHOWN: { blame: 'facade', retryable: false, status: 503, title: 'De wijziging is uitgevoerd, maar kan niet worden getoond: protocollering niet beschikbaar', disclose: 'title' },
  /** The Idempotency-Key was used before with another request (another route, path or body): 422 as the
   *  IETF Idempotency-Key draft (../shared/ietf, "Error Scenarios") says. */
  IDEMPOTENCY_KEY_REUSED: caller(422, 'Idempotency-Key al gebruikt voor een ander verzoek'),
  /** The first request with this Idempotency-Key is still being processed: 409 with Retry-After (the draft's
   *  "Concurrent Request"); a retry after it finished gets its outcome. */
  IDEMPOTENCY_IN_PROGRESS: caller(409, 'Verzoek met deze Idempotency-Key is nog bezig', true),
  /** This facade requires an Idempotency-Key on every change (config `idempotency.verplicht`). */
  IDEMPOTENCY_KEY_REQUIRED: caller(400, 'Idempotency-Key ontbreekt'),
  /** A subscription asked to resume after an event id (`naId`) whose successors have been swept from the event
   *  log: what came in between can no longer be delivered, so the client must read the current state afresh. */
  RESUME_POSITION_GONE: caller(410, 'Hervatten vanaf deze positie kan niet meer'),
  /** A known path asked with a method it does not have: 405 with `Allow` (RFC 9110 §15.5.6). */
  METHOD_NOT_ALLOWED: caller(405, 'Methode niet toegestaan'),
  /** The request target is longer than the facade reads (RFC 9110 §15.5.15). */
  URI_TOO_LONG: caller(414, 'URI te lang'),
  /** The request line and headers together are larger than the HTTP parser reads (RFC 6585 §5). */
  HEADERS_TOO_LARGE: caller(431, 'URL of headers te groot'),
  /** The request did not arrive in full within the server's request timeout (RFC 9110 §15.5.9). */
  REQUEST_TIMEOUT: caller(408, 'Verzoek niet op tijd ontvangen', true),
  /** A body of a media type the operation does not take (RFC 9110 §15.5.16). */
  UNSUPPORTED_MEDIA_TYPE: caller(415, 'Mediatype niet ondersteund'),
  /** Configuration is invalid; raised at start-up. */
  CONFIG_INVALID: { blame: 'facade', retryable: false, status: 500, title: 'Interne fout', disclose: 'title' },
  /** A bug in the facade. */
  INTERNAL: { blame: 'facade', retryable: false, status: 500, title: 'Interne fout', disclose: 'title' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;
export type Blame = 'caller' | 'backend' | 'facade';

/** A StUF foutbericht (Fo01/Fo02/Fo03 body), kept as the zaaksysteem sent it. */
export interface StufFout {
  berichtcode: 'Fo01' | 'Fo02' | 'Fo03';
  code: string;
  plek: 'client' | 'server';
  /** mandatory in stuf0301.xsd, yet left out by some systems */
  omschrijving?: string;
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
  /** UNAUTHENTICATED only: the RFC 6750 §3.1 error code for the WWW-Authenticate challenge; absent when the
   *  request carried no credentials at all (then the challenge names none, §3.1). */
  bearerError?: BearerError;
}

export type BearerError = 'invalid_request' | 'invalid_token';

export class FacadeError extends Error {
  readonly stuf?: StufFout;
  readonly invalidParams?: InvalidParam[];
  readonly internal?: string;
  readonly bearerError?: BearerError;

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
    this.bearerError = options.bearerError;
  }

  get blame(): Blame {
    return ERROR_CODES[this.code].blame;
  }

  get retryable(): boolean {
    return ERROR_CODES[this.code].retryable;
  }

  /** What a caller may read of this error, by the one rule of ERROR_CODES. */
  get publicMessage(): string {
    const spec = ERROR_CODES[this.code];
    return spec.disclose === 'detail' ? this.message : spec.title;
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
