import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { bytesOf } from '../../../../src/core/domain/document';
import { OPERATIES } from '../../../../src/core/domain/identiteit';
import type { RequestContext } from '../../../../src/core/domain/request-context';
import { createUseCases } from '../../../../src/core/usecases/use-cases';
import { lopendeOpdracht } from '../../../../src/platform/idempotency/lopende-opdracht';
import { Journaal } from '../../../../src/platform/journaal/journaal';
import { journaalPorts, type Runs } from '../../../../src/platform/journaal/journaal-ports';
import { journaalUseCases } from '../../../../src/platform/journaal/journaal-use-cases';
import { startJournaalWerker } from '../../../../src/platform/journaal/journaal-werker';
import { Spool } from '../../../../src/platform/journaal/spool';
import { verantwoording } from '../../../../src/platform/journaal/verantwoording';
import { ProtocolCollector } from '../../../../src/platform/protocol/protocol-collector';
import type { Store } from '../../../../src/platform/store/store.port';
import { inProcesSloten } from '../../../../src/platform/zaak-sloten/in-proces-sloten.adapter';
import { InMemoryProtocolStore } from '../../../support/in-memory-protocol-store';
import { postgresDatabases, sqliteDatabases, type TestDatabases } from '../../../support/store-databases';
import { FakeRegisters } from '../../core/usecases/fake-registers';

/**
 * Issue 12 §3, resumption after a crash, one process at a time over one zaaksysteem and one store: the first
 * "dies" at a chosen write (the zaaksysteem applied it, its answer never comes), the second takes the entry over
 * once the lease has passed and completes it. The crash test with real processes and kill -9 is
 * test/src/app/crash-herstel.test.ts; this one names the moment.
 */
