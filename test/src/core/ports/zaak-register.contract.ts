import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesOf, collectBytes } from '../../../../src/core/domain/document';
import { FacadeError } from '../../../../src/core/domain/errors';
import { isNoValue, NoValue } from '../../../../src/core/domain/no-value';
import { systemContext } from '../../../../src/core/domain/request-context';
import { fullDate, parseIsoDate } from '../../../../src/core/domain/stuf-date';
import { ZAAK_VELDEN, type NieuweZaak } from '../../../../src/core/domain/zaak';
import type { DocumentRegister } from '../../../../src/core/ports/document-register.port';
import type { ZaakRegister } from '../../../../src/core/ports/zaak-register.port';

export interface Registers {
  zaken: ZaakRegister;
  documenten: DocumentRegister;
}

const ctx = systemContext('contract');

// Test BSNs (11-proef, test range) that exist nowhere else in this suite.
export const CONTRACT_BSNS = ['999990044', '999990068', '999990081'] as const;

async function nieuweZaak(r: Registers, over: Partial<NieuweZaak> = {}): Promise<NieuweZaak> {
  const identificatie = await r.zaken.genereerZaakIdentificatie(ctx);
  return {
    identificatie,
    zaaktype: { code: 'GZP', omschrijving: 'Opstellen en uitvoeren gezinsplan' },
    omschrijving: 'Gezinsplan contract',
    toelichting: 'Contracttest',
    startdatum: fullDate('2026-01-05'),
    registratiedatum: fullDate('2026-01-05'),
    einddatumGepland: fullDate('2026-12-31'),
    initiator: { soort: 'medewerker', medewerker: { identificatie: 'MDW-C1', achternaam: 'Regisseur' }, omschrijving: 'Regisseur' },
    clients: [{ bsn: CONTRACT_BSNS[0], geslachtsnaam: 'Contract', voorletters: 'A' }],
    belanghebbenden: [{ persoon: { bsn: CONTRACT_BSNS[1], geslachtsnaam: 'Zorg' }, omschrijving: 'mantelzorger' }],
    uitvoerenden: [
      { soort: 'medewerker', medewerker: { identificatie: 'MDW-C2', achternaam: 'Wijkteam' }, omschrijving: 'Wijkteam' },
      { soort: 'vestiging', vestiging: { vestigingsNummer: '000012345678', handelsnaam: 'Zorg BV' } },
    ],
    gerelateerdeZaken: [],
    ...over,
  };
}

async function expectCode(p: Promise<unknown>, code: FacadeError['code']): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FacadeError);
  expect((err as FacadeError).code).toBe(code);
}

/**
 * The behaviour every implementation of ZaakRegister/DocumentRegister must show. It runs against the StUF adapter
 * in each dialect over real HTTP, so it also proves the SOAP mapping loses nothing.
 */
