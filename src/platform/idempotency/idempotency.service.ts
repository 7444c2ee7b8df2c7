import { ERROR_CODES, FacadeError, type ErrorCode, type InvalidParam } from '../../core/domain/errors';
import type { Sql, Store } from '../store/store.port';
import type { IdempotencyConfig } from './idempotency-config';
import { controleerSleutel } from './idempotency-key';
import { IDEMPOTENTIE_TABELLEN } from './idempotency-tabellen';
import { vingerafdruk } from './vingerafdruk';

/** A key of one applicatie: keys of two applicaties never meet (issue 12 §2). */
export interface Sleutel {
  applicatie: string;
  sleutel: string;
}

export interface Aanvraag extends Sleutel {
  /** the request's fingerprint (vingerafdruk.ts) */
  vingerafdruk: string;
}

/** The first outcome, as it is replayed: status, the headers that matter (Location, ETag, Content-Type), body. */
export interface Uitkomst {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export type Claim = { soort: 'nieuw' } | { soort: 'herhaling'; uitkomst: Uitkomst };

/** What a caller may read of its own key (issue 12 §7): `onbekend` is a request that outlived its lease. */
export interface Opdracht {
  sleutel: string;
  toestand: 'bezig' | 'klaar' | 'onbekend';
  /** the first outcome's status, once klaar */
  status?: number;
  aangemaaktOp: number;
  verlooptOp: number;
}

interface Rij {
  vingerafdruk: string;
  toestand: 'bezig' | 'klaar';
  status: number | null;
  headers: string | null;
  body: Buffer | null;
  aangemaakt_op: number;
  verloopt_op: number;
}

const UUR = 3_600_000;
const MINUUT = 60_000;

/** A mutation's outcome as GraphQL replays it: the result, or the error it ended with. */
type GraphqlUitkomst<T> = { resultaat: T } | { fout: { code: ErrorCode; message: string; invalidParams?: InvalidParam[] } };

/**
 * Idempotency-Keys over the facade's store (issue 12 §2, the IETF Idempotency-Key draft in ../shared/ietf),
 * the same semantics for both doors. `claim` reads or claims a key in one transaction under the key's slot, so
 * two instances on one PostgreSQL cannot both run it: the first gets `nieuw`, a repeat the stored outcome, or
 * IDEMPOTENCY_KEY_REUSED (another fingerprint), IDEMPOTENCY_IN_PROGRESS (still running) or OUTCOME_UNKNOWN
 * (started longer than the lease ago and never finished: its process died). Then `voltooi` stores the outcome, or
 * `laatLos` forgets the claim when nothing was changed (a retryable error), so that a retry runs anew.
 *
 * Seam for the step journal (§3): a record that outlived its lease stays `bezig` (the sweep leaves it), and is
 * answered OUTCOME_UNKNOWN until the journal reconciles it with `voltooi` (or `laatLos` when nothing happened).
 */
export class IdempotencyService {
  private constructor(
    private readonly store: Store,
    readonly config: IdempotencyConfig,
    private readonly nu: () => number,
  ) {}

  static async open(store: Store, config: IdempotencyConfig, nu: () => number = Date.now): Promise<IdempotencyService> {
    await store.migreer(IDEMPOTENTIE_TABELLEN);
    return new IdempotencyService(store, config, nu);
  }

  private get leaseMs(): number {
    return this.config.leaseMinuten * MINUUT;
  }

  /** Seconds a repeat of a running request is asked to wait (Retry-After of 409): a mutation's usual length. */
  readonly wachtSeconden = 2;

  async claim(a: Aanvraag): Promise<Claim> {
    return this.store.transactie(async (tx) => {
      const nu = this.nu();
      const rij = await leesRij(tx, a);
      if (!rij || (rij.toestand === 'klaar' && rij.verloopt_op <= nu)) {
        if (rij) await tx.run('DELETE FROM facade_idempotentie WHERE applicatie = ? AND sleutel = ?', [a.applicatie, a.sleutel]);
        await tx.run(
          'INSERT INTO facade_idempotentie (applicatie, sleutel, vingerafdruk, toestand, aangemaakt_op, verloopt_op) VALUES (?, ?, ?, ?, ?, ?)',
          [a.applicatie, a.sleutel, a.vingerafdruk, 'bezig', nu, nu + this.config.bewaarUren * UUR],
        );
        return { soort: 'nieuw' } as const;
      }
      if (rij.vingerafdruk !== a.vingerafdruk) throw new FacadeError('IDEMPOTENCY_KEY_REUSED', 'Deze Idempotency-Key is al gebruikt voor een ander verzoek');
      if (rij.toestand === 'bezig') {
        if (nu >= rij.aangemaakt_op + this.leaseMs) throw new FacadeError('OUTCOME_UNKNOWN', ERROR_CODES.OUTCOME_UNKNOWN.title, { internal: 'idempotency record outlived its lease' });
        throw new FacadeError('IDEMPOTENCY_IN_PROGRESS', 'Het eerste verzoek met deze Idempotency-Key is nog bezig; probeer het straks opnieuw');
      }
      return { soort: 'herhaling', uitkomst: { status: rij.status ?? 200, headers: JSON.parse(rij.headers ?? '{}') as Record<string, string>, body: Buffer.from(rij.body ?? Buffer.alloc(0)) } } as const;
    }, { slot: `idempotentie:${a.applicatie}:${a.sleutel}` });
  }

