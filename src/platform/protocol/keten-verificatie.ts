import type { Sql } from '../store/store.port';
import { BEGIN_HASH, ketenHash } from './hash-keten';
import type { Verificatie } from './protocol-store.port';
import { AUDIT, LDV, type KetenSoort } from './protocol-tabellen';

type Rij = Record<string, unknown> & { positie: number; vorige_hash: string; hash: string };

/** Rows fetched per query: memory stays at two pages whatever the length of the chain. */
const PAGINA = 1000;

/**
 * Recomputes the chain from position 1 to the head that `protocol_kop` held when it started, reading both
 * tables page by page and merging them by position. A record written meanwhile lies beyond that head and is
 * left for the next run. It names the first position that does not fit:
 * - a changed field: the recomputed hash differs from the stored one (or the next record's vorige_hash does);
 * - a removed record: the position is missing, also at the end (the head is further than the records);
 * - an inserted record: a second record at a position, or one whose vorige_hash is not its predecessor's hash.
 * What it cannot see: someone who can write the database and recomputes every hash from the change onwards;
 * that needs the head kept elsewhere too (the export carries positions for a central logboek).
 */
export async function verifieerKeten(sql: Sql): Promise<Verificatie> {
  const [kop] = await sql.query<{ positie: number; hash: string }>('SELECT positie, hash FROM protocol_kop WHERE id = 1');
  const tot = kop?.positie ?? 0;
  const fout = (positie: number, reden: string): Verificatie => ({ ok: false, records: positie - 1, eersteFout: { positie, reden } });
  const bronnen = [bron(sql, LDV, tot), bron(sql, AUDIT, tot)];
  const koppen = await Promise.all(bronnen.map((b) => b.next()));
  let vorige = BEGIN_HASH;
  for (let positie = 1; positie <= tot; positie++) {
    const hier = koppen.flatMap((k, i) => (!k.done && k.value.rij.positie === positie ? [i] : []));
    if (hier.length === 0) return fout(positie, 'record ontbreekt');
    if (hier.length > 1) return fout(positie, 'twee records op dezelfde positie: een record is ingevoegd');
    const i = hier[0]!;
    const { rij, soort } = (koppen[i] as IteratorYieldResult<Gelezen>).value;
    if (rij.vorige_hash !== vorige) return fout(positie, 'vorige hash past niet bij het record ervoor: een record is verwijderd, ingevoegd of gewijzigd');
    const waarden = soort.kolommen.map((k) => rij[k] as string | number | null);
    if (ketenHash(soort.naam, positie, vorige, waarden) !== rij.hash) return fout(positie, 'inhoud past niet bij de hash: het record is gewijzigd');
    vorige = rij.hash;
    koppen[i] = await bronnen[i]!.next();
  }
  if (vorige !== (kop?.hash ?? BEGIN_HASH)) return fout(tot, 'de kop van de keten past niet bij het laatste record');
  return { ok: true, records: tot };
}

interface Gelezen {
  rij: Rij;
  soort: KetenSoort<unknown>;
}

async function* bron(sql: Sql, soort: KetenSoort<unknown>, tot: number): AsyncGenerator<Gelezen> {
  const select = `SELECT positie, vorige_hash, hash, ${soort.kolommen.join(', ')} FROM ${soort.tabel} WHERE positie > ? AND positie <= ? ORDER BY positie LIMIT ?`;
  for (let na = 0; ; ) {
    const rijen = await sql.query<Rij>(select, [na, tot, PAGINA]);
    for (const rij of rijen) yield { rij, soort };
    if (rijen.length < PAGINA) return;
    na = rijen[rijen.length - 1]!.positie;
  }
}
