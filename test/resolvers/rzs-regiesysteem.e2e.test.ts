import { describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../soap-clients/transport/recording-transport';
import { NS } from '../../soap-clients/xml/namespaces';
import { today } from '../../src/core/domain/stuf-date';
import { attr, childrenOf, parseXml, path, type XEl } from '../../soap-clients/xml/xml-parser';
import { appHarnessPerFile } from '../src/app/app-harness';
import { scopeVan } from './stuf-bericht';

/**
 * The StUF Testplatform test set "Regie- en Zaakservices 1.0", sheet Regiesysteem (../shared/rzs/testset-rzs-1.0.md),
 * scenarios 1-5, 8-11, 13-17 as far as a regiesysteem consumer sends them, each reproduced through GraphQL,
 * with the messages sent checked for their content and (afterAll) validated against the official schemas.
 */
const h = appHarnessPerFile({ demo: false });

const BSN = ['999990019', '999990020', '999990032', '999990044', '999990068', '999990081', '999993653'];
const mdw = (n: number) => ({ identificatie: `MDW-${n}`, achternaam: `Medewerker ${n}` });
const ves = (n: number) => ({ vestigingsNummer: `00000000000${n}`, handelsnaam: `Zorg ${n} BV` });
const persoon = (i: number) => ({ bsn: BSN[i]!, geslachtsnaam: `Persoon${i}` });

/** One scenario step: the operations sent during `run`, in order. */
async function stap<T>(run: () => Promise<T>): Promise<{ result: T; calls: RecordedCall[] }> {
  const from = h.recording.calls.length;
  const result = await run();
  return { result, calls: h.recording.calls.slice(from) };
}

async function gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const r = await h.gql<T>(query, variables);
  expect(r.errors).toBeUndefined();
  return r.data!;
}

const zaakObjecten = (call: RecordedCall): XEl[] => childrenOf(parseXml(call.requestXml), NS.ZKN, 'object');
const aantal = (object: XEl, relatie: string) => childrenOf(object, NS.ZKN, relatie).length;
const relaties = (object: XEl) =>
  Object.fromEntries(['heeftBetrekkingOp', 'heeftAlsBelanghebbende', 'heeftAlsInitiator', 'heeftAlsUitvoerende', 'heeftBetrekkingOpAndere'].map((r) => [r, aantal(object, r)]));

const CREATE = `mutation($invoer: GezinsplanInput!) { createGezinsplan(invoer: $invoer) { identificatie clients { bsn } } }`;
const created: Record<string, string> = {};

describe('1 Creëer gezinsplan: genereerZaakIdentificatie and creeerZaak', () => {
  const varianten = [
    { naam: 'gzp1', invoer: { clients: [persoon(0)], belanghebbenden: [{ persoon: persoon(1), omschrijving: 'Mantelzorger' }], uitvoerenden: [{ medewerker: mdw(2) }] }, verwacht: [1, 1, 1, 1, 0] },
    { naam: 'gzp2', invoer: { clients: [persoon(0)] }, verwacht: [1, 0, 1, 0, 0] },
    {
      naam: 'gzp3',
      invoer: {
        clients: [persoon(0), persoon(2), persoon(3)],
        belanghebbenden: [{ persoon: persoon(1) }, { persoon: persoon(4) }],
        uitvoerenden: [{ medewerker: mdw(2) }, { medewerker: mdw(3) }, { vestiging: ves(1) }, { vestiging: ves(2) }],
      },
      verwacht: [3, 2, 1, 4, 0],
    },
  ];
  for (const v of varianten) {
    it(`${v.naam}: ${v.verwacht.join('/')} clients/belanghebbenden/initiator/uitvoerenden`, async () => {
      const { result, calls } = await stap(() => gql<{ createGezinsplan: { identificatie: string } }>(CREATE, { invoer: { omschrijving: `Gezinsplan ${v.naam}`, regisseur: mdw(1), ...v.invoer } }));
      created[v.naam] = result.createGezinsplan.identificatie;
      expect(calls.map((c) => c.operation)).toEqual(['genereerZaakIdentificatie', 'creeerZaak', 'geefZaakdetails']);
      const [object] = zaakObjecten(calls[1]!);
      const [heeftBetrekkingOp, heeftAlsBelanghebbende, heeftAlsInitiator, heeftAlsUitvoerende, heeftBetrekkingOpAndere] = v.verwacht;
      expect(relaties(object!)).toEqual({ heeftBetrekkingOp, heeftAlsBelanghebbende, heeftAlsInitiator, heeftAlsUitvoerende, heeftBetrekkingOpAndere });
      expect(calls[1]!.requestXml).toContain(`<ZKN:identificatie>${created[v.naam]}</ZKN:identificatie>`);
    });
  }
});

