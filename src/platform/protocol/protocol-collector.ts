import { FacadeError } from '../../core/domain/errors';
import type { RequestContext } from '../../core/domain/request-context';

/** What one request did with personal data, as far as the protocol must know it. */
export interface Verwerkt {
  /** ms since the epoch: the request's arrival, the LDV start_time of every line */
  readonly start: number;
  /** the distinct data subjects: one LDV line each (03-specificaties, component applicatie) */
  readonly bsns: ReadonlySet<string>;
  /** a write port call may have changed the zaaksysteem: the answer is then APPLIED_NOT_SHOWN, not PROTOCOL_UNAVAILABLE */
  readonly uitgevoerd: boolean;
}

interface Verzoek {
  start: number;
  bsns: Set<string>;
  uitgevoerd: boolean;
  gereed?: Promise<void>;
  afgesloten: boolean;
}

const nietGeregistreerd = () =>
  new FacadeError('INTERNAL', 'Interne fout', { internal: 'a port call outside a request protocollering began, or after its protocol was written' });

/**
 * Per request (keyed by its RequestContext): the data subjects processed, and whether a change was sent. The
 * protocollering plugin begins it when the request arrives and closes it when the answer is about to leave;
 * the port decorator fills it in between. A port call for a context that was not begun, or after it was
 * closed, is refused (INTERNAL): a processing nobody would protocol must not happen (fail closed).
 */
export class ProtocolCollector {
  private readonly verzoeken = new WeakMap<RequestContext, Verzoek>();

  begin(ctx: RequestContext, start = Date.now()): void {
    this.verzoeken.set(ctx, { start, bsns: new Set(), uitgevoerd: false, afgesloten: false });
  }

  private open(ctx: RequestContext): Verzoek {
    const v = this.verzoeken.get(ctx);
    if (!v || v.afgesloten) throw nietGeregistreerd();
    return v;
  }

  /** Adds data subjects; throws when the request is not (or no longer) protocolled. */
  noteer(ctx: RequestContext, bsns: Iterable<string>): void {
    const v = this.open(ctx);
    for (const bsn of bsns) v.bsns.add(bsn);
  }

  /** `probe` once per request, before its first change: every later write of the request waits for the same answer. */
  voorWijziging(ctx: RequestContext, probe: () => Promise<void>): Promise<void> {
    const v = this.open(ctx);
    return (v.gereed ??= probe());
  }

  uitgevoerd(ctx: RequestContext): void {
    this.open(ctx).uitgevoerd = true;
  }

  /** What the request processed; from now on its port calls are refused. Undefined for a request never begun. */
  sluit(ctx: RequestContext): Verwerkt | undefined {
    const v = this.verzoeken.get(ctx);
    if (!v || v.afgesloten) return undefined;
    v.afgesloten = true;
    return { start: v.start, bsns: v.bsns, uitgevoerd: v.uitgevoerd };
  }
}
