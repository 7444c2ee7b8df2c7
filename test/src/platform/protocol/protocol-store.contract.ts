import { afterAll, describe, expect, it } from 'vitest';
import type { ProtocolStore } from '../../../../src/platform/protocol/protocol-store.port';
import { openProtocolStore } from '../../../../src/platform/protocol/sql-protocol-store';
import type { Store } from '../../../../src/platform/store/store.port';
import type { TestDatabase, TestDatabases } from '../../../support/store-databases';
import { ACTIVITEIT, batch } from './protocol-fixture';

// pseudonyms as the pseudonymiser makes them (64 hex), distinct per subject
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);

async function met(db: TestDatabase, werk: (protocol: ProtocolStore, store: Store) => Promise<void>): Promise<void> {
  const store = await db.open();
  try {
    await werk(await openProtocolStore(store), store);
  } finally {
    await store.close();
  }
}

const KOLOMMEN =
  'vorige_hash, hash, trace_id, span_id, parent_span_id, name, status, start_time, end_time, processing_activity_id, data_subject_id, data_subject_id_type, foreign_trace_id, foreign_span_id';

/** positions 1 (audit), 2 (A), 3 (B); 4 (audit), 5 (A); 6 (audit), 7 (C) */
async function drieVerzoeken(protocol: ProtocolStore): Promise<void> {
  await protocol.schrijf(batch(1, [A, B], { gebruiker: 'regisseur-1' }));
  await protocol.schrijf(batch(2, [A]));
  await protocol.schrijf(batch(3, [C]));
}