describe('2 Creëer levensdomeinplan and 3 Creëer deelplan', () => {
  const LDP = `mutation($invoer: LevensdomeinplanInput!) { createLevensdomeinplan(invoer: $invoer) { identificatie gezinsplan { identificatie } } }`;
  const DP = `mutation($invoer: DeelplanInput!) { createDeelplan(invoer: $invoer) { identificatie gezinsplan { identificatie } levensdomeinplan { identificatie } } }`;
  const varianten = [
    { n: 1, gzp: 'gzp1', extra: { belanghebbenden: [{ persoon: persoon(1) }], uitvoerenden: [{ medewerker: mdw(2) }] }, clients: [persoon(0)] },
    { n: 2, gzp: 'gzp2', extra: {}, clients: [persoon(0)] },
    { n: 3, gzp: 'gzp3', extra: { belanghebbenden: [{ persoon: persoon(1) }, { persoon: persoon(4) }], uitvoerenden: [{ medewerker: mdw(2) }, { medewerker: mdw(3) }, { vestiging: ves(1) }, { vestiging: ves(2) }] }, clients: [persoon(0), persoon(2)] },
  ];
  for (const v of varianten) {
    it(`levensdomeinplan ${v.n} relates to ${v.gzp}; deelplan ${v.n} to ${v.gzp} and that levensdomeinplan`, async () => {
      const ldp = await stap(() => gql<{ createLevensdomeinplan: { identificatie: string; gezinsplan: { identificatie: string } } }>(LDP, { invoer: { omschrijving: `Levensdomein ${v.n}`, regisseur: mdw(1), clients: v.clients, gezinsplan: created[v.gzp], ...v.extra } }));
      expect(ldp.result.createLevensdomeinplan.gezinsplan.identificatie).toBe(created[v.gzp]);
      const creeer = ldp.calls.find((c) => c.operation === 'creeerZaak')!;
      expect(relaties(zaakObjecten(creeer)[0]!).heeftBetrekkingOpAndere).toBe(1);
      created[`ldp${v.n}`] = ldp.result.createLevensdomeinplan.identificatie;

      const dp = await stap(() =>
        gql<{ createDeelplan: { identificatie: string; gezinsplan: { identificatie: string }; levensdomeinplan: { identificatie: string } } }>(DP, {
          invoer: { omschrijving: `Deelplan ${v.n}`, zaaktype: { code: 'WMO', omschrijving: 'Maatwerkvoorziening Wmo' }, initiator: { medewerker: mdw(2) }, clients: v.clients, gezinsplan: created[v.gzp], levensdomeinplan: created[`ldp${v.n}`], ...v.extra },
        }),
      );
      expect(dp.result.createDeelplan).toMatchObject({ gezinsplan: { identificatie: created[v.gzp] }, levensdomeinplan: { identificatie: created[`ldp${v.n}`] } });
      const dpObject = zaakObjecten(dp.calls.find((c) => c.operation === 'creeerZaak')!)[0]!;
      expect(relaties(dpObject)).toMatchObject({ heeftBetrekkingOp: v.clients.length, heeftBetrekkingOpAndere: 2 });
      created[`dp${v.n}`] = dp.result.createDeelplan.identificatie;
    });
  }
});

