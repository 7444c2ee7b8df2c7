import { setTimeout as sleep } from 'node:timers/promises';
import { ERROR_CODES, FacadeError } from '../../core/domain/errors';
import type { RequestContext } from '../../core/domain/request-context';
import type { DocumentRegister } from '../../core/ports/document-register.port';
import type { ZaakOverdracht, ZaakRegister } from '../../core/ports/zaak-register.port';
import { misschienToegepast, zelfAfgebroken } from './onzeker';
import { vaststellingVan, type LeesPorts, type Oordeel, type Vaststelling } from './vaststelling';
import type { WijzigingenPerVerzoek } from './wijzigingen-per-verzoek';

const codeVan = (e: unknown): string => (e instanceof FacadeError ? e.code : 'no FacadeError');

/**
 * The read that settles a lost answer runs without the request's abort signal and deadline: when the deadline
 * aborted the write, the read must still be able to go out. The transport's own timeout per operation bounds it.
 */
function losVanAfbreken(ctx: RequestContext): RequestContext {
  const { signal: _signal, deadline: _deadline, ...rest } = ctx;
  return rest;
}

/**
 * One write with an honest outcome (issue 12 §4): success; the zaaksysteem's refusal as it came; and when its
 * answer was lost after it went out (onzeker.ts), the read `vaststelling` decides: applied is success, proven not
 * applied is the original (retryable) error, and when the read fails too, or cannot tell, or there is no read that
 * could (`vaststelling` absent), OUTCOME_UNKNOWN, which is not retryable. Every write that was or may have been
 * applied is counted for its request.
 */
async function eerlijk(
  ctx: RequestContext,
  operatie: string,
  opties: UitkomstOpties,
  schrijf: () => Promise<void>,
  vaststelling?: Vaststelling,
): Promise<void> {
  const { telling } = opties;
  try {
    await schrijf();
  } catch (e) {
    if (!misschienToegepast(e)) throw e;
    let leesfout: unknown;
    const lees = async (): Promise<Oordeel> => {
      if (!vaststelling) return 'onbekend';
      try {
        return await vaststelling(losVanAfbreken(ctx));
      } catch (l) {
        leesfout = l;
        return 'onbekend';
      }
    };
    let oordeel = await lees();
    // after an exchange we aborted ourselves the zaaksysteem may still be applying the write: not there yet is no
    // proof until it is still not there once the zaaksysteem has had time to finish
    if (oordeel === 'nee' && zelfAfgebroken(e)) {
      await sleep(opties.nacontroleMs ?? NACONTROLE_MS);
      oordeel = await lees();
    }
    if (oordeel === 'nee') throw e;
    telling.tel(ctx);
    if (oordeel === 'ja') return;
    const waarom = !vaststelling ? 'no read can tell' : leesfout === undefined ? 'the read could not tell' : `the read failed too (${codeVan(leesfout)})`;
    throw new FacadeError('OUTCOME_UNKNOWN', ERROR_CODES.OUTCOME_UNKNOWN.title, { cause: e, internal: `${operatie}: answer lost (${codeVan(e)}); ${waarom}` });
  }
  telling.tel(ctx);
}

/** Some methods of a port replaced, the others (and `this` for them) the port's own. */
function metVervanging<P extends object>(port: P, vervanging: Partial<P>): P {
  return new Proxy(port, {
    get: (target, prop, receiver) => (prop in vervanging ? vervanging[prop as keyof P] : Reflect.get(target, prop, receiver)),
  });
}

function zakenEerlijk(ports: LeesPorts, opties: UitkomstOpties): ZaakRegister {
  const { zaken } = ports;
  return metVervanging(zaken, {
    creeerZaak: (ctx, zaak) => eerlijk(ctx, 'creeerZaak', opties, () => zaken.creeerZaak(ctx, zaak), vaststellingVan(ports, 'creeerZaak', [zaak])),
    actualiseerZaakstatus: (ctx, id, status) =>
      eerlijk(ctx, 'actualiseerZaakstatus', opties, () => zaken.actualiseerZaakstatus(ctx, id, status), vaststellingVan(ports, 'actualiseerZaakstatus', [id, status])),
    updateZaak: (ctx, id, wijziging, basis) =>
      eerlijk(ctx, 'updateZaak', opties, () => zaken.updateZaak(ctx, id, wijziging, basis), vaststellingVan(ports, 'updateZaak', [id, wijziging, basis])),
  });
}

function documentenEerlijk(ports: LeesPorts, opties: UitkomstOpties): DocumentRegister {
  const { documenten } = ports;
  return metVervanging(documenten, {
    voegZaakdocumentToe: (ctx, zaak, document) =>
      eerlijk(ctx, 'voegZaakdocumentToe', opties, () => documenten.voegZaakdocumentToe(ctx, zaak, document), vaststellingVan(ports, 'voegZaakdocumentToe', [zaak, document])),
    maakZaakdocument: (ctx, zaak, document) =>
      eerlijk(ctx, 'maakZaakdocument', opties, () => documenten.maakZaakdocument(ctx, zaak, document), vaststellingVan(ports, 'maakZaakdocument', [zaak, document])),
    updateZaakdocument: (ctx, id, checkoutId, wijziging) =>
      eerlijk(ctx, 'updateZaakdocument', opties, () => documenten.updateZaakdocument(ctx, id, checkoutId, wijziging)),
  });
}

/** How long after an exchange we aborted (timeout, caller gone) a write not found is looked for once more. */
export const NACONTROLE_MS = 1000;

export interface UitkomstOpties {
  /** counts, per request, the writes that were or may have been applied (for eerlijkeUitkomstUseCases) */
  telling: WijzigingenPerVerzoek;
  /** default NACONTROLE_MS */
  nacontroleMs?: number;
}

interface CorePorts {
  zaken: ZaakRegister;
  documenten: DocumentRegister;
  overdracht: ZaakOverdracht;
}

/**
 * The ports with honest outcomes for every write (issue 12 §4): a write whose answer was lost is settled by a read
 * before anyone hears of it; it is never reported retryable once it has happened.
 *
 * Wiring: innermost, directly around the StUF adapters: `limitPorts(eerlijkeUitkomstPorts(ports, { telling }), ...)`.
 * The settling read then runs in the slot its write still holds: it takes no second slot, so it neither queues
 * behind other requests' reads nor waits with the deadline past (its context drops the request's signal, which
 * only the decorators outside would refuse). The protocol outside sees the write once, with its final outcome
 * (OUTCOME_UNKNOWN may have changed the zaaksysteem), and notes the data subjects of its arguments; the settling
 * read is about the very object the write named (its zaak, its statuses, its documents' metadata) and is never
 * shown. Authorisation outside it already allowed the write on that object.
 */
export function eerlijkeUitkomstPorts<P extends CorePorts>(ports: P, opties: UitkomstOpties): P {
  const { overdracht } = ports;
  return {
    ...ports,
    zaken: zakenEerlijk(ports, opties),
    documenten: documentenEerlijk(ports, opties),
    // the acceptance comes later (RZS §6.8); no read tells whether a lost Di01 arrived
    overdracht: metVervanging(overdracht, {
      overdragenZaak: (ctx, verzoek, referentie) => eerlijk(ctx, 'overdragenZaak', opties, () => overdracht.overdragenZaak(ctx, verzoek, referentie)),
    }),
  };
}
