import type { Sql, Store } from '../store/store.port';
import { JOURNAAL_TABELLEN } from './journaal-tabellen';

/**
 * An entry's state: `bezig` while it runs or waits to be resumed (its lease tells which), `wacht` when its caller
 * heard a retryable failure before anything was changed (only a repeat of its key resumes it), `klaar`, `mislukt`
 * (a final error the caller heard), `onbekend` (a step is in doubt; resumed to settle it).
 */
export type Toestand = 'bezig' | 'wacht' | 'klaar' | 'mislukt' | 'onbekend';

export interface Entry {
  id: string;
  applicatie: string;
  sleutel: string | null;
  soort: string;
  vingerafdruk: string;
  argumenten: string;
  context: string;
  toestand: Toestand;
  resultaat: string | null;
  fout: string | null;
  eigenaar: string | null;
  lease_tot: number;
  pogingen: number;
  aangemaakt_op: number;
  bijgewerkt_op: number;
}

export type StapToestand = 'verzonden' | 'klaar' | 'geweigerd';

export interface Stap {
  volgnummer: number;
  operatie: string;
  toestand: StapToestand;
  referentie: string | null;
  argumenten: string | null;
  resultaat: string | null;
  /** JSON list of referentienummers of reservations of this step whose answer never arrived */
  verloren: string | null;
  verzonden_op: number;
}

export type NieuweEntry = Pick<Entry, 'id' | 'applicatie' | 'sleutel' | 'soort' | 'vingerafdruk' | 'argumenten' | 'context'> & { inhoud: readonly string[] };

export interface Afsluiting {
  resultaat?: string;
  fout?: string;
  /** when it may be resumed (a released `bezig` or an `onbekend`); absent: now */
  hervatNa?: number;
}

const KOLOMMEN = 'id, applicatie, sleutel, soort, vingerafdruk, argumenten, context, toestand, resultaat, fout, eigenaar, lease_tot, pogingen, aangemaakt_op, bijgewerkt_op';
/** The states in which an entry may be taken over when nobody holds it. */
const HERVATBAAR: readonly Toestand[] = ['bezig', 'wacht', 'onbekend'];

/**
 * The journal's rows in the facade's store (journaal-tabellen.ts). An entry is held by the process that runs it
 * (`eigenaar`) until `lease_tot`, which that process renews while it runs (`levensteken`); a process that died
 * stops renewing, and once the lease has passed any process may take the entry over (`neemOver`, one UPDATE that
 * only one can win), so two processes on one PostgreSQL never run one entry at once.
 */
export class Journaal {
  private constructor(
    private readonly store: Store,
    readonly eigenaar: string,
    readonly leaseMs: number,
    /** how long a finished entry answers for its key (the Idempotency-Key retention) */
    private readonly bewaarMs: number,
    private readonly nu: () => number,
  ) {}

  static async open(store: Store, eigenaar: string, o: { leaseMs: number; bewaarMs: number }, nu: () => number = Date.now): Promise<Journaal> {
    await store.migreer(JOURNAAL_TABELLEN);
    return new Journaal(store, eigenaar, o.leaseMs, o.bewaarMs, nu);
  }

  /**
   * Writes a new entry held by this process, or, when the caller's key already has one, answers that one instead:
   * in one transaction under the key's slot, so a key has one entry whoever asks at once. A finished entry past the
   * retention gives up its key, which is then new again (as its Idempotency-Key record is).
   */
  async begin(e: NieuweEntry): Promise<Entry | undefined> {
    const werk = async (tx: Sql) => {
      const nu = this.nu();
      if (e.sleutel !== null) {
        const bestaand = await leesOpSleutel(tx, e.applicatie, e.sleutel);
        const verlopen = bestaand && (bestaand.toestand === 'klaar' || bestaand.toestand === 'mislukt') && bestaand.bijgewerkt_op + this.bewaarMs <= nu;
        if (bestaand && !verlopen) return bestaand;
        if (bestaand) await tx.run('UPDATE facade_journaal SET sleutel = NULL WHERE id = ?', [bestaand.id]);
      }
      await tx.run(
        `INSERT INTO facade_journaal (id, applicatie, sleutel, soort, vingerafdruk, argumenten, context, toestand, eigenaar, lease_tot, pogingen, aangemaakt_op, bijgewerkt_op)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'bezig', ?, ?, 0, ?, ?)`,
        [e.id, e.applicatie, e.sleutel, e.soort, e.vingerafdruk, e.argumenten, e.context, this.eigenaar, nu + this.leaseMs, nu, nu],
      );
      for (const sha of new Set(e.inhoud)) await tx.run('INSERT INTO facade_journaal_inhoud (journaal, sha256) VALUES (?, ?)', [e.id, sha]);
      return undefined;
    };
    return this.store.transactie(werk, e.sleutel === null ? {} : { slot: `journaal:${e.applicatie}:${e.sleutel}` });
  }

