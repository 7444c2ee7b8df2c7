import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { Journaal } from '../../../../src/platform/journaal/journaal';
import { postgresDatabases, sqliteDatabases, type TestDatabase, type TestDatabases } from '../../../support/store-databases';

const KINDS: [string, () => TestDatabases][] = [
  ['SQLite', sqliteDatabases],
  ['PostgreSQL', () => postgresDatabases('journaal_veroorzaker')],
];

/** Which caller of ours made a change the zaaksysteem notifies us of (src/platform/notificaties/README.md). */
describe.each(KINDS)('the journal names who changed a zaak (%s)', (_kind, databases) => {
  const dbs = databases();
  let db: TestDatabase;
  beforeEach(async () => {
    db = await dbs.nieuw();
  });
  afterAll(() => dbs.opruimen());

  async function mutatie(j: Journaal, id: string, applicatie: string, operatie: string, args: unknown[], referentie: string | null = null) {
    await j.begin({ id, applicatie, sleutel: null, soort: 'zetStatus', vingerafdruk: id, argumenten: JSON.stringify(['Z-op-entry']), context: '{}', inhoud: [] });
    await j.verzonden(id, { volgnummer: 0, operatie, referentie, argumenten: JSON.stringify(args), verloren: null });
  }

  it('by the zaak in a write of the gebeurtenis kind, the latest, not a zaak whose name only looks alike', async () => {
    const store = await db.open();
    const j = await Journaal.open(store, 'p', { leaseMs: 10_000, bewaarMs: 60_000 });
    await mutatie(j, 'e1', 'regie', 'actualiseerZaakstatus', ['Z_1', { statustype: { code: 'PLAN' } }]);
    await mutatie(j, 'e2', 'wmo', 'updateZaak', ['Z_1', {}]);
    await mutatie(j, 'e3', 'dashboard', 'creeerZaak', [{ identificatie: 'ZA1' }]);
    expect(await j.applicatieVanWijziging('Z_1', ['actualiseerZaakstatus'], 0)).toBe('regie');
    expect(await j.applicatieVanWijziging('Z_1', ['updateZaak'], 0)).toBe('wmo');
    // '_' is no wildcard: ZA1 is another zaak
    expect(await j.applicatieVanWijziging('Z_1', ['creeerZaak'], 0)).toBeUndefined();
    expect(await j.applicatieVanWijziging('ZA1', ['creeerZaak'], 0)).toBe('dashboard');
    // the entry's own arguments count (a document change names the document in the write, the zaak in the use case)
    expect(await j.applicatieVanWijziging('Z-op-entry', ['updateZaak'], 0)).toBe('wmo');
    expect(await j.applicatieVanWijziging('Z_1', ['actualiseerZaakstatus'], Date.now() + 60_000)).toBeUndefined();
    await store.close();
  });

  it('by the referentienummer an overdragenZaak carried', async () => {
    const store = await db.open();
    const j = await Journaal.open(store, 'p', { leaseMs: 10_000, bewaarMs: 60_000 });
    await mutatie(j, 'o1', 'regie', 'overdragenZaak', [{ identificatie: 'Z-1' }], 'kenmerk-1');
    expect(await j.applicatieVanOverdracht('kenmerk-1')).toBe('regie');
    expect(await j.applicatieVanOverdracht('kenmerk-2')).toBeUndefined();
    await store.close();
  });
});
