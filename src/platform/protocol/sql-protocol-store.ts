import { FacadeError } from '../../core/domain/errors';
import type { Sql, SqlWaarde, Store } from '../store/store.port';
import { groepscommit } from './groepscommit';
import { ketenHash } from './hash-keten';
import { verifieerKeten } from './keten-verificatie';
import type { ProtocolBatch, ProtocolStore } from './protocol-store.port';
import { AUDIT, LDV, PROTOCOL_MODULE, type KetenSoort } from './protocol-tabellen';

type Tabel = Pick<KetenSoort<unknown>, 'naam' | 'tabel' | 'kolommen'>;

/** Chain appends of every process on the database, one at a time (store.port.ts TransactieOpties.slot). */
const KETEN_SLOT = 'protocol-keten';
/** Lines per INSERT: 500 × 15 values stays far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const REGELS_PER_INSERT = 500;

/**
 * The ProtocolStore over the facade's store, the same on SQLite and PostgreSQL (protocol-tabellen.ts). A batch
 * is written in one transaction under the chain's slot: read the head, hash the audit record and then every line
 * onto it, insert them (multi-row), move the head. So a thousand lines are a few statements and one commit; and
 * the batches of requests that end together share that commit (groepscommit.ts).
 */
export async function openProtocolStore(store: Store): Promise<ProtocolStore> {
  await store.migreer(PROTOCOL_MODULE);
  return {
    schrijf: groepscommit<ProtocolBatch>((batches) =>
      store.transactie(async (tx) => {
        for (const batch of batches) await voegToe(tx, batch);
      }, { slot: KETEN_SLOT }),
    ),
    // a read of the chain's head: the database answers and the protocol tables are there
    gereed: async () => {
      await store.query('SELECT positie FROM protocol_kop LIMIT 1');
    },
    verifieer: () => verifieerKeten(store),
    inzage: async ({ dataSubjectId, van, tot }) => {
      const rijen = await store.query(INZAGE, [dataSubjectId, van ?? 0, tot ?? Number.MAX_SAFE_INTEGER]);
      return rijen.map((r) => ({
        regel: LDV.uitRij(r),
        ...(r.a_positie === null ? {} : { audit: AUDIT.uitRij(Object.fromEntries(AUDIT.kolommen.map((k) => [k, r[`a_${k}`]]))) }),
      }));
    },
    regels: async (vanaf, max) => {
      const rijen = await store.query<Record<string, unknown> & { positie: number }>(
        `SELECT positie, ${LDV.kolommen.join(', ')} FROM ldv_regel WHERE positie > ? ORDER BY positie LIMIT ?`,
        [vanaf, max],
      );
      return rijen.map((r) => ({ positie: r.positie, regel: LDV.uitRij(r) }));
    },
  };
}

/**
 * The lines of one data subject, oldest first, each with the audit record of its request: the record of the
 * same trace whose span is the line's parent (a caller may reuse a trace id over several requests, so the
 * trace id alone could join the wrong request).
 */
const INZAGE = `SELECT l.positie, ${LDV.kolommen.map((k) => `l.${k}`).join(', ')}, a.positie AS a_positie, ${AUDIT.kolommen.map((k) => `a.${k} AS a_${k}`).join(', ')}
FROM ldv_regel l LEFT JOIN protocol_audit a ON a.trace_id = l.trace_id AND a.span_id = l.parent_span_id
WHERE l.data_subject_id = ? AND l.start_time >= ? AND l.start_time <= ?
ORDER BY l.start_time, l.positie`;

async function voegToe(tx: Sql, batch: ProtocolBatch): Promise<void> {
  const [kop] = await tx.query<{ positie: number; hash: string }>('SELECT positie, hash FROM protocol_kop WHERE id = 1');
  if (!kop) throw new FacadeError('INTERNAL', 'protocol: de kop van de keten ontbreekt');
  let { positie, hash } = kop;
  const rij = (soort: Tabel, waarden: SqlWaarde[]): SqlWaarde[] => {
    for (const w of waarden) if (typeof w === 'number' && !Number.isSafeInteger(w)) throw new FacadeError('INTERNAL', 'protocol: een tijd of uitkomst is geen geheel getal');
    const vorige = hash;
    hash = ketenHash(soort.naam, ++positie, vorige, waarden);
    return [positie, vorige, hash, ...waarden];
  };
  await voegIn(tx, AUDIT, [rij(AUDIT, AUDIT.waarden(batch.audit))]);
  const regels = batch.regels.map((r) => rij(LDV, LDV.waarden(r)));
  for (let i = 0; i < regels.length; i += REGELS_PER_INSERT) await voegIn(tx, LDV, regels.slice(i, i + REGELS_PER_INSERT));
  await tx.run('UPDATE protocol_kop SET positie = ?, hash = ? WHERE id = 1', [positie, hash]);
}

async function voegIn(tx: Sql, soort: Tabel, rijen: SqlWaarde[][]): Promise<void> {
  const kolommen = ['positie', 'vorige_hash', 'hash', ...soort.kolommen];
  const plaats = `(${kolommen.map(() => '?').join(', ')})`;
  await tx.run(`INSERT INTO ${soort.tabel} (${kolommen.join(', ')}) VALUES ${rijen.map(() => plaats).join(', ')}`, rijen.flat());
}
