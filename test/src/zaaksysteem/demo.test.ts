import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectBytes } from '../../../src/core/domain/document';
import { systemContext } from '../../../src/core/domain/request-context';
import { ZAAK_VELDEN } from '../../../src/core/domain/zaak';
import { DEMO_BSN, DEMO_DOCUMENT, DEMO_PDF_BYTES, DEMO_ZAAK } from '../../../src/zaaksysteem/demo/demo-data';
import { pdfLikeDocument } from '../../../src/zaaksysteem/demo/pdf-like';
import { startEmbeddedZaaksysteem } from '../../../src/zaaksysteem/embedded';
import { AnswerLog, embeddedZaaksysteem } from './embedded-fixture';
import { registersFor } from './registers';

/** A fresh embedded zaaksysteem seeds its demo data through its own SOAP services; the facade can read it. */
const zs = embeddedZaaksysteem({ demo: true });
const ctx = systemContext('demo-test');
let r: ReturnType<typeof registersFor>;
beforeAll(() => {
  r = registersFor(zs(), 'zds-1.2');
});
afterAll(async () => {
  await r.backends.close();
});

describe('demo data', () => {
  it('reports what it seeded', () => {
    expect(zs().demo?.zaken).toContain(DEMO_ZAAK.gezinsplanJansen);
    expect(zs().demo?.documenten).toEqual(Object.values(DEMO_DOCUMENT));
  });

  it('has a gezinsplan with clients, belanghebbenden, uitvoerenden and statuses, readable through SOAP', async () => {
    const plan = await r.zaken.geefZaak(ctx, DEMO_ZAAK.gezinsplanJansen, ZAAK_VELDEN);
    expect(plan.zaaktype?.code).toBe('GZP');
    expect(plan.clients?.map((c) => c.bsn)).toEqual([DEMO_BSN.annaJansen, DEMO_BSN.bramJansen]);
    expect(plan.belanghebbenden?.map((b) => [b.persoon.bsn, b.omschrijving])).toEqual([[DEMO_BSN.oma, 'Mantelzorger']]);
    expect(plan.uitvoerenden?.map((u) => u.soort)).toEqual(['medewerker', 'vestiging']);
    expect(plan.initiator).toMatchObject({ soort: 'medewerker', medewerker: { identificatie: 'REG-0001' } });
    expect(plan.statussen?.map((s) => [s.statustype.code, s.statustype.volgnummer])).toEqual([['INTAKE', '1'], ['PLAN', '2']]);
  });

  it('shows dossier fields: a kenmerk, the archiefnominatie, a verantwoordelijke and the clients\' geslacht', async () => {
    const plan = await r.zaken.geefZaak(ctx, DEMO_ZAAK.gezinsplanJansen, ZAAK_VELDEN);
    expect(plan).toMatchObject({
      kenmerken: [{ kenmerk: 'SSD-2026-0117', bron: 'Suite Sociaal Domein' }],
      archiefnominatie: true,
      zaakniveau: 1,
      deelzakenIndicatie: false,
      verantwoordelijken: [{ soort: 'medewerker', medewerker: { identificatie: 'TL-0003' }, omschrijving: 'Teamleider wijkteam' }],
    });
    expect(plan.clients?.map((c) => c.geslachtsaanduiding)).toEqual(['V', 'M']);
    const wmo = await r.zaken.geefZaak(ctx, DEMO_ZAAK.deelplanWmoJansen, ['archiefnominatie', 'datumVernietigingDossier']);
    expect(wmo).toEqual({
      identificatie: DEMO_ZAAK.deelplanWmoJansen,
      archiefnominatie: false,
      datumVernietigingDossier: { iso: '2038-12-31', precision: 'dag' },
    });
  });

  it('finds the gezinsplan by client BSN, and its deelplannen incl. the backoffice zaak linked later', async () => {
    const viaBsn = await r.zaken.zoekZaken(ctx, { clientBsn: DEMO_BSN.bramJansen, zaaktypeCode: 'GZP' }, []);
    expect(viaBsn.map((z) => z.identificatie)).toEqual([DEMO_ZAAK.gezinsplanJansen]);
    const deelplannen = await r.zaken.zoekZaken(ctx, { gerelateerdeZaak: DEMO_ZAAK.gezinsplanJansen }, ['zaaktype']);
    expect(deelplannen.map((z) => [z.identificatie, z.zaaktype?.code])).toEqual([
      [DEMO_ZAAK.levensdomeinplanJansen, 'LDP'],
      [DEMO_ZAAK.deelplanWmoJansen, 'WMO'],
      [DEMO_ZAAK.deelplanJeugdJansen, 'JEUGD'],
      [DEMO_ZAAK.deelplanSchuldJansen, 'SCHULD'],
    ]);
    const ldp = await r.zaken.zoekZaken(ctx, { clientBsn: DEMO_BSN.moElAmrani }, ['zaaktype']);
    expect(ldp.map((z) => z.zaaktype?.code)).toEqual(['GZP', 'PW']);
  });

  it('serves the ~2 MB PDF-like document byte-exact', async () => {
    const lijst = await r.documenten.geefLijstZaakdocumenten(ctx, DEMO_ZAAK.gezinsplanJansen);
    expect(lijst.map((d) => d.identificatie)).toEqual([DEMO_DOCUMENT.gezinsplanPdf, DEMO_DOCUMENT.verslagKeukentafel]);
    const pdf = await r.documenten.leesDocument(ctx, DEMO_DOCUMENT.gezinsplanPdf);
    expect(pdf.inhoud.contentType).toBe('application/pdf');
    const bytes = await collectBytes(pdf.inhoud.body);
    expect(bytes.length).toBe(DEMO_PDF_BYTES);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(bytes.equals(await collectBytes(pdfLikeDocument(DEMO_PDF_BYTES)))).toBe(true);
  });

  it('does not seed again into a store that has data', async () => {
    const again = await startEmbeddedZaaksysteem({ dataDir: zs().store.dataDir, demo: true, answerTap: new AnswerLog().tap });
    try {
      expect(again.demo).toBeUndefined();
    } finally {
      await again.close();
    }
  });
});