  /** Stores the first outcome; it is kept `bewaarUren` from now. */
  async voltooi(s: Sleutel, u: Uitkomst): Promise<void> {
    await this.store.run(
      "UPDATE facade_idempotentie SET toestand = 'klaar', status = ?, headers = ?, body = ?, verloopt_op = ? WHERE applicatie = ? AND sleutel = ? AND toestand = 'bezig'",
      [u.status, JSON.stringify(u.headers), u.body, this.nu() + this.config.bewaarUren * UUR, s.applicatie, s.sleutel],
    );
  }

  /** Forgets a claim whose request changed nothing (it ended in a retryable error): a retry runs again. */
  async laatLos(s: Sleutel): Promise<void> {
    await this.store.run("DELETE FROM facade_idempotentie WHERE applicatie = ? AND sleutel = ? AND toestand = 'bezig'", [s.applicatie, s.sleutel]);
  }

  /** The state of the caller's own key; undefined for none (or an expired one): another applicatie's key is none. */
  async opdracht(s: Sleutel): Promise<Opdracht | undefined> {
    const rij = await leesRij(this.store, s);
    const nu = this.nu();
    if (!rij || (rij.toestand === 'klaar' && rij.verloopt_op <= nu)) return undefined;
    const toestand = rij.toestand === 'klaar' ? 'klaar' : nu >= rij.aangemaakt_op + this.leaseMs ? 'onbekend' : 'bezig';
    return { sleutel: s.sleutel, toestand, ...(rij.status !== null ? { status: rij.status } : {}), aangemaaktOp: rij.aangemaakt_op, verlooptOp: rij.verloopt_op };
  }

  /** Removes finished records past their retention; `bezig` ones wait for reconciliation (see the class). */
  async ruimOp(): Promise<number> {
    return this.store.run("DELETE FROM facade_idempotentie WHERE toestand = 'klaar' AND verloopt_op <= ?", [this.nu()]);
  }

  /**
   * A key that must be given when the configuration says so; checked the same way in both doors. Undefined:
   * the request runs without idempotency.
   */
  sleutelVan(sleutel: string | null | undefined, naam: string): string | undefined {
    if (sleutel === undefined || sleutel === null) {
      if (this.config.verplicht) throw new FacadeError('IDEMPOTENCY_KEY_REQUIRED', `${naam} is verplicht bij elke wijziging`);
      return undefined;
    }
    return controleerSleutel(sleutel, naam);
  }

  /**
   * Runs a GraphQL mutation at most once per key: a repeat gets the first result (or rethrows the first error),
   * a retryable error releases the key. `verzoek` is what the fingerprint covers (the mutation and its arguments).
   */
  async voerUit<T>(applicatie: string, sleutel: string | null | undefined, verzoek: unknown, werk: () => Promise<T>): Promise<T> {
    const key = this.sleutelVan(sleutel, 'idempotencyKey');
    if (key === undefined) return werk();
    const a: Aanvraag = { applicatie, sleutel: key, vingerafdruk: vingerafdruk({ door: 'graphql', verzoek }) };
    const claim = await this.claim(a);
    if (claim.soort === 'herhaling') return herhaal<T>(claim.uitkomst);
    let resultaat: T;
    try {
      resultaat = await werk();
    } catch (e) {
      const fout = FacadeError.from(e);
      if (fout.retryable) await this.laatLos(a);
      else await this.voltooi(a, graphqlUitkomst<T>({ fout: { code: fout.code, message: fout.publicMessage, ...(fout.invalidParams ? { invalidParams: fout.invalidParams } : {}) } }, ERROR_CODES[fout.code].status));
      throw fout;
    }
    await this.voltooi(a, graphqlUitkomst({ resultaat }, 200));
    return resultaat;
  }
}

const leesRij = async (sql: Sql, s: Sleutel): Promise<Rij | undefined> =>
  (await sql.query<Rij>(
    'SELECT vingerafdruk, toestand, status, headers, body, aangemaakt_op, verloopt_op FROM facade_idempotentie WHERE applicatie = ? AND sleutel = ?',
    [s.applicatie, s.sleutel],
  ))[0];

const graphqlUitkomst = <T>(u: GraphqlUitkomst<T>, status: number): Uitkomst => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify(u)),
});

function herhaal<T>(u: Uitkomst): T {
  const gelezen = JSON.parse(u.body.toString('utf8')) as GraphqlUitkomst<T>;
  if ('fout' in gelezen) throw new FacadeError(gelezen.fout.code, gelezen.fout.message, { invalidParams: gelezen.fout.invalidParams });
  return gelezen.resultaat;
}
