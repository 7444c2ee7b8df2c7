import { FacadeError } from '../../core/domain/errors';
import type { NieuweStatus, Status, Zaak, ZaakZoekvraag } from '../../core/domain/zaak';
import { statementCache, type Db } from './database';
import { fromJson, toJson } from '../../core/domain/stuf-json';

/** A zaak as stored: the domain Zaak with its status history and a version that every mutation raises. */
export interface StoredZaak {
  zaak: Zaak;
  versie: number;
}

interface ZaakRow {
  identificatie: string;
  data: string;
  versie: number;
}

/**
 * Zaken, their relations and statuses. Every public mutation is one SQLite transaction (BEGIN IMMEDIATE), so
 * a zaak and its search rows are written together or not at all, and two concurrent updates are serialised.
 */
export class ZaakStore {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(private readonly db: Db) {
    this.sql = statementCache(db);
  }

  exists(identificatie: string): boolean {
    return this.sql('SELECT 1 FROM zaak WHERE identificatie = ?').get(identificatie) !== undefined;
  }

  create(zaak: Zaak): void {
    this.db
      .transaction(() => {
        if (this.exists(zaak.identificatie)) {
          throw new FacadeError('ALREADY_EXISTS', `zaak ${zaak.identificatie} bestaat al`);
        }
        const { statussen: _, ...data } = zaak;
        this.sql('INSERT INTO zaak (identificatie, zaaktype_code, initiator_medewerker, data) VALUES (?, ?, ?, ?)')
          .run(zaak.identificatie, zaak.zaaktype?.code ?? null, initiatorMedewerker(zaak), toJson(data));
        this.writeRelations(zaak);
      })
      .immediate();
  }

  get(identificatie: string): StoredZaak | undefined {
    const row = this.sql<[string], ZaakRow>('SELECT identificatie, data, versie FROM zaak WHERE identificatie = ?')
      .get(identificatie);
    return row && this.load(row);
  }

  /** the zaak, or NOT_FOUND (StUF064 at the edge) */
  require(identificatie: string): StoredZaak {
    const z = this.get(identificatie);
    if (!z) throw FacadeError.notFound(`zaak ${identificatie} niet gevonden`);
    return z;
  }

  /**
   * zakLv01 `gelijk`: every given criterion must hold; in creation order, at most `maximumAantal`. With
   * `vervolg` (sortering 1) in identificatie order, after `vervolg.na` when given (a vervolgvraag).
   */
  find(vraag: ZaakZoekvraag, maximumAantal?: number, vervolg?: { na?: string }): StoredZaak[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (sql: string, v: string | undefined) => {
      if (v === undefined) return;
      where.push(sql);
      args.push(v);
    };
    add('z.identificatie = ?', vraag.identificatie);
    add('z.zaaktype_code = ?', vraag.zaaktypeCode);
    // a BTR identificatie (zakLv01.mapper.ts): the initiating medewerker's identificatie, or the BSN of a
    // natuurlijk persoon as initiator (a client filed as initiator, seed 003 step 2)
    if (vraag.initiatorMedewerker !== undefined) {
      where.push("(z.initiator_medewerker = ? OR json_extract(z.data, '$.initiator.persoon.bsn') = ?)");
      args.push(vraag.initiatorMedewerker, vraag.initiatorMedewerker);
    }
    add('EXISTS (SELECT 1 FROM zaak_client c WHERE c.zaak = z.identificatie AND c.bsn = ?)', vraag.clientBsn);
    add('EXISTS (SELECT 1 FROM zaak_relatie r WHERE r.zaak = z.identificatie AND r.andere = ?)', vraag.gerelateerdeZaak);
    add('z.identificatie > ?', vervolg?.na);
    let sql = `SELECT identificatie, data, versie FROM zaak z${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${vervolg ? 'z.identificatie' : 'z.rowid'}`;
    if (maximumAantal !== undefined) {
      sql += ' LIMIT ?';
      args.push(maximumAantal);
    }
    return this.sql<(string | number)[], ZaakRow>(sql)
      .all(...args)
      .map((r) => this.load(r));
  }

  /**
   * updateZaak: `change` sees the current zaak (inside the transaction) and returns the new one, or throws,
   * e.g. CONFLICT when the caller's `oud` is not what is stored (StUF 03.01 §5.3.2, lost update detection).
   */
  update(identificatie: string, change: (current: Zaak) => Zaak): Zaak {
    return this.db
      .transaction(() => {
        const current = this.require(identificatie);
        const next = { ...change(current.zaak), identificatie };
        const { statussen: _, ...data } = next;
        this.sql('UPDATE zaak SET zaaktype_code = ?, initiator_medewerker = ?, data = ?, versie = versie + 1 WHERE identificatie = ?')
          .run(next.zaaktype?.code ?? null, initiatorMedewerker(next), toJson(data), identificatie);
        this.sql('DELETE FROM zaak_client WHERE zaak = ?').run(identificatie);
        this.sql('DELETE FROM zaak_relatie WHERE zaak = ?').run(identificatie);
        this.writeRelations(next);
        return next;
      })
      .immediate();
  }