describe('4-5 genereerDocumentIdentificatie and voegZaakdocumentToe; 15-16 geefLijstZaakdocumenten and geefZaakdocumentLezen', () => {
  it('adds a document to the gezinsplan and reads it back byte-exact', async () => {
    const inhoud = Buffer.from('Gezinsplan: afspraken met het gezin\n'.repeat(100));
    const toe = await stap(() =>
      gql<{ voegDocumentToe: { identificatie: string; titel: string } }>(
        `mutation($zaak: String!, $doc: DocumentInput!) { voegDocumentToe(zaak: $zaak, document: $doc) { identificatie titel } }`,
        { zaak: created.gzp1, doc: { titel: 'Gezinsplan', documenttype: 'Gezinsplan', auteur: 'Regisseur', bestandsnaam: 'gezinsplan.txt', contentType: 'text/plain', inhoudBase64: inhoud.toString('base64') } },
      ),
    );
    // the zaak is read first: no document identificatie is reserved for a zaak that does not exist
    expect(toe.calls.map((c) => c.operation)).toEqual(['geefZaakdetails', 'genereerDocumentIdentificatie', 'voegZaakdocumentToe', 'geefLijstZaakdocumenten']);
    expect(toe.calls[2]!.requestXml).toContain(`<ZKN:identificatie>${toe.result.voegDocumentToe.identificatie}</ZKN:identificatie>`);
    const lees = await stap(() =>
      gql<{ gezinsplan: { documenten: { identificatie: string; inhoud: { base64: string } }[] } }>(`{ gezinsplan(identificatie: "${created.gzp1}") { documenten { identificatie inhoud { base64 } } } }`),
    );
    expect(lees.calls.map((c) => c.operation)).toEqual(['geefZaakdetails', 'geefLijstZaakdocumenten', 'geefZaakdocumentLezen']);
    expect(Buffer.from(lees.result.gezinsplan.documenten[0]!.inhoud.base64, 'base64').equals(inhoud)).toBe(true);
  });
});

const UPDATE = (soort: string, input = 'PlanWijzigingInput') => `mutation($id: String!, $w: ${input}!) { update${soort}(identificatie: $id, wijziging: $w) { identificatie omschrijving toelichting einddatumGepland clients { bsn } belanghebbenden { bsn } uitvoerenden { medewerker { identificatie } vestiging { vestigingsNummer } } } }`;

/** updateZaak is a zakLk01 with two objects: oud (as it was) and nieuw (as it must become), StUF 03.01 §5.5.3. */
function oudNieuw(calls: RecordedCall[]): [XEl, XEl] {
  const update = calls.filter((c) => c.operation === 'updateZaak');
  expect(update).toHaveLength(1);
  const objects = zaakObjecten(update[0]!);
  expect(objects).toHaveLength(2);
  return [objects[0]!, objects[1]!];
}

