import type { RequestContext } from '../../core/domain/request-context';
import type { DocumentRegister } from '../../core/ports/document-register.port';
import type { ZaakOverdracht, ZaakRegister } from '../../core/ports/zaak-register.port';
import type { Run, StapSoort } from './stappen';

interface CorePorts {
  zaken: ZaakRegister;
  documenten: DocumentRegister;
  overdracht: ZaakOverdracht;
}

/** The writes of each port, as steps; every other method passes through. */
const STAPPEN: { [P in keyof CorePorts]: Partial<Record<keyof CorePorts[P], StapSoort>> } = {
  zaken: { genereerZaakIdentificatie: 'reservering', creeerZaak: 'beslecht', actualiseerZaakstatus: 'beslecht', updateZaak: 'beslecht' },
  documenten: {
    genereerDocumentIdentificatie: 'reservering',
    voegZaakdocumentToe: 'beslecht',
    maakZaakdocument: 'beslecht',
    updateZaakdocument: 'beslecht',
    checkout: 'onbeslecht',
    cancelCheckout: 'onbeslecht',
  },
  overdracht: { overdragenZaak: 'beslecht' },
};

/**
 * Writes that carry a referentienummer the journal chooses, besides the reservations: overdragenZaak, whose
 * referentienummer the backoffice's overdragenZaak_Du01 answers with as crossRefnummer (RZS §6.8.4), so the answer
 * can be matched to the caller who asked (src/platform/notificaties).
 */
const MET_REFERENTIE = new Set<string>(['overdragenZaak']);

/** Which run a request's use case is in: set by the use-case decorator for as long as the use case runs. */
export type Runs = WeakMap<RequestContext, Run>;

function alsStappen<P extends object>(port: P, stappen: Partial<Record<keyof P, StapSoort>>, runs: Runs): P {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const soort = stappen[prop as keyof P];
      const methode = Reflect.get(target, prop, receiver) as unknown;
      if (!soort || typeof methode !== 'function') return methode;
      return (ctx: RequestContext, ...args: unknown[]) => {
        const run = runs.get(ctx);
        const metReferentie = MET_REFERENTIE.has(String(prop));
        const stuur = (referentie: string | undefined, a: readonly unknown[]) =>
          (methode as (...a: unknown[]) => Promise<unknown>).apply(target, soort === 'reservering' ? [ctx, referentie] : metReferentie ? [ctx, ...a, referentie] : [ctx, ...a]);
        return run ? run.stap(ctx, String(prop), soort, args, stuur, metReferentie) : stuur(undefined, args);
      };
    },
  });
}

/**
 * The ports with every write a step of the journal entry its use case runs in (stappen.ts). Wiring: directly
 * outside honest outcomes, so a step sees a write's settled outcome, and inside the protocol, so a step the journal
 * answers itself on resumption still has its data subjects noted.
 */
export function journaalPorts<P extends CorePorts>(ports: P, runs: Runs): P {
  return {
    ...ports,
    zaken: alsStappen(ports.zaken, STAPPEN.zaken, runs),
    documenten: alsStappen(ports.documenten, STAPPEN.documenten, runs),
    overdracht: alsStappen(ports.overdracht, STAPPEN.overdracht, runs),
  };
}