  /**
   * actualiseerZaakstatus. The volgnummer comes from the statustype (ZKN STT volgnummer): the one given with
   * the status is remembered per zaaktype; a statustype seen before keeps its volgnummer; a new one without
   * volgnummer gets the next free one. Older statuses are kept as history.
   */
  addStatus(identificatie: string, status: NieuweStatus): Status {
    return this.db
      .transaction(() => {
        const { zaak } = this.require(identificatie);
        const zaaktype = zaak.zaaktype?.code ?? '';
        const volgnummer = this.statustypeVolgnummer(zaaktype, status.statustype);
        const stored: Status = {
          statustype: { ...status.statustype, volgnummer },
          datumStatusGezet: status.datumStatusGezet,
          ...(status.toelichting !== undefined ? { toelichting: status.toelichting } : {}),
          ...(status.gezetDoor ? { gezetDoor: status.gezetDoor } : {}),
        };
        this.sql('INSERT INTO status (zaak, data) VALUES (?, ?)').run(identificatie, toJson(stored));
        this.sql('UPDATE zaak SET versie = versie + 1 WHERE identificatie = ?').run(identificatie);
        return stored;
      })
      .immediate();
  }

  /** oldest first; the last one carries indicatieLaatsteStatus */
  statuses(identificatie: string): Status[] {
    const rows = this.sql<[string], { data: string }>('SELECT data FROM status WHERE zaak = ? ORDER BY id')
      .all(identificatie);
    return rows.map((r, i) => ({ ...fromJson<Status>(r.data), indicatieLaatsteStatus: i === rows.length - 1 }));
  }

  /** overdragenZaak (RZS §6.8): kept as a record of the request; the zaak itself does not change. */
  recordOverdracht(identificatie: string, verzoek: object): void {
    this.db
      .transaction(() => {
        this.require(identificatie);
        this.sql('INSERT INTO overdracht (zaak, data) VALUES (?, ?)').run(identificatie, toJson(verzoek));
      })
      .immediate();
  }

  overdrachten(identificatie: string): unknown[] {
    return this.sql<[string], { data: string }>('SELECT data FROM overdracht WHERE zaak = ? ORDER BY id')
      .all(identificatie)
      .map((r) => fromJson(r.data));
  }

  count(): number {
    return (this.sql('SELECT count(*) AS n FROM zaak').get() as { n: number }).n;
  }

  private statustypeVolgnummer(zaaktype: string, st: NieuweStatus['statustype']): string {
    const known = this.sql<[string, string], { volgnummer: string }>('SELECT volgnummer FROM statustype WHERE zaaktype_code = ? AND code = ?')
      .get(zaaktype, st.code);
    if (known && (st.volgnummer === undefined || st.volgnummer === known.volgnummer)) return known.volgnummer;
    let volgnummer = st.volgnummer;
    if (volgnummer === undefined) {
      const max = this.sql<[string], { m: number | null }>('SELECT max(CAST(volgnummer AS INTEGER)) AS m FROM statustype WHERE zaaktype_code = ?')
        .get(zaaktype);
      volgnummer = String((max?.m ?? 0) + 1);
    }
    this.sql(
        'INSERT INTO statustype (zaaktype_code, code, volgnummer, omschrijving) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT (zaaktype_code, code) DO UPDATE SET volgnummer = excluded.volgnummer',
      )
      .run(zaaktype, st.code, volgnummer, st.omschrijving ?? null);
    return volgnummer;
  }

  private writeRelations(zaak: Zaak): void {
    const client = this.sql('INSERT OR IGNORE INTO zaak_client (zaak, bsn) VALUES (?, ?)');
    for (const c of zaak.clients ?? []) client.run(zaak.identificatie, c.bsn);
    const rel = this.sql('INSERT OR IGNORE INTO zaak_relatie (zaak, andere) VALUES (?, ?)');
    for (const r of zaak.gerelateerdeZaken ?? []) rel.run(zaak.identificatie, r.identificatie);
  }

  private load(row: ZaakRow): StoredZaak {
    const zaak = fromJson<Zaak>(row.data);
    return { zaak: { ...zaak, statussen: this.statuses(row.identificatie) }, versie: row.versie };
  }
}

const initiatorMedewerker = (z: Zaak): string | null =>
  z.initiator?.soort === 'medewerker' ? (z.initiator.medewerker.identificatie ?? null) : null;
