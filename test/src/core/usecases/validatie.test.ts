import { describe, expect, it } from 'vitest';
import { bytesOf } from '../../../../src/core/domain/document';
import { FacadeError } from '../../../../src/core/domain/errors';
import { BSN, gezinsplanInvoer, setup } from './fixtures';

async function invalidParams(p: Promise<unknown>): Promise<string[]> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(FacadeError);
  expect((e as FacadeError).code).toBe('VALIDATION_FAILED');
  return ((e as FacadeError).invalidParams ?? []).map((i) => `${i.name}: ${i.reason}`);
}

describe('input validation happens before any StUF call', () => {
  it('rejects a BSN failing the 11-proef, naming the field but not repeating the number', async () => {
    const { fake, uc } = setup();
    const bad = '999993654';
    const errs = await invalidParams(uc.createGezinsplan(gezinsplanInvoer({ clients: [{ bsn: bad, geslachtsnaam: 'X' }] })));
    expect(errs).toEqual(['clients.0.bsn: is geen geldig BSN (9 cijfers, elfproef)']);
    expect(errs.join()).not.toContain(bad);
    expect(fake.calls).toEqual([]);
  });

  it('reports every problem at once: StUF lengths, dates, required fields, list sizes', async () => {
    const { fake, uc } = setup();
    const errs = await invalidParams(
      uc.createGezinsplan(
        gezinsplanInvoer({
          omschrijving: 'x'.repeat(81),
          toelichting: 't'.repeat(1001),
          startdatum: '2026-02-30',
          regisseur: { identificatie: 'M'.repeat(25), achternaam: '' },
          clients: [],
          uitvoerenden: [{ vestiging: { vestigingsNummer: '123' } }, { omschrijving: 'niemand' }],
          belanghebbenden: Array.from({ length: 101 }, () => ({ persoon: { bsn: BSN[1], geslachtsnaam: 'B' } })),
        }),
      ),
    );
    expect(errs).toEqual(
      expect.arrayContaining([
        'omschrijving: is langer dan 80 tekens',
        'toelichting: is langer dan 1000 tekens',
        'startdatum: is geen datum (YYYY-MM-DD)',
        'regisseur.identificatie: is langer dan 24 tekens',
        'regisseur.achternaam: mag niet leeg zijn',
        'clients: moet minstens 1 element bevatten',
        'uitvoerenden.0.vestiging.vestigingsNummer: moet precies 12 tekens zijn',
        'uitvoerenden.1: geef precies een van medewerker en vestiging',
        'belanghebbenden: mag hoogstens 100 elementen bevatten',
      ]),
    );
    expect(fake.calls).toEqual([]);
  });

  it('checks zaakidentificaties against ZKN:ZaakIdentificatie (5..40)', async () => {
    const { fake, uc } = setup();
    expect(await invalidParams(uc.gezinsplan('1234', ['omschrijving']))).toEqual(['identificatie: is korter dan 5 tekens']);
    expect(await invalidParams(uc.deelplan('x'.repeat(41), []))).toEqual(['identificatie: is langer dan 40 tekens']);
    expect(fake.calls).toEqual([]);
  });

  it('limits heeftGezinsplan to the configured number of BSNs and checks each of them', async () => {
    const { fake, uc } = setup({ maxBsnsPerVraag: 3 });
    expect(await invalidParams(uc.heeftGezinsplan([BSN[0], BSN[1], BSN[2], BSN[3]], true))).toEqual(['bsns: mag hoogstens 3 elementen bevatten']);
    expect(await invalidParams(uc.heeftGezinsplan([], true))).toEqual(['bsns: moet minstens 1 element bevatten']);
    expect(await invalidParams(uc.heeftGezinsplan([BSN[0], '12345678'], false))).toEqual(['bsns.1: is geen geldig BSN (9 cijfers, elfproef)']);
    expect(fake.calls).toEqual([]);
  });

  it('validates status, sluiten, overdracht and documents', async () => {
    const { fake, uc } = setup();
    expect(await invalidParams(uc.zetStatus('ZAAK-0001', { statustypeCode: 'ABCDEFGHIJK', statustypeOmschrijving: 'x', statustypeVolgnummer: '0', datumStatusGezet: '2026-01-01' }))).toEqual(
      expect.arrayContaining(['statustypeCode: is langer dan 10 tekens', 'statustypeVolgnummer: moet een positief geheel getal zijn']),
    );
    await expect(uc.zetStatus('ZAAK-0001', { statustypeCode: 'S1', statustypeOmschrijving: 'x', statustypeVolgnummer: '1', datumStatusGezet: 'gisteren' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await invalidParams(uc.sluitZaak('ZAAK-0001', { resultaatOmschrijving: '', einddatum: '2026-13-01' }))).toEqual(
      expect.arrayContaining(['resultaatOmschrijving: mag niet leeg zijn', 'einddatum: is geen datum (YYYY-MM-DD)']),
    );
    expect(await invalidParams(uc.overdragenDeelplan('ZAAK-0001', 'x'.repeat(51)))).toEqual(['ontvanger: is langer dan 50 tekens']);
    const inhoud = { bestandsnaam: 'a.txt', contentType: 'text/plain', body: (async function* () {})() };
    expect(await invalidParams(uc.voegDocumentToe('ZAAK-0001', { titel: '', documenttype: 'brief', auteur: 'A', taal: 'dutch', vertrouwelijkAanduiding: 'GEHEIMPJE', inhoud }))).toEqual(
      expect.arrayContaining(['document.titel: mag niet leeg zijn', 'document.taal: moet precies 3 tekens zijn', 'document.vertrouwelijkAanduiding: is geen vertrouwelijkheidaanduiding van ZKN (bijv. VERTROUWELIJK)']),
    );
    expect(fake.calls).toEqual([]);
  });

  it('refuses text XML cannot carry (XML 1.0 §2.2) with INVALID_CHARACTERS, naming the field and not the value, before any call', async () => {
    for (const teken of ['\u0000', '\u0008', '\u000B', '\u000C', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF']) {
      const { fake, uc } = setup();
      const e = await uc.createGezinsplan(gezinsplanInvoer({ omschrijving: `Plan${teken}` })).catch((err: unknown) => err as FacadeError);
      expect(e).toMatchObject({ code: 'INVALID_CHARACTERS', invalidParams: [{ name: 'omschrijving' }] });
      expect(JSON.stringify((e as FacadeError).invalidParams)).not.toContain(teken);
      expect(fake.calls).toEqual([]);
    }
    const { uc } = setup();
    await expect((async () => uc.zaak('GZP-\u0001-01', []))()).rejects.toMatchObject({ code: 'INVALID_CHARACTERS', invalidParams: [{ name: 'identificatie' }] });
  });

  it('accepts TAB, LF, CR and surrogate pairs, which XML carries', async () => {
    const { fake, uc } = setup();
    await uc.createGezinsplan(gezinsplanInvoer({ toelichting: 'regel 1\r\n\tregel 2 😀' }));
    expect(fake.ops()).toContain('creeerZaak');
  });

  it('counts lengths in characters as the XSDs do: emoji are one character each', async () => {
    const { uc } = setup();
    // ZKN:ZaakIdentificatie minLength 5: three emoji are six UTF-16 units but three characters
    expect(await invalidParams((async () => uc.zaak('😀😀😀', []))())).toEqual(['identificatie: is korter dan 5 tekens']);
    // Omschrijving maxLength 80: 80 emoji pass, 81 do not
    const { fake } = setup();
    expect(await invalidParams(uc.createGezinsplan(gezinsplanInvoer({ omschrijving: '😀'.repeat(81) })))).toEqual(['omschrijving: is langer dan 80 tekens']);
    expect(fake.calls).toEqual([]);
    const ok = setup();
    await ok.uc.createGezinsplan(gezinsplanInvoer({ omschrijving: '😀'.repeat(80) }));
    expect(ok.fake.ops()).toContain('creeerZaak');
  });

  it('requires a bestandsnaam of 1-255 characters without a path (StUF:Bestandsnaam)', async () => {
    const doc = (bestandsnaam: string) => ({ titel: 'T', documenttype: 'D', auteur: 'A', inhoud: { bestandsnaam, contentType: 'text/plain', body: bytesOf(Buffer.from('x')) } });
    const { fake, uc } = setup();
    const reden = (naam: string) => invalidParams(uc.voegDocumentToe('GZP-00001', doc(naam)));
    expect(await reden('')).toEqual(['document.inhoud.bestandsnaam: mag niet leeg zijn']);
    expect(await reden('a'.repeat(252) + '.pdf')).toEqual(['document.inhoud.bestandsnaam: is langer dan 255 tekens']);
    expect(await reden('../plan.pdf')).toEqual(['document.inhoud.bestandsnaam: mag geen / of \\ bevatten']);
    expect(await reden('C:\\plan.pdf')).toEqual(['document.inhoud.bestandsnaam: mag geen / of \\ bevatten']);
    expect(fake.calls).toEqual([]);
  });

  it('requires the content type to be a media type, not what a parser made of a header it could not read', async () => {
    const doc = (contentType: string) => ({ titel: 'T', documenttype: 'D', auteur: 'A', inhoud: { bestandsnaam: 'plan.pdf', contentType, body: bytesOf(Buffer.from('x')) } });
    const { fake, uc } = setup();
    const reden = (ct: string) => invalidParams(uc.voegDocumentToe('GZP-00001', doc(ct)));
    // busboy reads part headers as latin1: a U+FFFF before the type arrives as 'ï¿¿'
    expect(await reden('ï¿¿application/pdf')).toEqual(['document.inhoud.contentType: is geen mediatype (type/subtype, RFC 9110 §8.3.1)']);
    expect(await reden('pdf')).toEqual(['document.inhoud.contentType: is geen mediatype (type/subtype, RFC 9110 §8.3.1)']);
    expect(fake.calls).toEqual([]);
    // a media type with parameters passes the checks: what stops it then is only that the fake has no such zaak
    await expect(setup().uc.voegDocumentToe('GZP-00001', doc('text/plain; charset=utf-8'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
