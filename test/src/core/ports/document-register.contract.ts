import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesOf, collectBytes } from '../../../../src/core/domain/document';
import { fullDate } from '../../../../src/core/domain/stuf-date';
import type { DocumentRegister } from '../../../../src/core/ports/document-register.port';
import type { ZaakRegister } from '../../../../src/core/ports/zaak-register.port';
import { ctx, expectCode, nieuweZaak } from './contract-support';

/** The behaviour every DocumentRegister must show (document-register.port.ts), with the ZaakRegister its zaken live in. */
export function documentRegisterContract(name: string, setup: () => { zaken: ZaakRegister; documenten: DocumentRegister }): void {
describe(`DocumentRegister contract: ${name}`, () => {
  it('stores content byte-exact and lists it with the zaak', async () => {
    const r = setup();
    const zaak = await nieuweZaak(r.zaken);
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

  it('answers a read by identificatie about that document or zaak, never about another one', async () => {
    const r = setup();
    const paren: { zaak: string; document: string; titel: string }[] = [];
    for (const titel of ['Plan een', 'Plan twee']) {
      const zaak = await nieuweZaak(r.zaken);
      await r.zaken.creeerZaak(ctx, zaak);
      const document = await r.documenten.genereerDocumentIdentificatie(ctx);
      await r.documenten.voegZaakdocumentToe(ctx, zaak.identificatie, {
        identificatie: document, documenttype: 'Gezinsplan', titel, creatiedatum: fullDate('2026-01-05'), taal: 'nld', auteur: 'X',
        inhoud: { bestandsnaam: `${titel}.txt`, contentType: 'text/plain', body: bytesOf(Buffer.from(titel)) },
      });
      paren.push({ zaak: zaak.identificatie, document, titel });
    }
    for (const p of paren) {
      expect((await r.documenten.geefLijstZaakdocumenten(ctx, p.zaak)).map((d) => [d.identificatie, d.titel])).toEqual([[p.document, p.titel]]);
      const gelezen = await r.documenten.leesDocument(ctx, p.document);
      expect([gelezen.document.identificatie, (await collectBytes(gelezen.inhoud.body)).toString()]).toEqual([p.document, p.titel]);
      const co = await r.documenten.checkout(ctx, p.document);
      expect(co.document.identificatie).toBe(p.document);
      await r.documenten.cancelCheckout(ctx, p.document, co.checkoutId);
    }
  });

  it('tells a document\'s metadata and zaak without its content, and an unknown document is NOT_FOUND', async () => {
    const r = setup();
    const zaak = await nieuweZaak(r.zaken);
    await r.zaken.creeerZaak(ctx, zaak);
    const id = await r.documenten.genereerDocumentIdentificatie(ctx);
    await r.documenten.voegZaakdocumentToe(ctx, zaak.identificatie, {
      identificatie: id, documenttype: 'Verslag', titel: 'Huisbezoek', creatiedatum: fullDate('2026-01-05'), taal: 'nld', auteur: 'X',
      inhoud: { bestandsnaam: 'h.txt', contentType: 'text/plain', body: bytesOf(Buffer.from('huisbezoek')) },
    });
    const gegevens = await r.documenten.leesDocumentgegevens(ctx, id);
    expect([gegevens.document.identificatie, gegevens.document.titel, gegevens.zaak]).toEqual([id, 'Huisbezoek', zaak.identificatie]);
    expect(gegevens).not.toHaveProperty('inhoud');
    await expectCode(r.documenten.leesDocumentgegevens(ctx, `${id}-onbekend`), 'NOT_FOUND');
  });

  it('locks a document on checkout until it is updated or the checkout is cancelled', async () => {
    const r = setup();
    const zaak = await nieuweZaak(r.zaken);
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