describe('8-10 updateZaak of gezinsplan, levensdomeinplan and deelplan', () => {
  it('8.1 gezinsplan: an existing attribute changes (oud holds the old value)', async () => {
    const { result, calls } = await stap(() => gql<{ updateGezinsplan: { omschrijving: string } }>(UPDATE('Gezinsplan'), { id: created.gzp1, w: { omschrijving: 'Gezinsplan gzp1 herzien' } }));
    expect(result.updateGezinsplan.omschrijving).toBe('Gezinsplan gzp1 herzien');
    const [oud, nieuw] = oudNieuw(calls);
    expect(oud.children.find((c) => c.local === 'omschrijving')?.text).toBe('Gezinsplan gzp1');
    expect(nieuw.children.find((c) => c.local === 'omschrijving')?.text).toBe('Gezinsplan gzp1 herzien');
  });

  it('8.2 gezinsplan: all attributes change', async () => {
    const w = { omschrijving: 'Alles nieuw', toelichting: 'Herzien na evaluatie', startdatum: '2026-02-01', einddatumGepland: '2027-01-31', uiterlijkeEinddatum: '2027-06-30' };
    const { result } = await stap(() => gql<{ updateGezinsplan: Record<string, unknown> }>(UPDATE('Gezinsplan'), { id: created.gzp2, w }));
    expect(result.updateGezinsplan).toMatchObject({ omschrijving: 'Alles nieuw', toelichting: 'Herzien na evaluatie', einddatumGepland: '2027-01-31' });
  });

  it('8.3 gezinsplan: a belanghebbende is added', async () => {
    const { result, calls } = await stap(() => gql<{ updateGezinsplan: { belanghebbenden: { bsn: string }[] } }>(UPDATE('Gezinsplan'), { id: created.gzp2, w: { belanghebbenden: { toevoegen: [{ persoon: persoon(5), omschrijving: 'Buurvrouw' }] } } }));
    expect(result.updateGezinsplan.belanghebbenden.map((b) => b.bsn)).toEqual([BSN[5]]);
    const [, nieuw] = oudNieuw(calls);
    expect(aantal(nieuw, 'heeftAlsBelanghebbende')).toBeGreaterThanOrEqual(1);
  });

  it('9.1-9.2 levensdomeinplan: one attribute, then all attributes change', async () => {
    await stap(() => gql(UPDATE('Levensdomeinplan'), { id: created.ldp1, w: { toelichting: 'Werk en inkomen' } }));
    const { result } = await stap(() => gql<{ updateLevensdomeinplan: Record<string, unknown> }>(UPDATE('Levensdomeinplan'), { id: created.ldp2, w: { omschrijving: 'LDP herzien', toelichting: 'Alles', einddatumGepland: '2027-03-31' } }));
    expect(result.updateLevensdomeinplan).toMatchObject({ omschrijving: 'LDP herzien', einddatumGepland: '2027-03-31' });
  });

  it('9.3 levensdomeinplan: an uitvoerende medewerker is removed', async () => {
    const { result } = await stap(() =>
      gql<{ updateLevensdomeinplan: { uitvoerenden: { medewerker: { identificatie: string } | null }[] } }>(UPDATE('Levensdomeinplan'), { id: created.ldp3, w: { uitvoerenden: { verwijderen: [{ medewerkerIdentificatie: 'MDW-3' }] } } }),
    );
    const mdws = result.updateLevensdomeinplan.uitvoerenden.flatMap((u) => (u.medewerker ? [u.medewerker.identificatie] : []));
    expect(mdws).toEqual(['MDW-2']);
  });

  it('10.1-10.2 deelplan: one attribute, then all attributes change', async () => {
    await stap(() => gql(UPDATE('Deelplan'), { id: created.dp1, w: { omschrijving: 'Dagbesteding' } }));
    const { result } = await stap(() => gql<{ updateDeelplan: Record<string, unknown> }>(UPDATE('Deelplan'), { id: created.dp2, w: { omschrijving: 'DP herzien', toelichting: 'Alles', einddatumGepland: '2027-04-30', uiterlijkeEinddatum: '2027-05-31' } }));
    expect(result.updateDeelplan).toMatchObject({ omschrijving: 'DP herzien', toelichting: 'Alles' });
  });

  it('10.3 deelplan: an uitvoerende vestiging is replaced by another in one updateZaak', async () => {
    const { result, calls } = await stap(() =>
      gql<{ updateDeelplan: { uitvoerenden: { vestiging: { vestigingsNummer: string } | null }[] } }>(UPDATE('Deelplan'), {
        id: created.dp3,
        w: { uitvoerenden: { verwijderen: [{ vestigingsNummer: ves(1).vestigingsNummer }], toevoegen: [{ vestiging: ves(3) }] } },
      }),
    );
    oudNieuw(calls);
    const vestigingen = result.updateDeelplan.uitvoerenden.flatMap((u) => (u.vestiging ? [u.vestiging.vestigingsNummer] : [])).sort();
    expect(vestigingen).toEqual([ves(2).vestigingsNummer, ves(3).vestigingsNummer]);
  });
});

