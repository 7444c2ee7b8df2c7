/**
 * Who asks, and why. Every port call carries it: the StUF adapter puts `gebruiker` in the zender of the
 * stuurgegevens; protocollering (who looked at which BSN, and why) and authorisation will read it too.
 */
export interface RequestContext {
  /** Correlates logs and the StUF referentienummer/crossRefnummer of one API request. */
  readonly requestId: string;
  /** The user as known to the zaaksysteem (StUF:gebruiker, max 100). */
  readonly gebruiker?: string;
  /** Doelbinding: why the data is processed (for protocollering). */
  readonly doel?: string;
  /** Aborted when the API request is cancelled or times out. */
  readonly signal?: AbortSignal;
}

export const systemContext = (requestId = 'system'): RequestContext => ({ requestId });