  opSleutel(applicatie: string, sleutel: string, sql: Sql = this.store): Promise<Entry | undefined> {
    return leesOpSleutel(sql, applicatie, sleutel);
  }

  /** Runs it, held by nobody else: true when this process now holds it. */
  async neemOver(id: string): Promise<boolean> {
    const nu = this.nu();
    const lijst = HERVATBAAR.map(() => '?').join(', ');
    const n = await this.store.run(
      `UPDATE facade_journaal SET eigenaar = ?, lease_tot = ?, pogingen = pogingen + 1, toestand = 'bezig', bijgewerkt_op = ?
       WHERE id = ? AND toestand IN (${lijst}) AND (eigenaar IS NULL OR lease_tot <= ?)`,
      [this.eigenaar, nu + this.leaseMs, nu, id, ...HERVATBAAR, nu],
    );
    return n === 1;
  }

  /** Still running somewhere: held, and its lease not passed. */
  levend(e: Entry): boolean {
    return e.toestand === 'bezig' && e.eigenaar !== null && e.lease_tot > this.nu();
  }

  async stappen(id: string): Promise<Stap[]> {
    return this.store.query<Stap>(
      'SELECT volgnummer, operatie, toestand, referentie, argumenten, resultaat, verloren, verzonden_op FROM facade_journaal_stap WHERE journaal = ? ORDER BY volgnummer',
      [id],
    );
  }

  /** Before the step goes out: durably, with the referentienummer it will carry. */
  async verzonden(id: string, s: Omit<Stap, 'toestand' | 'resultaat' | 'verzonden_op'>): Promise<Stap> {
    const stap: Stap = { ...s, toestand: 'verzonden', resultaat: null, verzonden_op: this.nu() };
    await this.store.transactie(async (tx) => {
      await tx.run('DELETE FROM facade_journaal_stap WHERE journaal = ? AND volgnummer = ?', [id, s.volgnummer]);
      await tx.run(
        'INSERT INTO facade_journaal_stap (journaal, volgnummer, operatie, toestand, referentie, argumenten, resultaat, verloren, verzonden_op) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [id, stap.volgnummer, stap.operatie, stap.toestand, stap.referentie, stap.argumenten, null, stap.verloren, stap.verzonden_op],
      );
    });
    return stap;
  }

  async stapUitkomst(id: string, volgnummer: number, toestand: 'klaar' | 'geweigerd', resultaat: string | null = null): Promise<void> {
    await this.store.run('UPDATE facade_journaal_stap SET toestand = ?, resultaat = ? WHERE journaal = ? AND volgnummer = ?', [toestand, resultaat, id, volgnummer]);
  }

  /** Ends this process's run of the entry: in a final state, or released (`bezig`, `wacht`, `onbekend`) to be resumed. */
  async sluit(id: string, toestand: Toestand, a: Afsluiting = {}): Promise<void> {
    const nu = this.nu();
    await this.store.transactie(async (tx) => {
      await tx.run('UPDATE facade_journaal SET toestand = ?, resultaat = ?, fout = ?, eigenaar = NULL, lease_tot = ?, bijgewerkt_op = ? WHERE id = ?', [
        toestand,
        a.resultaat ?? null,
        a.fout ?? null,
        a.hervatNa ?? nu,
        nu,
        id,
      ]);
      // content is needed only while the entry may still send it
      if (toestand === 'klaar' || toestand === 'mislukt') await tx.run('DELETE FROM facade_journaal_inhoud WHERE journaal = ?', [id]);
    });
  }

  /** Renews the lease of every entry this process runs. */
  async levensteken(): Promise<void> {
    await this.store.run("UPDATE facade_journaal SET lease_tot = ? WHERE eigenaar = ? AND toestand = 'bezig'", [this.nu() + this.leaseMs, this.eigenaar]);
  }