describe('11 actualiseerZaakstatus, 13 geefZaakstatus, 14 geefZaakdetails with only belanghebbenden', () => {
  it('sets a status and reads the history back', async () => {
    const { result, calls } = await stap(() =>
      gql<{ zetStatus: { statussen: { statustype: { code: string }; datumStatusGezet: string }[] } }>(
        `mutation($zaak: String!, $s: StatusInput!) { zetStatus(zaak: $zaak, status: $s) { ... on Zaak { statussen { statustype { code } datumStatusGezet } } } }`,
        { zaak: created.gzp2, s: { statustypeCode: 'INTAKE', statustypeOmschrijving: 'Intake afgerond', statustypeVolgnummer: '1', datumStatusGezet: '2026-02-02T09:30:00+01:00', gezetDoor: mdw(1) } },
      ),
    );
    expect(calls[0]!.operation).toBe('actualiseerZaakstatus');
    expect(result.zetStatus.statussen).toEqual([{ statustype: { code: 'INTAKE' }, datumStatusGezet: '2026-02-02T09:30:00' }]);
  });

  it('13 statuses of a gezinszaak come from a zakLv01 whose scope holds heeft', async () => {
    const { calls } = await stap(() => gql(`{ gezinsplan(identificatie: "${created.gzp2}") { statussen { statustype { code omschrijving } } } }`));
    expect(scopeVan(calls[0]!)).toEqual(['identificatie', 'isVan', 'heeft']);
  });

  it('14 a zakLv01 asking only for the belanghebbenden', async () => {
    const { result, calls } = await stap(() => gql<{ gezinsplan: { belanghebbenden: { bsn: string; omschrijving: string }[] } }>(`{ gezinsplan(identificatie: "${created.gzp2}") { belanghebbenden { bsn omschrijving } } }`));
    expect(scopeVan(calls[0]!)).toEqual(['identificatie', 'isVan', 'heeftAlsBelanghebbende']);
    expect(result.gezinsplan.belanghebbenden).toEqual([{ bsn: BSN[5], omschrijving: 'Buurvrouw' }]);
  });
});

describe('RZS §4.6-4.7: a zaak created in a backoffice, linked to the gezinsplan by the regisseur', () => {
  it('koppelZaakAanGezinsplan adds heeftBetrekkingOpAndere with updateZaak; the gezinsplan then lists it', async () => {
    const ctx = { requestId: 'backoffice' };
    const identificatie = await h.ports.zaken.genereerZaakIdentificatie(ctx);
    await h.ports.zaken.creeerZaak(ctx, {
      identificatie,
      zaaktype: { code: 'SCHULD', omschrijving: 'Schuldhulpverlening' },
      omschrijving: 'Schuldhulp aangevraagd bij de backoffice',
      startdatum: { iso: '2026-04-01', precision: 'dag' },
      registratiedatum: { iso: '2026-04-01', precision: 'dag' },
      initiator: { soort: 'natuurlijkPersoon', persoon: persoon(0) },
      clients: [persoon(0)],
      belanghebbenden: [],
      uitvoerenden: [],
      gerelateerdeZaken: [],
    });
    const { result, calls } = await stap(() =>
      gql<{ koppelZaakAanGezinsplan: { __typename: string; identificatie: string; gezinsplan: { identificatie: string } } }>(
        `mutation { koppelZaakAanGezinsplan(zaak: "${identificatie}", gezinsplan: "${created.gzp1}") { __typename identificatie ... on Deelplan { gezinsplan { identificatie } } } }`,
      ),
    );
    expect(result.koppelZaakAanGezinsplan).toEqual({ __typename: 'Deelplan', identificatie, gezinsplan: { identificatie: created.gzp1 } });
    const [oud, nieuw] = oudNieuw(calls);
    // StUF 03.01 §5.2.7: an added relation is empty (noValue) in oud and filled in nieuw, both verwerkingssoort T
    const [relOud, relNieuw] = [oud, nieuw].map((o) => childrenOf(o, NS.ZKN, 'heeftBetrekkingOpAndere'));
    expect([relOud!.length, relNieuw!.length]).toEqual([1, 1]);
    expect([relOud![0]!, relNieuw![0]!].map((r) => attr(r, NS.StUF, 'verwerkingssoort'))).toEqual(['T', 'T']);
    expect(path(relOud![0], [NS.ZKN, 'gerelateerde'], [NS.ZKN, 'identificatie'])).toBeUndefined();
    expect(path(relNieuw![0], [NS.ZKN, 'gerelateerde'], [NS.ZKN, 'identificatie'])?.text).toBe(created.gzp1);
    const gzp = await gql<{ gezinsplan: { deelplannen: { identificatie: string }[] } }>(`{ gezinsplan(identificatie: "${created.gzp1}") { deelplannen { identificatie } } }`);
    expect(gzp.gezinsplan.deelplannen.map((d) => d.identificatie)).toContain(identificatie);
  });
});

