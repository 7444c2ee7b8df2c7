import type { Identiteit, Verwerking } from './identiteit';
import type { TraceContext } from './trace-context';

/**
 * Who asks, and why. Every port call carries it: the StUF adapter puts `gebruiker` in the zender of the
 * stuurgegevens; protocollering (who looked at which BSN, and why) and authorisation read it too.
 */
export interface RequestContext {
  /** Correlates logs and the StUF referentienummer/crossRefnummer of one API request. */
  readonly requestId: string;
  /** The user as known to the zaaksysteem (StUF:gebruiker, max 100). */
  readonly gebruiker?: string;
  /** Who asks (authenticated by the request pipeline); authorisation reads its rechten. */
  readonly identiteit?: Identiteit;
  /** Doelbinding: the processing activity this request serves (protocollering, LDV). */
  readonly verwerking?: Verwerking;
  /** When the request's deadline passes (epoch ms); the signal aborts then. */
  readonly deadline?: number;
  /** Aborted when the caller goes away (reason: CANCELLED) or the deadline passes (reason: BACKEND_TIMEOUT). */
  readonly signal?: AbortSignal;
  /** The W3C trace this request belongs to; passed on to every SOAP call. */
  readonly trace?: TraceContext;
}

export const systemContext = (requestId = 'system'): RequestContext => ({ requestId });