  /**
   * Hands back every entry this process still holds, due at once: at shutdown, so that another instance resumes
   * them in its next round instead of after the lease (issue 14 §6).
   */
  async geefVrij(): Promise<void> {
    const nu = this.nu();
    await this.store.run("UPDATE facade_journaal SET eigenaar = NULL, lease_tot = ?, bijgewerkt_op = ? WHERE eigenaar = ? AND toestand = 'bezig'", [nu, nu, this.eigenaar]);
  }

  /** Entries nobody runs that are due to be resumed: oldest first, at most `max`, none older than `sinds`. */
  async teHervatten(max: number, sinds: number): Promise<Entry[]> {
    return this.store.query<Entry>(
      `SELECT ${KOLOMMEN} FROM facade_journaal WHERE toestand IN ('bezig', 'onbekend') AND (eigenaar IS NULL OR lease_tot <= ?) AND lease_tot <= ? AND aangemaakt_op > ? ORDER BY aangemaakt_op LIMIT ${Math.trunc(max)}`,
      [this.nu(), this.nu(), sinds],
    );
  }

  async lees(id: string): Promise<Entry | undefined> {
    return (await this.store.query<Entry>(`SELECT ${KOLOMMEN} FROM facade_journaal WHERE id = ?`, [id]))[0];
  }

  /** Whether an entry that may still send it names this content. */
  async inhoudNodig(sha256: string): Promise<boolean> {
    return (await this.store.query('SELECT 1 AS x FROM facade_journaal_inhoud WHERE sha256 = ?', [sha256])).length > 0;
  }

  /**
   * The applicatie whose mutation last sent one of `operaties` about zaak `zaak` since `sinds`: the zaak is named in
   * the step's arguments (the port call) or, for a document change, in its entry's (the use case). Who caused a
   * change the zaaksysteem notifies us of (issue 13 §1; src/platform/notificaties/README.md).
   */
  async applicatieVanWijziging(zaak: string, operaties: readonly string[], sinds: number): Promise<string | undefined> {
    const genoemd = `%${JSON.stringify(zaak).replace(/[\\%_]/g, (t) => `\\${t}`)}%`;
    const [r] = await this.store.query<{ applicatie: string }>(
      `SELECT j.applicatie FROM facade_journaal_stap s JOIN facade_journaal j ON j.id = s.journaal
       WHERE s.operatie IN (${operaties.map(() => '?').join(', ')}) AND s.toestand <> 'geweigerd' AND s.verzonden_op >= ?
         AND (s.argumenten LIKE ? ESCAPE '\\' OR j.argumenten LIKE ? ESCAPE '\\')
       ORDER BY s.verzonden_op DESC LIMIT 1`,
      [...operaties, sinds, genoemd, genoemd],
    );
    return r?.applicatie;
  }

  /** The applicatie whose overdragenZaak carried referentienummer `kenmerk` (journal-ports.ts), while the journal keeps it. */
  async applicatieVanOverdracht(kenmerk: string): Promise<string | undefined> {
    const [r] = await this.store.query<{ applicatie: string }>(
      "SELECT j.applicatie FROM facade_journaal_stap s JOIN facade_journaal j ON j.id = s.journaal WHERE s.operatie = 'overdragenZaak' AND s.referentie = ?",
      [kenmerk],
    );
    return r?.applicatie;
  }

  /** Removes finished entries (klaar, mislukt, wacht) last changed before `voor`, with their steps. */
  async ruimOp(voor: number): Promise<number> {
    return this.store.transactie(async (tx) => {
      const oud = "SELECT id FROM facade_journaal WHERE toestand IN ('klaar', 'mislukt', 'wacht') AND bijgewerkt_op < ?";
      await tx.run(`DELETE FROM facade_journaal_stap WHERE journaal IN (${oud})`, [voor]);
      await tx.run(`DELETE FROM facade_journaal_inhoud WHERE journaal IN (${oud})`, [voor]);
      return tx.run("DELETE FROM facade_journaal WHERE toestand IN ('klaar', 'mislukt', 'wacht') AND bijgewerkt_op < ?", [voor]);
    });
  }
}

const leesOpSleutel = async (sql: Sql, applicatie: string, sleutel: string): Promise<Entry | undefined> =>
  (await sql.query<Entry>(`SELECT ${KOLOMMEN} FROM facade_journaal WHERE applicatie = ? AND sleutel = ?`, [applicatie, sleutel]))[0];
