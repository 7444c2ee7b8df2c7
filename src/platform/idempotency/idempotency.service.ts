import { ERROR_CODES, FacadeError, type ErrorCode, type InvalidParam } from '../../core/domain/errors';
import type { Sql, Store } from '../store/store.port';
import type { IdempotencyConfig } from './idempotency-config';
import { fromJson } from '../../core/domain/stuf-json';
import { controleerSleutel } from './idempotency-key';
import { lopendeOpdracht } from './lopende-opdracht';
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

/**
 * What the step journal knows of the mutation a key started (src/platform/journaal): `levend` while a process
 * still runs it, `hervatbaar` when none does (a repeat then joins it: its outcome, or it resumes it), with the
 * state the caller may read. Undefined: the journal has no entry, so nothing was sent to the zaaksysteem.
 */
export interface JournaalStand {
  toestand: 'levend' | 'hervatbaar';
  opdracht: Opdracht['toestand'];
}
export interface JournaalVraag {
  (sql: Sql, s: Sleutel): Promise<JournaalStand | undefined>;
  /** how long a claim may go without a journal entry before its process counts as dead (the journal's lease) */
  readonly leaseMs: number;
}

/** Outcomes the journal may still change: not kept as the first outcome, a repeat asks the journal again. */
const VOORLOPIG: ReadonlySet<ErrorCode> = new Set(['APPLIED_INCOMPLETE', 'OUTCOME_UNKNOWN']);

/**
 * What a caller may read of its own key (issue 12 §7): `bezig` (running, or waiting to be resumed), `klaar`,
 * `mislukt` (ended in an error that is final), `onbekend` (whether it was applied is not known yet).
 */
export interface Opdracht {
  sleutel: string;
  toestand: 'bezig' | 'klaar' | 'mislukt' | 'onbekend';
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
 * With the step journal (`journaal`): a `bezig` record is decided by what the journal knows of its mutation
 * (JournaalStand): still running is IDEMPOTENCY_IN_PROGRESS, run by nobody lets the repeat through to join it, and
 * no entry past the lease means nothing was sent, so the repeat runs anew. Outcomes the journal may still change
 * (APPLIED_INCOMPLETE, OUTCOME_UNKNOWN) are not kept: the record stays `bezig` and a repeat asks the journal.
 */
export class IdempotencyService {
  private constructor(
    private readonly store: Store,
    readonly config: IdempotencyConfig,
    private readonly nu: () => number,
    private readonly journaal?: JournaalVraag,
  ) {}

  static async open(store: Store, config: IdempotencyConfig, nu: () => number = Date.now, journaal?: JournaalVraag): Promise<IdempotencyService> {
    await store.migreer(IDEMPOTENTIE_TABELLEN);
    return new IdempotencyService(store, config, nu, journaal);
  }

  /** An outcome that is not kept (VOORLOPIG): the journal still settles or completes its mutation. */
  voorlopig(code: string): boolean {
    return this.journaal !== undefined && VOORLOPIG.has(code as ErrorCode);
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
      if (rij.toestand === 'bezig' && this.journaal) {
        const stand = await this.journaal(tx, a);
        // no entry yet: the request is still before its first SOAP call, or its process died there
        if (stand?.toestand === 'levend' || (!stand && nu < rij.aangemaakt_op + this.journaal.leaseMs)) throw inBehandeling();
        await tx.run('UPDATE facade_idempotentie SET aangemaakt_op = ? WHERE applicatie = ? AND sleutel = ?', [nu, a.applicatie, a.sleutel]);
        return { soort: 'nieuw' } as const;
      }
      if (rij.toestand === 'bezig') {
        if (nu >= rij.aangemaakt_op + this.leaseMs) throw new FacadeError('OUTCOME_UNKNOWN', ERROR_CODES.OUTCOME_UNKNOWN.title, { internal: 'idempotency record outlived its lease' });
        throw inBehandeling();
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
    const stand = rij.toestand === 'bezig' && this.journaal ? await this.journaal(this.store, s) : undefined;
    const toestand = rij.toestand === 'klaar' ? 'klaar' : stand ? stand.opdracht : !this.journaal && nu >= rij.aangemaakt_op + this.leaseMs ? 'onbekend' : 'bezig';
    return { sleutel: s.sleutel, toestand, ...(rij.status !== null ? { status: rij.status } : {}), aangemaaktOp: rij.aangemaakt_op, verlooptOp: rij.verloopt_op };
  }

  /**
   * Removes records past their retention: finished ones, and with the journal `bezig` ones too (claimed longer ago
   * than the retention: the journal keeps their mutation). Without it a `bezig` one stays, answered OUTCOME_UNKNOWN.
   */
  async ruimOp(): Promise<number> {
    const toestanden = this.journaal ? "('klaar', 'bezig')" : "('klaar')";
    return this.store.run(`DELETE FROM facade_idempotentie WHERE toestand IN ${toestanden} AND verloopt_op <= ?`, [this.nu()]);
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
      resultaat = await lopendeOpdracht.run(a, werk);
    } catch (e) {
      const fout = FacadeError.from(e);
      if (fout.retryable) await this.laatLos(a);
      else if (this.voorlopig(fout.code)) throw fout;
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

const inBehandeling = () => new FacadeError('IDEMPOTENCY_IN_PROGRESS', 'Het eerste verzoek met deze Idempotency-Key is nog bezig; probeer het straks opnieuw');

function herhaal<T>(u: Uitkomst): T {
  // the result as the first run had it: NoValue is a value of its own (stuf-json.ts)
  const gelezen = fromJson<GraphqlUitkomst<T>>(u.body.toString('utf8'));
  if ('fout' in gelezen) throw new FacadeError(gelezen.fout.code, gelezen.fout.message, { invalidParams: gelezen.fout.invalidParams });
  return gelezen.resultaat;
}