export function registerContract(name: string, setup: () => Registers): void {
  describe(`ZaakRegister contract: ${name}`, () => {
    it('genereerZaakIdentificatie gives unique identificaties', async () => {
      const { zaken } = setup();
      const ids = await Promise.all([1, 2, 3, 4].map(() => zaken.genereerZaakIdentificatie(ctx)));
      expect(new Set(ids).size).toBe(4);
    });

    it('returns what creeerZaak stored, field by field', async () => {
      const r = setup();
      const zaak = await nieuweZaak(r);
      await r.zaken.creeerZaak(ctx, zaak);
      const got = await r.zaken.geefZaak(ctx, zaak.identificatie, ZAAK_VELDEN);
      expect(got.identificatie).toBe(zaak.identificatie);
      expect(got.omschrijving).toBe(zaak.omschrijving);
      expect(got.toelichting).toBe(zaak.toelichting);
      expect(got.zaaktype?.code).toBe('GZP');
      expect(got.startdatum).toEqual(zaak.startdatum);
      expect(got.einddatumGepland).toEqual(zaak.einddatumGepland);
      expect(got.initiator).toMatchObject({ soort: 'medewerker', medewerker: { identificatie: 'MDW-C1', achternaam: 'Regisseur' } });
      expect(got.clients?.map((c) => c.bsn)).toEqual([CONTRACT_BSNS[0]]);
      expect(got.belanghebbenden?.map((b) => [b.persoon.bsn, b.omschrijving])).toEqual([[CONTRACT_BSNS[1], 'mantelzorger']]);
      expect(got.uitvoerenden).toHaveLength(2);
      expect(got.gerelateerdeZaken).toEqual([]);
      expect(got.einddatum === undefined || isNoValue(got.einddatum)).toBe(true);
    });

    it('returns only the fields that were asked for', async () => {
      const r = setup();
      const zaak = await nieuweZaak(r);
      await r.zaken.creeerZaak(ctx, zaak);
      const got = await r.zaken.geefZaak(ctx, zaak.identificatie, ['omschrijving']);
      expect(got.omschrijving).toBe(zaak.omschrijving);
      expect(got.clients).toBeUndefined();
      expect(got.toelichting).toBeUndefined();
      expect(got.initiator).toBeUndefined();
    });

    it('says NOT_FOUND for an unknown zaak and ALREADY_EXISTS for a duplicate', async () => {
      const r = setup();
      await expectCode(r.zaken.geefZaak(ctx, 'ONBEKEND-0000001', ['omschrijving']), 'NOT_FOUND');
      const zaak = await nieuweZaak(r);
      await r.zaken.creeerZaak(ctx, zaak);
      await expectCode(r.zaken.creeerZaak(ctx, zaak), 'ALREADY_EXISTS');
    });

    it('finds zaken by client BSN and zaaktype, by initiator and by related zaak, honouring maximumAantal', async () => {
      const r = setup();
      const plan = await nieuweZaak(r, { clients: [{ bsn: CONTRACT_BSNS[2], geslachtsnaam: 'Zoek' }] });
      await r.zaken.creeerZaak(ctx, plan);
      const deel = await nieuweZaak(r, {
        zaaktype: { code: 'WMO', omschrijving: 'Wmo-voorziening' },
        clients: [{ bsn: CONTRACT_BSNS[2], geslachtsnaam: 'Zoek' }],
        gerelateerdeZaken: [{ identificatie: plan.identificatie }],
      });
      await r.zaken.creeerZaak(ctx, deel);

      const byClient = await r.zaken.zoekZaken(ctx, { clientBsn: CONTRACT_BSNS[2], zaaktypeCode: 'GZP' }, []);
      expect(byClient.map((z) => z.identificatie)).toEqual([plan.identificatie]);
      const related = await r.zaken.zoekZaken(ctx, { gerelateerdeZaak: plan.identificatie }, ['zaaktype']);
      expect(related.map((z) => [z.identificatie, z.zaaktype?.code])).toEqual([[deel.identificatie, 'WMO']]);
      const byInitiator = await r.zaken.zoekZaken(ctx, { initiatorMedewerker: 'MDW-C1' }, [], 1);
      expect(byInitiator).toHaveLength(1);
    });

    it('updates attributes and relations, and clears a value with geenWaarde', async () => {
      const r = setup();
      const zaak = await nieuweZaak(r);
      await r.zaken.creeerZaak(ctx, zaak);
      await r.zaken.updateZaak(ctx, zaak.identificatie, {
        omschrijving: 'Gezinsplan gewijzigd',
        einddatumGepland: NoValue.of('geenWaarde'),
        uiterlijkeEinddatum: parseIsoDate('2027-03'),
        clients: { toevoegen: [{ bsn: CONTRACT_BSNS[2], geslachtsnaam: 'Nieuw' }], verwijderen: [CONTRACT_BSNS[0]] },
        uitvoerenden: { verwijderen: [{ soort: 'vestiging', vestigingsNummer: '000012345678' }] },
      });
      const got = await r.zaken.geefZaak(ctx, zaak.identificatie, ['omschrijving', 'einddatumGepland', 'uiterlijkeEinddatum', 'clients', 'uitvoerenden']);
      expect(got.omschrijving).toBe('Gezinsplan gewijzigd');
      expect(got.einddatumGepland).toEqual(NoValue.of('geenWaarde'));
      expect(got.uiterlijkeEinddatum).toEqual({ iso: '2027-03', precision: 'maand' });
      expect(got.clients?.map((c) => c.bsn)).toEqual([CONTRACT_BSNS[2]]);
      expect(got.uitvoerenden?.map((u) => u.soort)).toEqual(['medewerker']);
    });

    it('refuses an update based on a stale state (CONFLICT) instead of overwriting', async () => {
      const r = setup();
      const zaak = await nieuweZaak(r);
      await r.zaken.creeerZaak(ctx, zaak);
      const seen = await r.zaken.geefZaak(ctx, zaak.identificatie, ['omschrijving']);
      await r.zaken.updateZaak(ctx, zaak.identificatie, { omschrijving: 'Eerste wijziging' });
      await expectCode(r.zaken.updateZaak(ctx, zaak.identificatie, { omschrijving: 'Tweede wijziging' }, seen), 'CONFLICT');
      const got = await r.zaken.geefZaak(ctx, zaak.identificatie, ['omschrijving']);
      expect(got.omschrijving).toBe('Eerste wijziging');
    });

    it('keeps the status history in order', async () => {
      const r = setup();
      const zaak = await nieuweZaak(r);
      await r.zaken.creeerZaak(ctx, zaak);
      await r.zaken.actualiseerZaakstatus(ctx, zaak.identificatie, {
        statustype: { code: 'INTAKE', omschrijving: 'Intake afgerond', volgnummer: '1' },
        datumStatusGezet: '20260105100000',
      });
      await r.zaken.actualiseerZaakstatus(ctx, zaak.identificatie, {
        statustype: { code: 'UITV', omschrijving: 'In uitvoering', volgnummer: '2' },
        datumStatusGezet: '20260106100000',
      });
      const statussen = await r.zaken.geefStatussen(ctx, zaak.identificatie);
      expect(statussen.map((s) => [s.statustype.code, s.datumStatusGezet.slice(0, 14)])).toEqual([
        ['INTAKE', '20260105100000'],
        ['UITV', '20260106100000'],
      ]);
    });
  });

  describe(`DocumentRegister contract: ${name}`, () => {
    it('stores content byte-exact and lists it with the zaak', async () => {
      const r = setup();
      const zaak = await nieuweZaak(r);
      await r.zaken.creeerZaak(ctx, zaak);
      const id = await r.documenten.genereerDocumentIdentificatie(ctx);
      const data = randomBytes(300_001);
      await r.documenten.voegZaakdocumentToe(ctx, zaak.identificatie, {
        identificatie: id,
        documenttype: 'Gezinsplan',
        titel: 'Plan van aanpak',
        creatiedatum: fullDate('2026-01-05'),
        taal: 'nld',
        auteur: 'Regisseur',
        inhoud: { bestandsnaam: 'plan.pdf', contentType: 'application/pdf', body: bytesOf(data) },
      });
      const lijst = await r.documenten.geefLijstZaakdocumenten(ctx, zaak.identificatie);
      expect(lijst.map((d) => [d.identificatie, d.titel])).toEqual([[id, 'Plan van aanpak']]);
      const gelezen = await r.documenten.leesDocument(ctx, id);
      expect(gelezen.inhoud.bestandsnaam).toBe('plan.pdf');
      expect(gelezen.inhoud.contentType).toBe('application/pdf');
      expect((await collectBytes(gelezen.inhoud.body)).equals(data)).toBe(true);
    });

    it('locks a document on checkout until it is updated or the checkout is cancelled', async () => {
      const r = setup();
      const zaak = await nieuweZaak(r);
      await r.zaken.creeerZaak(ctx, zaak);
      const id = await r.documenten.genereerDocumentIdentificatie(ctx);
      await r.documenten.voegZaakdocumentToe(ctx, zaak.identificatie, {
        identificatie: id, documenttype: 'Verslag', titel: 'Verslag', creatiedatum: fullDate('2026-01-05'), taal: 'nld', auteur: 'X',
        inhoud: { bestandsnaam: 'v.txt', contentType: 'text/plain', body: bytesOf(Buffer.from('versie 1')) },
      });
      const co = await r.documenten.checkout(ctx, id);
      await expectCode(r.documenten.checkout(ctx, id), 'LOCKED');
      await expectCode(r.documenten.cancelCheckout(ctx, id, 'verkeerd-id'), 'LOCKED');
      await r.documenten.updateZaakdocument(ctx, id, co.checkoutId, {
        inhoud: { bestandsnaam: 'v.txt', contentType: 'text/plain', body: bytesOf(Buffer.from('versie 2')) },
      });
      const gelezen = await r.documenten.leesDocument(ctx, id);
      expect((await collectBytes(gelezen.inhoud.body)).toString()).toBe('versie 2');
      const co2 = await r.documenten.checkout(ctx, id);
      await r.documenten.cancelCheckout(ctx, id, co2.checkoutId);
      await r.documenten.cancelCheckout(ctx, id, (await r.documenten.checkout(ctx, id)).checkoutId);
    });
  });
}
