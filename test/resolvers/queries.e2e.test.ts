import { beforeEach, describe, expect, it } from 'vitest';
import { isValidBsn } from '../../src/core/domain/bsn';
import { systemContext } from '../../src/core/domain/request-context';
import { fullDate } from '../../src/core/domain/stuf-date';
import type { NieuweZaak } from '../../src/core/domain/zaak';
import { DEMO_BSN, DEMO_DOCUMENT, DEMO_ZAAK } from '../../src/zaaksysteem/demo/demo-data';
import { appHarnessPerFile } from '../src/app/app-harness';
import { gelijkVan, scopeVan, zakLv01s } from './stuf-bericht';

const h = appHarnessPerFile();

/** The first `n` nine-digit numbers from 100000000 up that pass the 11-proef. */
function geldigeBsns(n: number): string[] {
  const out: string[] = [];
  for (let i = 100_000_000; out.length < n; i++) if (isValidBsn(String(i))) out.push(String(i));
  return out;
}
beforeEach(() => {
  h.recording.calls.length = 0;
});

describe('queries over the embedded zaaksysteem', () => {
  it('gezinsplan(identificatie) with nested plans, statuses and documents', async () => {
    const r = await h.gql(`{
      gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") {
        identificatie omschrijving open
        regisseur { identificatie achternaam }
        clients { bsn geslachtsnaam }
        belanghebbenden { bsn omschrijving }
        statussen { statustype { code } datumStatusGezet }
        levensdomeinplannen { identificatie gezinsplan { identificatie } }
        deelplannen { identificatie zaaktype { code } }
        documenten { identificatie titel }
      } }`);
    expect(r.errors).toBeUndefined();
    const g = r.data!.gezinsplan as Record<string, unknown>;
    expect(g).toMatchObject({
      identificatie: DEMO_ZAAK.gezinsplanJansen,
      omschrijving: 'Gezinsplan gezin Jansen',
      open: true,
      regisseur: { identificatie: 'REG-0001', achternaam: 'de Vries' },
      clients: [{ bsn: DEMO_BSN.annaJansen }, { bsn: DEMO_BSN.bramJansen }],
      belanghebbenden: [{ bsn: DEMO_BSN.oma }],
      levensdomeinplannen: [{ identificatie: DEMO_ZAAK.levensdomeinplanJansen, gezinsplan: { identificatie: DEMO_ZAAK.gezinsplanJansen } }],
    });
    expect((g.statussen as { statustype: { code: string } }[]).map((s) => s.statustype.code)).toEqual(['INTAKE', 'PLAN']);
    // created as deelplan by the regiesysteem, and one created by a backoffice and linked later (RZS §4.7)
    expect((g.deelplannen as { identificatie: string }[]).map((d) => d.identificatie).sort()).toEqual(
      [DEMO_ZAAK.deelplanJeugdJansen, DEMO_ZAAK.deelplanSchuldJansen, DEMO_ZAAK.deelplanWmoJansen].sort(),
    );
    expect((g.documenten as { identificatie: string }[]).map((d) => d.identificatie)).toEqual([DEMO_DOCUMENT.gezinsplanPdf, DEMO_DOCUMENT.verslagKeukentafel]);
    // one zakLv01 for the gezinsplan (statuses in its scope), one search for its related zaken, one for the
    // levensdomeinplan's gezinsplan, one document list: no geefZaakstatus, no call per field
    expect(h.recording.calls.map((c) => c.operation).sort()).toEqual(['geefLijstZaakdocumenten', 'geefZaakdetails', 'geefZaakdetails', 'geefZaakdetails']);
  });

  it('a zaak that is not a gezinsplan is not found as one; deelplan() finds it with its plans', async () => {
    const r = await h.gql(`{
      geen: gezinsplan(identificatie: "${DEMO_ZAAK.deelplanWmoJansen}") { identificatie }
      deelplan(identificatie: "${DEMO_ZAAK.deelplanWmoJansen}") {
        identificatie initiator { medewerker { identificatie } client { bsn } }
        gezinsplan { identificatie } levensdomeinplan { identificatie }
      }
      levensdomeinplan(identificatie: "${DEMO_ZAAK.levensdomeinplanJansen}") { identificatie deelplannen { identificatie } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data).toMatchObject({
      geen: null,
      deelplan: { identificatie: DEMO_ZAAK.deelplanWmoJansen, gezinsplan: { identificatie: DEMO_ZAAK.gezinsplanJansen } },
    });
  });

  it('gezinsplannenVoorClient(bsn) finds the plans in which the person is a client, not a belanghebbende', async () => {
    const client = await h.gql(`query($bsn: String!) { gezinsplannenVoorClient(bsn: $bsn) { identificatie } }`, { bsn: DEMO_BSN.bramJansen });
    expect(client.data).toEqual({ gezinsplannenVoorClient: [{ identificatie: DEMO_ZAAK.gezinsplanJansen }] });
    const oma = await h.gql(`query($bsn: String!) { gezinsplannenVoorClient(bsn: $bsn) { identificatie } }`, { bsn: DEMO_BSN.oma });
    expect(oma.data).toEqual({ gezinsplannenVoorClient: [] });
  });

  it('heeftGezinsplan answers per BSN with one minimal zakLv01 per distinct BSN', async () => {
    const bsns = [DEMO_BSN.annaJansen, DEMO_BSN.oma, DEMO_BSN.sannePetersen, DEMO_BSN.annaJansen];
    const r = await h.gql(`query($bsns: [String!]!) { heeftGezinsplan(bsns: $bsns) { bsn heeftGezinsplan } }`, { bsns });
    expect(r.data).toEqual({
      heeftGezinsplan: [
        { bsn: DEMO_BSN.annaJansen, heeftGezinsplan: true },
        { bsn: DEMO_BSN.oma, heeftGezinsplan: false },
        { bsn: DEMO_BSN.sannePetersen, heeftGezinsplan: true },
        { bsn: DEMO_BSN.annaJansen, heeftGezinsplan: true },
      ],
    });
    expect(h.recording.calls).toHaveLength(3);
  });

  it('heeftGezinsplan for 1,000 BSNs: 1,000 zakLv01 calls, never more than perRequest at once', async () => {
    const bsns = geldigeBsns(999).concat(DEMO_BSN.annaJansen);
    h.inFlight.max = 0;
    const start = performance.now();
    const r = await h.gql<{ heeftGezinsplan: { heeftGezinsplan: boolean }[] }>(`query($bsns: [String!]!) { heeftGezinsplan(bsns: $bsns) { heeftGezinsplan } }`, { bsns });
    const ms = performance.now() - start;
    expect(r.errors).toBeUndefined();
    expect(r.data!.heeftGezinsplan.filter((a) => a.heeftGezinsplan)).toHaveLength(1);
    expect(h.recording.calls).toHaveLength(1000);
    expect(h.inFlight.max).toBe(8);
    console.info(`heeftGezinsplan, 1,000 BSNs: ${Math.round(ms)} ms`);
    // schema validation of a sample: the 1,000 messages differ only in the BSN
    h.recording.calls.splice(5);
  });

  it('document content only when selected, as base64', async () => {
    await h.gql(`{ gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { documenten { titel } } }`);
    expect(h.recording.of('geefZaakdocumentLezen')).toHaveLength(0);
    const r = await h.gql(`{ gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanElAmrani}") { documenten { identificatie inhoud { bestandsnaam contentType grootte base64 } } } }`);
    expect(r.errors).toBeUndefined();
    const [doc] = (r.data!.gezinsplan as { documenten: { inhoud: { grootte: number; base64: string } }[] }).documenten;
    expect(Buffer.from(doc!.inhoud.base64, 'base64').byteLength).toBe(doc!.inhoud.grootte);
    expect(h.recording.of('geefZaakdocumentLezen')).toHaveLength(1);
  });
});

describe('StUF scope derived from the selection set', () => {
  it('gezinsplan: geefZaakdetails of that zaak, with the selected fields plus identificatie and the zaaktype', async () => {
    await h.gql(`{ gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { omschrijving clients { bsn } geenWaarde { veld } } }`);
    const [call] = zakLv01s(h.recording.calls);
    // the zaaktype tells whether the zaak is a gezinsplan; a read by identificatie is no search (answer identity)
    expect(scopeVan(call!)).toEqual(['identificatie', 'omschrijving', 'isVan', 'heeftBetrekkingOp']);
    expect(gelijkVan(call!)).toEqual({ identificatie: DEMO_ZAAK.gezinsplanJansen });
  });

  it('gezinsplannenVoorClient: dates and the regisseur, through a fragment', async () => {
    await h.gql(
      `query($bsn: String!) { gezinsplannenVoorClient(bsn: $bsn) { ...plan } } fragment plan on Zaak { startdatum einddatumGepland ... on Gezinsplan { regisseur { achternaam } } }`,
      { bsn: DEMO_BSN.annaJansen },
    );
    const [call] = zakLv01s(h.recording.calls);
    expect(scopeVan(call!)).toEqual(['identificatie', 'startdatum', 'einddatumGepland', 'heeftAlsInitiator']);
    expect(gelijkVan(call!)).toEqual({ 'isVan/code': 'GZP', 'heeftBetrekkingOp/identificatie': DEMO_BSN.annaJansen, 'heeftBetrekkingOp/typering': 'NPS' });
  });

  it('heeftGezinsplan: identificatie and einddatum only; with alleenOpen=false identificatie only', async () => {
    await h.gql(`{ heeftGezinsplan(bsns: ["${DEMO_BSN.annaJansen}"]) { heeftGezinsplan } }`);
    await h.gql(`{ heeftGezinsplan(bsns: ["${DEMO_BSN.annaJansen}"], alleenOpen: false) { heeftGezinsplan } }`);
    expect(zakLv01s(h.recording.calls).map(scopeVan)).toEqual([['identificatie', 'einddatum'], ['identificatie']]);
  });

  it('@skip and @include change the scope', async () => {
    await h.gql(`query($zonder: Boolean!) { gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { toelichting @skip(if: $zonder) startdatum @include(if: $zonder) } }`, { zonder: true });
    expect(scopeVan(zakLv01s(h.recording.calls)[0]!)).toEqual(['identificatie', 'startdatum', 'isVan']);
  });
});

/** A zaak of one client, as a regiesysteem would create it (RZS §6.3, §6.6). */
function zaakVoor(bsn: string, identificatie: string, code: string, gerelateerdeZaken: NieuweZaak['gerelateerdeZaken']): NieuweZaak {
  return {
    identificatie,
    zaaktype: { code, omschrijving: `Zaaktype ${code}` },
    omschrijving: `${code} ${identificatie}`,
    startdatum: fullDate('2026-03-01'),
    registratiedatum: fullDate('2026-03-01'),
    initiator: { soort: 'medewerker', medewerker: { identificatie: 'REG-9', achternaam: 'Regisseur' } },
    clients: [{ bsn, geslachtsnaam: 'Veel' }],
    belanghebbenden: [],
    uitvoerenden: [],
    gerelateerdeZaken,
  };
}

describe('no N+1', () => {
  it('20 gezinsplannen with deelplannen and statuses: one search, then one search per gezinsplan', async () => {
    const bsn = '999990068';
    const uc = { ctx: systemContext('arrange'), ...h.ports };
    const plannen = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const identificatie = await uc.zaken.genereerZaakIdentificatie(uc.ctx);
        await uc.zaken.creeerZaak(uc.ctx, zaakVoor(bsn, identificatie, 'GZP', []));
        for (const code of ['WMO', 'JEUGD']) {
          const dp = await uc.zaken.genereerZaakIdentificatie(uc.ctx);
          await uc.zaken.creeerZaak(uc.ctx, zaakVoor(bsn, dp, code, [{ identificatie }]));
          await uc.zaken.actualiseerZaakstatus(uc.ctx, dp, { statustype: { code: 'INTAKE', omschrijving: 'Intake afgerond', volgnummer: '1' }, datumStatusGezet: '20260302100000' });
        }
        return identificatie;
      }),
    );
    h.recording.calls.length = 0;
    const r = await h.gql(`query($bsn: String!) { gezinsplannenVoorClient(bsn: $bsn) {
      identificatie statussen { statustype { code } }
      deelplannen { identificatie omschrijving statussen { statustype { code } datumStatusGezet } }
    } }`, { bsn });
    expect(r.errors).toBeUndefined();
    const gevonden = r.data!.gezinsplannenVoorClient as { identificatie: string; deelplannen: { statussen: unknown[] }[] }[];
    expect(gevonden.map((g) => g.identificatie).sort()).toEqual([...plannen].sort());
    expect(gevonden.every((g) => g.deelplannen.length === 2 && g.deelplannen.every((d) => d.statussen.length === 1))).toBe(true);
    expect(h.recording.calls).toHaveLength(21);
    expect(new Set(h.recording.calls.map((c) => c.operation))).toEqual(new Set(['geefZaakdetails']));
  });

  it('identical questions in one request are asked once', async () => {
    await h.gql(`{
      a: gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { omschrijving }
      b: gezinsplan(identificatie: "${DEMO_ZAAK.gezinsplanJansen}") { omschrijving }
    }`);
    expect(h.recording.calls).toHaveLength(1);
  });
});
