import { FacadeError } from '../../src/core/domain/errors';
import type { RequestContext } from '../../src/core/domain/request-context';
import type { ZdsBackend } from '../transport/soap-transport';
import type { ParseOptions, XEl } from '../xml/xml-parser';
import { expectBevestiging } from './bevestiging.codec';
import type { Dialect, OperationSpec, Role } from './operations';
import { metStuurgegevens, type StufBericht } from './stuf-bericht';
import { requestStuurgegevens, type Stuurgegevens, type Systeem } from './stuurgegevens';

/** StUF Gebruiker: a string of at most 100 characters (stuf0301.xsd, simpleType Gebruiker). */
const GEBRUIKER_MAX = 100;

export interface Verzending {
  /** to stream large text content (base64 inhoud) of the answer instead of buffering it */
  readonly streamText?: ParseOptions['streamText'];
  /**
   * The applicatie of the ontvanger when it is another than the backend's own: overdragenZaak_Di01 names the
   * receiving backoffice, the organisatie and administratie stay those configured (RZS §6.8.2).
   */
  readonly ontvangerApplicatie?: string;
  /** the referentienummer to send instead of a new one: the caller recorded it before sending (the step journal) */
  readonly referentienummer?: string;
}

/**
 * The one StUF client of a configured backend (role 'zaak' or 'document', RZS §5.2.4). The message mappers write
 * only the content; this stamps the stuurgegevens of every request (StUF 03.01 §4.2) and sends it through the
 * backend's transport:
 * - berichtcode, entiteittype and functie from the operation table;
 * - zender as configured, with `gebruiker` from the RequestContext for the zaaksysteem's protocollering;
 * - ontvanger as configured;
 * - a new referentienummer and the tijdstipBericht of now.
 */
export class StufClient {
  constructor(
    private readonly backend: ZdsBackend,
    private readonly klok: () => Date = () => new Date(),
  ) {}

  get dialect(): Dialect {
    return this.backend.dialect;
  }

  get role(): Role {
    return this.backend.role;
  }

  private stuurgegevens(ctx: RequestContext, op: OperationSpec, ontvangerApplicatie?: string): Stuurgegevens {
    const ontvanger = ontvangerApplicatie === undefined ? this.backend.ontvanger : { ...this.backend.ontvanger, applicatie: ontvangerApplicatie };
    return requestStuurgegevens(op, this.zender(ctx), ontvanger, this.klok());
  }

  /** The user of the request, cut at the schema's 100 characters (counted as characters, not UTF-16 units). */
  private zender(ctx: RequestContext): Systeem {
    if (!ctx.gebruiker) return this.backend.zender;
    return { ...this.backend.zender, gebruiker: [...ctx.gebruiker].slice(0, GEBRUIKER_MAX).join('') };
  }

  /** Sends `bericht` with fresh stuurgegevens; the answer's Body content comes back, a Fo0x as FacadeError. */
  async send(ctx: RequestContext, bericht: StufBericht, verzending: Verzending = {}): Promise<XEl> {
    // the transport chooses soapAction and endpoint by the backend's dialect: a message of the other would not fit
    if (bericht.dialect !== this.dialect) {
      throw new FacadeError('INTERNAL', 'Interne fout', { internal: `${bericht.operation.name} written for ${bericht.dialect}, backend speaks ${this.dialect}` });
    }
    const sg = { ...this.stuurgegevens(ctx, bericht.operation, verzending.ontvangerApplicatie), ...(verzending.referentienummer ? { referentienummer: verzending.referentienummer } : {}) };
    const body = metStuurgegevens(bericht, sg);
    return this.backend.transport.send({ ctx, operation: bericht.operation, body, referentienummer: sg.referentienummer, streamText: verzending.streamText });
  }

  /** Sends a message that is answered with an acknowledgement only: Bv03 (Lk01, Di01) or Bv02 (vrije berichten). */
  async sendBevestigd(ctx: RequestContext, bericht: StufBericht, code: 'Bv02' | 'Bv03', verzending: Verzending = {}): Promise<void> {
    expectBevestiging(await this.send(ctx, bericht, verzending), code);
  }
}