const ALLES = new Set(OPERATIES);
const ctx = (): RequestContext => ({
  requestId: 'r',
  gebruiker: 'regisseur',
  identiteit: { applicatie: 'regie', gebruiker: 'regisseur', rechten: { operaties: ALLES, zaaktypen: 'alle', maxVertrouwelijkheid: 'ZEER GEHEIM' } },
  verwerking: { id: 'test', uri: 'https://verwerkingen.example.nl/test', naam: 'Test', operaties: ALLES },
  trace: { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', flags: '00' },
});
const LEASE = 1000;
const dir = mkdtempSync(path.join(tmpdir(), 'hervatting-'));

const inhoud = (data: Buffer, naam: string) => ({ titel: naam, documenttype: 'Verslag', auteur: 'Regisseur', inhoud: { bestandsnaam: `${naam}.bin`, contentType: 'application/octet-stream', body: bytesOf(data) } });
const plan = (documenten: ReturnType<typeof inhoud>[]) => ({
  omschrijving: 'Gezinsplan Boer',
  regisseur: { identificatie: 'REG-1', achternaam: 'Jansen' },
  clients: [{ bsn: '999990019', geslachtsnaam: 'Boer' }],
  documenten,
});

/** A write of `op` that the zaaksysteem applies and never answers, at its `keer`-th call. */
function sterftBij(fake: FakeRegisters, poort: 'zaken' | 'documenten', op: string, keer: number): void {
  const port = fake[poort] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  const echt = port[op]!;
  let n = 0;
  port[op] = async (...a: unknown[]) => {
    const r = await echt(...a);
    if (++n === keer) return new Promise(() => undefined);
    return r;
  };
}

interface Proces {
  journaal: Journaal;
  uc: ReturnType<typeof journaalUseCases>;
  werker: ReturnType<typeof startJournaalWerker>;
}

async function proces(store: Store, fake: FakeRegisters, naam: string, klok: () => number): Promise<Proces> {
  const journaal = await Journaal.open(store, naam, { leaseMs: LEASE, bewaarMs: 3_600_000 }, klok);
  const spool = await Spool.open(path.join(dir, 'spool'));
  const runs: Runs = new WeakMap();
  const ports = journaalPorts({ zaken: fake.zaken, documenten: fake.documenten, overdracht: fake.overdracht }, runs);
  const deps = { journaal, spool, lezen: ports, runs };
  const uc = journaalUseCases(createUseCases({ ...ports, sloten: inProcesSloten() }), deps);
  const werker = startJournaalWerker({ ...deps, mutaties: uc.mutaties, protocol: { collector: new ProtocolCollector(), store: new InMemoryProtocolStore(), pseudoniem: (b) => b }, config: { leaseMs: LEASE, hervatMs: 3_600_000, spoolPad: '' }, bewaarMs: 3_600_000, log: { info: () => undefined, warn: () => undefined } });
  return { journaal, uc, werker };
}

const KINDS: [string, () => TestDatabases][] = [
  ['SQLite', sqliteDatabases],
  ['PostgreSQL', () => postgresDatabases('hervatting')],
];

describe.each(KINDS)('resumption after a crash (%s)', (_kind, databases) => {
  const dbs = databases();
  let store: Store;
  let fake: FakeRegisters;
  const processen: Proces[] = [];
  beforeEach(async () => {
    store = await (await dbs.nieuw()).open();
    fake = new FakeRegisters();
  });
  afterAll(async () => {
    await Promise.all(processen.map((p) => p.werker.stop()));
    await dbs.opruimen();
    rmSync(dir, { recursive: true, force: true });
  });
  const start = async (naam: string, later = 0) => {
    const p = await proces(store, fake, naam, () => Date.now() + later);
    processen.push(p);
    return p;
  };

  it('completes a create that died after its second document was applied: one zaak, its own reserved identificatie, both documents byte-exact, nothing sent twice', async () => {
    const [a, b] = [randomBytes(5000), randomBytes(7000)];
    sterftBij(fake, 'documenten', 'voegZaakdocumentToe', 2);
    const eerste = await start('p1');
    void lopendeOpdracht.run({ applicatie: 'regie', sleutel: 'k-1' }, () => eerste.uc.useCases.forRequest(ctx()).createGezinsplan(plan([inhoud(a, 'a'), inhoud(b, 'b')])));
    await expect.poll(() => fake.ops().filter((o) => o === 'voegZaakdocumentToe').length).toBe(2);

    const tweede = await start('p2', LEASE + 1);
    expect(await tweede.werker.ronde()).toBe(1);
    expect(fake.zakenStore.size).toBe(1);
    const [zaak] = [...fake.zakenStore.keys()];
    const docs = [...fake.docs.values()].filter((d) => d.zaak === zaak);
    expect(docs.map((d) => createHash('sha256').update(d.bytes).digest('hex')).sort()).toEqual([a, b].map((x) => createHash('sha256').update(x).digest('hex')).sort());
    expect(fake.ops().filter((o) => o === 'genereerZaakIdentificatie' || o === 'creeerZaak' || o === 'voegZaakdocumentToe')).toEqual(['genereerZaakIdentificatie', 'creeerZaak', 'voegZaakdocumentToe', 'voegZaakdocumentToe']);

    // the client's repeat of its key gets the zaak, and sends nothing
    const voor = fake.calls.length;
    const herhaald = await lopendeOpdracht.run({ applicatie: 'regie', sleutel: 'k-1' }, () => tweede.uc.useCases.forRequest(ctx()).createGezinsplan(plan([inhoud(a, 'a'), inhoud(b, 'b')])));
    expect(herhaald).toMatchObject({ identificatie: zaak });
    expect(fake.calls.length).toBe(voor);
    // other content under the same key is another request
    await expect(lopendeOpdracht.run({ applicatie: 'regie', sleutel: 'k-1' }, () => tweede.uc.useCases.forRequest(ctx()).createGezinsplan(plan([inhoud(b, 'a'), inhoud(a, 'b')])))).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('accounts for a reservation whose answer was lost, and reserves anew', async () => {
    sterftBij(fake, 'zaken', 'genereerZaakIdentificatie', 1);
    const eerste = await start('p1');
    void eerste.uc.useCases.forRequest(ctx()).createGezinsplan(plan([]));
    await expect.poll(() => fake.ops().length).toBe(1);
    const tweede = await start('p2', LEASE + 1);
    expect(await tweede.werker.ronde()).toBe(1);
    expect(fake.zakenStore.size).toBe(1);
    const v = await verantwoording(store);
    expect(v.identificaties).toEqual(new Set(fake.zakenStore.keys()));
    // the first reservation (ZAAK-0001, never answered) is accounted for by the referentienummer it went with
    expect(v.onbeantwoord.size).toBe(1);
  });

  it('settles a status change that died after it was applied by reading the statuses, and does not set it twice', async () => {
    const p0 = await start('p0');
    const zaak = (await p0.uc.useCases.forRequest(ctx()).createGezinsplan(plan([]))).identificatie;
    sterftBij(fake, 'zaken', 'actualiseerZaakstatus', 1);
    const eerste = await start('p1');
    void eerste.uc.useCases.forRequest(ctx()).zetStatus(zaak, { statustypeCode: 'INTAKE', statustypeOmschrijving: 'Intake', statustypeVolgnummer: '1' });
    await expect.poll(() => fake.ops().filter((o) => o === 'actualiseerZaakstatus').length).toBe(1);
    const tweede = await start('p2', LEASE + 1);
    expect(await tweede.werker.ronde()).toBe(1);
    expect(fake.ops().filter((o) => o === 'actualiseerZaakstatus')).toHaveLength(1);
    expect(await tweede.journaal.teHervatten(10, 0)).toEqual([]);
  });

  it('lets only one of two processes take over an entry nobody runs', async () => {
    sterftBij(fake, 'zaken', 'creeerZaak', 1);
    const eerste = await start('p1');
    void eerste.uc.useCases.forRequest(ctx()).createGezinsplan(plan([]));
    await expect.poll(() => fake.ops().includes('creeerZaak')).toBe(true);
    const later = () => Date.now() + LEASE + 1;
    const [x, y] = await Promise.all(['p2', 'p3'].map((naam) => Journaal.open(store, naam, { leaseMs: LEASE, bewaarMs: 3_600_000 }, later)));
    const [id] = (await x!.teHervatten(10, 0)).map((e) => e.id);
    expect((await Promise.all([x!.neemOver(id!), y!.neemOver(id!)])).filter(Boolean)).toHaveLength(1);
    expect(await x!.teHervatten(10, 0)).toEqual([]);
  });
});
