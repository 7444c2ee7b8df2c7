import { FacadeError } from '../../core/domain/errors';
import { systemContext } from '../../core/domain/request-context';
import type { ZaakRegister } from '../../core/ports/zaak-register.port';
import type { Sql } from '../store/store.port';

export type Onderdeel = 'store' | 'zaaksysteem';
export type Status = 'ok' | 'fout';

/** What /health/ready answers: which part failed, never an address or error text. */
export interface Gereedstand {
  status: Status;
  checks: Record<Onderdeel, { status: Status }>;
}

/** Where a failed check is logged for the operator: the error's code only. */
export interface GereedLog {
  warn(obj: object, msg: string): void;
}

/**
 * An identificatie no zaaksysteem hands out (ZDS zaak-identificaties are digits and dashes of a gemeente's own
 * format): geefZaakdetails of it reads nothing and changes nothing, and its NOT_FOUND proves the backend answers.
 */
export const GEEN_ZAAK = 'FACADE-GEREEDHEID-GEEN-ZAAK';

/**
 * The checks of /health/ready: the facade's store (a query on its own table of migrations, so a store whose
 * tables are gone fails too) and the zaaksysteem (geefZaakdetails of GEEN_ZAAK through the circuit breaker and
 * beneath the protocol: no person's data, no protocol entry; an open breaker is not ready). Each check's outcome is
 * kept `cacheMs` and shared by the probes that come meanwhile, so a probe per replica per second does not become
 * a StUF call per second.
 */
export class Gereedheid {
  private readonly bewaard = new Map<Onderdeel, { tot: number; uitkomst: Promise<Status> }>();
  private readonly checks: Record<Onderdeel, () => Promise<void>>;
  private readonly log: GereedLog;

  constructor(
    deps: { store: Pick<Sql, 'query'>; zaken: Pick<ZaakRegister, 'geefZaak'>; log: GereedLog },
    private readonly cacheMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.log = deps.log;
    this.checks = {
      store: async () => void (await deps.store.query('SELECT 1 AS een FROM facade_migraties LIMIT 1')),
      zaaksysteem: async () => {
        try {
          await deps.zaken.geefZaak(systemContext('gereedheid'), GEEN_ZAAK, ['omschrijving']);
        } catch (e) {
          if (!(e instanceof FacadeError && e.code === 'NOT_FOUND')) throw e;
        }
      },
    };
  }

  async stand(): Promise<Gereedstand> {
    const [store, zaaksysteem] = await Promise.all([this.check('store'), this.check('zaaksysteem')]);
    return { status: store === 'ok' && zaaksysteem === 'ok' ? 'ok' : 'fout', checks: { store: { status: store }, zaaksysteem: { status: zaaksysteem } } };
  }

  private check(onderdeel: Onderdeel): Promise<Status> {
    const nu = this.now();
    const kept = this.bewaard.get(onderdeel);
    if (kept && nu < kept.tot) return kept.uitkomst;
    const uitkomst = this.checks[onderdeel]().then(
      (): Status => 'ok',
      (e: unknown): Status => {
        this.log.warn({ onderdeel, code: FacadeError.from(e).code }, 'gereedheid: controle mislukt');
        return 'fout';
      },
    );
    this.bewaard.set(onderdeel, { tot: nu + this.cacheMs, uitkomst });
    return uitkomst;
  }
}