/** The behaviour of the ProtocolStore (protocol-store.port.ts) over one Store adapter. */
export function protocolStoreContract(name: string, databases: TestDatabases): void {
  describe(`ProtocolStore contract: ${name}`, () => {
    afterAll(() => databases.opruimen());

    it('finds every line of one pseudonym with the audit record of its request, oldest first, within van/tot', async () => {
      await met(await databases.nieuw(), async (protocol) => {
        await drieVerzoeken(protocol);
        // written last, happened first
        await protocol.schrijf(batch(4, [A], { startTime: 1_767_225_000_000 }));
        const regels = await protocol.inzage({ dataSubjectId: A });
        expect(regels.map((r) => r.regel.traceId.slice(-1))).toEqual(['4', '1', '2']);
        expect(regels[1]).toEqual({ regel: batch(1, [A, B]).regels[0], audit: batch(1, [], { gebruiker: 'regisseur-1' }).audit });
        expect(regels[2]!.audit).toEqual(batch(2, []).audit);
        expect(regels[2]!.audit).not.toHaveProperty('gebruiker');
        const t2 = batch(2, []).audit.startTime;
        expect((await protocol.inzage({ dataSubjectId: A, van: t2 })).map((r) => r.regel.traceId.slice(-1))).toEqual(['2']);
        expect((await protocol.inzage({ dataSubjectId: A, tot: t2 - 1 })).map((r) => r.regel.traceId.slice(-1))).toEqual(['4', '1']);
        expect(await protocol.inzage({ dataSubjectId: 'd'.repeat(64) })).toEqual([]);
      });
    });

    it('joins the audit record of the request, not of another request in the same trace', async () => {
      await met(await databases.nieuw(), async (protocol) => {
        const eerste = batch(1, [A], { gebruiker: 'eerste' });
        const tweede = batch(2, [A], { gebruiker: 'tweede' });
        const zelfdeTrace = { audit: { ...tweede.audit, traceId: eerste.audit.traceId }, regels: tweede.regels.map((r) => ({ ...r, traceId: eerste.audit.traceId })) };
        await protocol.schrijf(eerste);
        await protocol.schrijf(zelfdeTrace);
        expect((await protocol.inzage({ dataSubjectId: A })).map((r) => r.audit?.gebruiker)).toEqual(['eerste', 'tweede']);
      });
    });

    it('keeps the caller’s own operation of a line', async () => {
      await met(await databases.nieuw(), async (protocol) => {
        const b = batch(1, [A]);
        const regel = { ...b.regels[0]!, foreignOperation: { traceId: 'f'.repeat(32), spanId: 'e'.repeat(16) } };
        await protocol.schrijf({ ...b, regels: [regel] });
        expect((await protocol.inzage({ dataSubjectId: A }))[0]!.regel).toEqual(regel);
      });
    });

    it('lists the lines after a position for the export, in the order written', async () => {
      await met(await databases.nieuw(), async (protocol) => {
        await drieVerzoeken(protocol);
        expect((await protocol.regels(0, 10)).map((r) => [r.positie, r.regel.dataSubjectId])).toEqual([[2, A], [3, B], [5, A], [7, C]]);
        expect((await protocol.regels(3, 1)).map((r) => r.positie)).toEqual([5]);
        expect(await protocol.regels(7, 10)).toEqual([]);
      });
    });

    it('verifies the chain over every audit record and line, also after a restart', async () => {
      const db = await databases.nieuw();
      await met(db, async (protocol) => {
        expect(await protocol.verifieer()).toEqual({ ok: true, records: 0 });
        await drieVerzoeken(protocol);
      });
      await met(db, async (protocol) => {
        await protocol.schrijf(batch(4, [B]));
        expect(await protocol.verifieer()).toEqual({ ok: true, records: 9 });
      });
    });

    const geknoeid: [string, string, number][] = [
      ['a changed field of a line', "UPDATE ldv_regel SET processing_activity_id = 'https://ander.example' WHERE positie = 3", 3],
      ['a changed pseudonym', `UPDATE ldv_regel SET data_subject_id = '${C}' WHERE positie = 5`, 5],
      ['a changed audit record', "UPDATE protocol_audit SET gebruiker = 'iemand-anders' WHERE positie = 1", 1],
      ['a changed hash', "UPDATE ldv_regel SET hash = '0000000000000000000000000000000000000000000000000000000000000000' WHERE positie = 2", 2],
      ['a removed line', 'DELETE FROM ldv_regel WHERE positie = 3', 3],
      ['a removed audit record', 'DELETE FROM protocol_audit WHERE positie = 4', 4],
      ['the newest record removed', 'DELETE FROM ldv_regel WHERE positie = 7', 7],
      ['a line inserted at a position already taken', `INSERT INTO ldv_regel SELECT 4, ${KOLOMMEN} FROM ldv_regel WHERE positie = 5`, 4],
      [
        'a line inserted in the middle, the records after it moved one on',
        `UPDATE ldv_regel SET positie = positie + 1 WHERE positie >= 5; UPDATE protocol_audit SET positie = positie + 1 WHERE positie >= 5;
         INSERT INTO ldv_regel SELECT 5, ${KOLOMMEN} FROM ldv_regel WHERE positie = 3`,
        5,
      ],
    ];
    for (const [wat, sql, positie] of geknoeid) {
      it(`finds ${wat} at the first position that no longer fits`, async () => {
        await met(await databases.nieuw(), async (protocol, store) => {
          await drieVerzoeken(protocol);
          await store.exec(sql);
          const v = await protocol.verifieer();
          expect(v.ok).toBe(false);
          expect(v.ok === false && v.eersteFout.positie).toBe(positie);
          expect(v.records).toBe(positie - 1);
        });
      });
    }

    it('writes a batch of 1,000 lines as one transaction: a failure in its last part writes nothing of it', async () => {
      await met(await databases.nieuw(), async (protocol) => {
        const pseudoniemen = Array.from({ length: 1000 }, (_, i) => i.toString(16).padStart(64, '0'));
        await protocol.schrijf(batch(1, pseudoniemen));
        expect(await protocol.verifieer()).toEqual({ ok: true, records: 1001 });
        const kapot = batch(2, pseudoniemen);
        // NOT NULL refuses line 900, in the second INSERT of the batch
        (kapot.regels[899] as { name: unknown }).name = null;
        await expect(protocol.schrijf(kapot)).rejects.toThrow();
        expect(await protocol.verifieer()).toEqual({ ok: true, records: 1001 });
        expect(await protocol.inzage({ dataSubjectId: pseudoniemen[0]! })).toHaveLength(1);
        await protocol.schrijf(batch(3, [A]));
        expect(await protocol.verifieer()).toEqual({ ok: true, records: 1003 });
      });
    });

    it('keeps one valid chain with writers in two store instances on one database', async () => {
      const db = await databases.nieuw();
      const [s1, s2] = [await db.open(), await db.open()];
      try {
        const [p1, p2] = [await openProtocolStore(s1), await openProtocolStore(s2)];
        await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? p1 : p2).schrijf(batch(i + 1, [A, B, C]))));
        expect(await p1.verifieer()).toEqual({ ok: true, records: 80 });
        const regels = await p2.inzage({ dataSubjectId: B });
        expect(regels).toHaveLength(20);
        expect(regels.every((r) => r.audit?.traceId === r.regel.traceId && r.regel.processingActivityId === ACTIVITEIT)).toBe(true);
      } finally {
        await Promise.all([s1.close(), s2.close()]);
      }
    });
  });
}