describe('createGezinsplan with initial documents', () => {
  it('creates the zaak, then per document genereerDocumentIdentificatie and voegZaakdocumentToe', async () => {
    const doc = (titel: string) => ({ titel, documenttype: 'Gezinsplan', auteur: 'Regisseur', bestandsnaam: `${titel}.txt`, contentType: 'text/plain', inhoudBase64: Buffer.from(titel).toString('base64') });
    const { result, calls } = await stap(() =>
      gql<{ createGezinsplan: { identificatie: string; documenten: { titel: string }[] } }>(
        `mutation($invoer: GezinsplanInput!) { createGezinsplan(invoer: $invoer) { identificatie documenten { titel } } }`,
        { invoer: { omschrijving: 'Met documenten', regisseur: mdw(1), clients: [persoon(6)], documenten: [doc('Plan'), doc('Toestemming')] } },
      ),
    );
    expect(calls.map((c) => c.operation)).toEqual([
      'genereerZaakIdentificatie',
      'creeerZaak',
      'genereerDocumentIdentificatie',
      'voegZaakdocumentToe',
      'genereerDocumentIdentificatie',
      'voegZaakdocumentToe',
      'geefZaakdetails',
      'geefLijstZaakdocumenten',
    ]);
    expect(result.createGezinsplan.documenten.map((d) => d.titel).sort()).toEqual(['Plan', 'Toestemming']);
  });
});

describe('17 overdragenZaak and closing', () => {
  it('hands a deelplan over to a backoffice with overdragenZaak_Di01 (identificatie and zaaktype)', async () => {
    const { calls } = await stap(() => gql(`mutation { overdragenDeelplan(identificatie: "${created.dp1}", ontvanger: "WMO-BACKOFFICE") { identificatie } }`));
    const overdracht = calls.filter((c) => c.operation === 'overdragenZaak');
    expect(overdracht).toHaveLength(1);
    expect(overdracht[0]!.requestXml).toContain(`<ZKN:identificatie>${created.dp1}</ZKN:identificatie>`);
    expect(overdracht[0]!.requestXml).toContain('<ZKN:code>WMO</ZKN:code>');
    expect(overdracht[0]!.requestXml).toContain('WMO-BACKOFFICE');
  });

  it('sluitZaak sets einddatum and resultaat; open becomes false', async () => {
    // the deelplan started today (its startdatum defaults to the Dutch date), and cannot end before it
    const einddatum = today().iso;
    const r = await gql<{ sluitZaak: { open: boolean; einddatum: string; resultaat: { omschrijving: string } } }>(
      `mutation { sluitZaak(zaak: "${created.dp2}", invoer: { resultaatOmschrijving: "Doelen bereikt", einddatum: "${einddatum}" }) { open einddatum resultaat { omschrijving } } }`,
    );
    expect(r.sluitZaak).toEqual({ open: false, einddatum, resultaat: { omschrijving: 'Doelen bereikt' } });
  });
});
