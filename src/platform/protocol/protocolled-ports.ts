import { ERROR_CODES, FacadeError } from '../../core/domain/errors';
import type { RequestContext } from '../../core/domain/request-context';
import type { DocumentRegister } from '../../core/ports/document-register.port';
import type { ZaakOverdracht, ZaakRegister } from '../../core/ports/zaak-register.port';
import { misschienToegepast } from '../uitkomst/onzeker';
import * as betrokkenen from './betrokkenen';
import type { ProtocolCollector } from './protocol-collector';
import type { ProtocolStore } from './protocol-store.port';

/**
 * What the protocol reads of one port method: the data subjects in its arguments (noted BEFORE the call, so a
 * call that fails is protocolled too: the BSN was processed), those in its answer, and whether it writes to
 * the zaaksysteem. Before a request's first write the protocol store must be able to take the protocol, so
 * that with the store down nothing at all is sent: not even the reservation of an identificatie that starts
 * every create (`reserveert`); only a `wijzigt` that went through makes the answer APPLIED_NOT_SHOWN.
 */
interface Regel<A extends unknown[], R> {
  gevraagd?: (...args: A) => Iterable<string>;
  antwoord?: (antwoord: R) => Iterable<string>;
  schrijft?: 'reserveert' | 'wijzigt';
}

/** One rule per method: a method added to a port is a compile error here until it is classified. */
type Regels<P> = {
  readonly [K in keyof P]-?: P[K] extends (ctx: RequestContext, ...args: infer A) => Promise<infer R> ? Regel<A, R> : never;
};

const ZAKEN: Regels<ZaakRegister> = {
  genereerZaakIdentificatie: { schrijft: 'reserveert' },
  creeerZaak: { gevraagd: betrokkenen.inNieuweZaak, schrijft: 'wijzigt' },
  geefZaak: { antwoord: betrokkenen.inZaak },
  zoekZaken: { gevraagd: betrokkenen.inZoekvraag, antwoord: betrokkenen.inZaken },
  zoekZakenPagina: { antwoord: (p) => betrokkenen.inZaken(p.zaken) },
  geefStatussen: {},
  actualiseerZaakstatus: { schrijft: 'wijzigt' },
  // basis is a state read earlier in this request, so its subjects are noted already; they go out again as `oud`
  updateZaak: { gevraagd: (_id, wijziging, basis) => [...betrokkenen.inWijziging(wijziging), ...(basis ? betrokkenen.inZaak(basis) : [])], schrijft: 'wijzigt' },
};

const DOCUMENTEN: Regels<DocumentRegister> = {
  genereerDocumentIdentificatie: { schrijft: 'reserveert' },
  voegZaakdocumentToe: { schrijft: 'wijzigt' },
  maakZaakdocument: { schrijft: 'wijzigt' },
  geefLijstZaakdocumenten: { antwoord: betrokkenen.inDocumenten },
  leesDocument: { antwoord: betrokkenen.inGelezenDocument },
  leesDocumentgegevens: { antwoord: (g) => betrokkenen.inDocument(g.document) },
  checkout: { antwoord: betrokkenen.inGelezenDocument, schrijft: 'wijzigt' },
  updateZaakdocument: { schrijft: 'wijzigt' },
  cancelCheckout: { schrijft: 'wijzigt' },
};

const OVERDRACHT: Regels<ZaakOverdracht> = {
  overdragenZaak: { schrijft: 'wijzigt' },
};

/**
 * A change may have happened when the zaaksysteem did not say no (the one rule of src/platform/uitkomst), or
 * when its outcome could not be settled (OUTCOME_UNKNOWN). Only a refusal is sure to have changed nothing.
 */
const misschienUitgevoerd = (e: unknown): boolean => misschienToegepast(e) || (e instanceof FacadeError && e.code === 'OUTCOME_UNKNOWN');

const protocolOnbereikbaar = () =>
  new FacadeError('PROTOCOL_UNAVAILABLE', ERROR_CODES.PROTOCOL_UNAVAILABLE.title, { internal: 'protocol store not ready before a write: nothing sent' });

function protocolPort<P extends object>(port: P, regels: Regels<P>, collector: ProtocolCollector, store: Pick<ProtocolStore, 'gereed'>): P {
  const uit: Record<string, unknown> = {};
  for (const [naam, r] of Object.entries(regels)) {
    const regel = r as Regel<unknown[], unknown>;
    const methoden = port as Record<string, (ctx: RequestContext, ...args: unknown[]) => Promise<unknown>>;
    uit[naam] = async (ctx: RequestContext, ...args: unknown[]) => {
      collector.noteer(ctx, regel.gevraagd?.(...args) ?? []);
      if (regel.schrijft) {
        await collector.voorWijziging(ctx, () =>
          store.gereed().catch(() => {
            throw protocolOnbereikbaar();
          }),
        );
      }
      let antwoord: unknown;
      try {
        antwoord = await methoden[naam]!.call(port, ctx, ...args);
      } catch (e) {
        if (regel.schrijft === 'wijzigt' && misschienUitgevoerd(e)) collector.uitgevoerd(ctx);
        throw e;
      }
      if (regel.schrijft === 'wijzigt') collector.uitgevoerd(ctx);
      // a streamed document: only its metadata is read, its body passes untouched
      collector.noteer(ctx, regel.antwoord?.(antwoord) ?? []);
      return antwoord;
    };
  }
  return uit as P;
}

interface CorePorts {
  zaken: ZaakRegister;
  documenten: DocumentRegister;
  overdracht: ZaakOverdracht;
}

/**
 * The ports, noting in `collector` every data subject asked for or answered, per request (LDV: one line per
 * subject, also for one who only appears in an answer), and asking `store` whether it can take the protocol
 * before a request's first change is sent.
 *
 * Wiring: authorisation decorates these, not the other way round: `authorised(protocolledPorts(limitPorts(eerlijk(ports))))`.
 * A subject the facade fetched from the zaaksysteem but withholds from this caller (another zaaktype, too
 * confidential) was still processed by the facade on the caller's behalf (LDV 03-specificaties: a line for
 * every Betrokkene of the processing), so the protocol sees what the zaaksysteem answered, before filtering.
 */
export function protocolledPorts<P extends CorePorts>(ports: P, collector: ProtocolCollector, store: Pick<ProtocolStore, 'gereed'>): P {
  return {
    ...ports,
    zaken: protocolPort(ports.zaken, ZAKEN, collector, store),
    documenten: protocolPort(ports.documenten, DOCUMENTEN, collector, store),
    overdracht: protocolPort(ports.overdracht, OVERDRACHT, collector, store),
  };
}
