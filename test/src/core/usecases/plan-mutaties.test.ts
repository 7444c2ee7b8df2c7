import { systemContext } from '../../../../src/core/domain/request-context';
import { describe, expect, it } from 'vitest';
import { bytesOf } from '../../../../src/core/domain/document';
import { FacadeError } from '../../../../src/core/domain/errors';
import { NoValue } from '../../../../src/core/domain/no-value';
import { fullDate, today } from '../../../../src/core/domain/stuf-date';
import type { NieuweZaak, ZaakWijziging } from '../../../../src/core/domain/zaak';
import { bestaandeZaak, BSN, gezinsplanInvoer, GZP, LDP, setup, WMO } from './fixtures';

const inhoud = (tekst: string) => ({ bestandsnaam: 'plan.txt', contentType: 'text/plain', body: bytesOf(Buffer.from(tekst)) });

describe('creating plans (RZS §4.1, §6.3-6.6)', () => {
  it('createGezinsplan: genereerZaakIdentificatie, creeerZaak with the regisseur as initiator, documents, read back', async () => {
    const { fake, uc } = setup();
    const zaak = await uc.createGezinsplan(
      gezinsplanInvoer({
        belanghebbenden: [{ persoon: { bsn: BSN[1], geslachtsnaam: 'Zorg' }, omschrijving: 'Mantelzorger' }],
        uitvoerenden: [{ medewerker: { identificatie: 'MDW-2', achternaam: 'Wijkteam' } }, { vestiging: { vestigingsNummer: '000012345678' } }],
        einddatumGepland: '2099-12-31',
        documenten: [{ titel: 'Plan', documenttype: 'Gezinsplan', auteur: 'Regisseur', inhoud: inhoud('inhoud') }],
      }),
      ['omschrijving', 'clients'],
    );
    expect(fake.ops()).toEqual(['genereerZaakIdentificatie', 'creeerZaak', 'genereerDocumentIdentificatie', 'voegZaakdocumentToe', 'geefZaak']);
    const nieuw = fake.calls[1]!.args[0] as NieuweZaak;
    expect(nieuw).toMatchObject({
      identificatie: 'ZAAK-0001',
      zaaktype: GZP,
      omschrijving: 'Gezinsplan fam. Jansen',
      startdatum: today(),
      registratiedatum: today(),
      einddatumGepland: fullDate('2099-12-31'),
      initiator: { soort: 'medewerker', medewerker: { identificatie: 'MDW-1', achternaam: 'Regisseur' } },
      clients: [{ bsn: BSN[0], geslachtsnaam: 'Jansen' }],
      belanghebbenden: [{ persoon: { bsn: BSN[1], geslachtsnaam: 'Zorg' }, omschrijving: 'Mantelzorger' }],
      uitvoerenden: [{ soort: 'medewerker' }, { soort: 'vestiging', vestiging: { vestigingsNummer: '000012345678' } }],
      gerelateerdeZaken: [],
    });
    expect(fake.calls[3]!.args[0]).toBe('ZAAK-0001');
    expect(fake.docs.get('DOC-2')?.bytes.toString()).toBe('inhoud');
    expect(fake.calls[4]!.args).toEqual(['ZAAK-0001', ['omschrijving', 'clients']]);
    expect(zaak).toEqual({ identificatie: 'ZAAK-0001', omschrijving: 'Gezinsplan fam. Jansen', clients: [{ bsn: BSN[0], geslachtsnaam: 'Jansen' }] });
  });

  it('createLevensdomeinplan relates to an existing gezinsplan and refuses an unknown one before writing', async () => {
    const { fake, uc } = setup();
    fake.put(bestaandeZaak('GZP-00001'));
    const ldp = await uc.createLevensdomeinplan({ ...gezinsplanInvoer(), gezinsplan: 'GZP-00001' }, ['zaaktype', 'gerelateerdeZaken']);
    expect(ldp).toMatchObject({ zaaktype: LDP, gerelateerdeZaken: [{ identificatie: 'GZP-00001', zaaktype: GZP }] });
    fake.calls.length = 0;
    await expect(uc.createLevensdomeinplan({ ...gezinsplanInvoer(), gezinsplan: 'GZP-99999' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      invalidParams: [{ name: 'gezinsplan', reason: 'is geen bestaand gezinsplan' }],
    });
    expect(fake.ops()).toEqual(['geefZaak']);
  });

  it('createDeelplan: own zaaktype, the client as initiator, relations to gezinsplan and levensdomeinplan', async () => {
    const { fake, uc } = setup();
    fake.put(bestaandeZaak('GZP-00001'));
    fake.put(bestaandeZaak('LDP-00001', LDP, { gerelateerdeZaken: [{ identificatie: 'GZP-00001' }] }));
    const dp = await uc.createDeelplan({
      omschrijving: 'Wmo',
      zaaktype: WMO,
      initiator: { client: { bsn: BSN[0], geslachtsnaam: 'Jansen' } },
      clients: [{ bsn: BSN[0], geslachtsnaam: 'Jansen' }],
      gezinsplan: 'GZP-00001',
      levensdomeinplan: 'LDP-00001',
    });
    expect(dp).toMatchObject({
      zaaktype: WMO,
      initiator: { soort: 'natuurlijkPersoon', persoon: { bsn: BSN[0] } },
      gerelateerdeZaken: [{ identificatie: 'GZP-00001' }, { identificatie: 'LDP-00001' }],
    });
    await expect(
      uc.createDeelplan({ omschrijving: 'x', zaaktype: GZP, initiator: {}, clients: [{ bsn: BSN[0], geslachtsnaam: 'J' }], gezinsplan: 'GZP-00001' }),
    ).rejects.toMatchObject({ invalidParams: [{ name: 'zaaktype.code' }, { name: 'initiator' }] });
  });
});

describe('changing plans', () => {
  it('koppelZaakAanGezinsplan adds heeftBetrekkingOpAndere via updateZaak based on the state read, once', async () => {
    const { fake, uc } = setup();
    fake.put(bestaandeZaak('GZP-00001'));
    fake.put(bestaandeZaak('WMO-00001', WMO));
    const z = await uc.koppelZaakAanGezinsplan('WMO-00001', 'GZP-00001', undefined, ['gerelateerdeZaken']);
    expect(z.gerelateerdeZaken).toEqual([{ identificatie: 'GZP-00001', zaaktype: GZP }]);
    const update = fake.calls.find((c) => c.op === 'updateZaak')!;
    expect(update.args[1]).toEqual({ gerelateerdeZaken: { toevoegen: [{ identificatie: 'GZP-00001', zaaktype: GZP }] } });
    expect(update.args[2]).toMatchObject({ identificatie: 'WMO-00001', gerelateerdeZaken: [] });
    fake.calls.length = 0;
    await uc.koppelZaakAanGezinsplan('WMO-00001', 'GZP-00001');
    expect(fake.ops()).not.toContain('updateZaak');
    await expect(uc.koppelZaakAanGezinsplan('GZP-00001', 'GZP-00001')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('wijzigPlan sends only the changed velden with the state they were based on; null clears', async () => {
    const { fake, uc } = setup();
    fake.put(bestaandeZaak('GZP-00001', GZP, { toelichting: 'oud', belanghebbenden: [{ persoon: { bsn: BSN[1], geslachtsnaam: 'B' } }] }));
    await uc.wijzigPlan('gezinsplan', 'GZP-00001', {
      omschrijving: 'Nieuw',
      toelichting: null,
      clients: { toevoegen: [{ bsn: BSN[2], geslachtsnaam: 'C' }] },
      belanghebbenden: { verwijderen: [BSN[1]] },
    });
    const basisRead = fake.calls.find((c) => c.op === 'geefZaak')!;
    // einddatum too: a closed plan is not changed
    expect(basisRead.args[1]).toEqual(['omschrijving', 'toelichting', 'clients', 'belanghebbenden', 'einddatum', 'zaaktype']);
    const [, w, basis] = fake.calls.find((c) => c.op === 'updateZaak')!.args as [string, ZaakWijziging, unknown];
    expect(w.omschrijving).toBe('Nieuw');
    expect(w.toelichting).toBe(NoValue.of('geenWaarde'));
    expect(w.startdatum).toBeUndefined();
    expect(basis).toMatchObject({ toelichting: 'oud' });
  });

  it('wijzigPlan refuses removing someone who is not there, the last client, or the wrong kind of plan', async () => {
    const { fake, uc } = setup();
    fake.put(bestaandeZaak('GZP-00001'));
    await expect(uc.wijzigPlan('gezinsplan', 'GZP-00001', { clients: { verwijderen: [BSN[0]] } })).rejects.toMatchObject({
      invalidParams: [{ name: 'clients', reason: 'een plan houdt minstens 1 client' }],
    });
    await expect(uc.wijzigPlan('gezinsplan', 'GZP-00001', { belanghebbenden: { verwijderen: [BSN[3]] } })).rejects.toMatchObject({
      invalidParams: [{ name: 'belanghebbenden.verwijderen.0' }],
    });
    await expect(uc.wijzigPlan('levensdomeinplan', 'GZP-00001', { omschrijving: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(uc.wijzigPlan('gezinsplan', 'GZP-00001', {})).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(fake.ops()).not.toContain('updateZaak');
  });

  it('a closed plan is not changed or linked any more (CONFLICT), and nothing is sent', async () => {
    const { fake, uc } = setup();
    fake.put(bestaandeZaak('GZP-00001'));
    fake.put(bestaandeZaak('GZP-00009', GZP, { einddatum: { iso: '2026-01-31', precision: 'dag' } }));
    fake.put(bestaandeZaak('WMO-00009', { code: 'WMO', omschrijving: 'Wmo' }, { einddatum: { iso: '2026-01-31', precision: 'dag' } }));
    await expect(uc.wijzigPlan('gezinsplan', 'GZP-00009', { omschrijving: 'te laat' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(uc.koppelZaakAanGezinsplan('WMO-00009', 'GZP-00001')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(fake.ops()).not.toContain('updateZaak');
  });

  it('adding a client who is there already changes nothing and is refused as an empty change', async () => {
    const { fake, uc } = setup();
    fake.put(bestaandeZaak('GZP-00001'));
    const client = fake.zakenStore.get('GZP-00001')!.clients![0]!;
    await expect(uc.wijzigPlan('gezinsplan', 'GZP-00001', { clients: { toevoegen: [{ bsn: client.bsn, geslachtsnaam: 'X' }] } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      invalidParams: [{ name: 'wijziging' }],
    });
    expect(fake.ops()).not.toContain('updateZaak');
  });

  it('a change based on a stale version is PRECONDITION_FAILED and sends nothing; the current version passes', async () => {
    const { fake, useCases } = setup();
    const uc = useCases.forRequest(systemContext('test'));
    fake.put(bestaandeZaak('GZP-00001', GZP, { omschrijving: 'zoals ik het las' }));
    const gelezen = await useCases.forRequest(systemContext('lezer')).versie('GZP-00001');
    fake.put(bestaandeZaak('GZP-00001', GZP, { omschrijving: 'door iemand anders gewijzigd' }));
    const e = await uc.wijzigPlan('gezinsplan', 'GZP-00001', { omschrijving: 'mijn wijziging' }, undefined, [gelezen]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FacadeError);
    expect((e as FacadeError).code).toBe('PRECONDITION_FAILED');
    expect(fake.ops()).not.toContain('updateZaak');
    expect(fake.zakenStore.get('GZP-00001')!.omschrijving).toBe('door iemand anders gewijzigd');
    const huidig = await useCases.forRequest(systemContext('lezer')).versie('GZP-00001');
    expect(huidig).not.toBe(gelezen);
    await uc.wijzigPlan('gezinsplan', 'GZP-00001', { omschrijving: 'mijn wijziging' }, undefined, ['"ouder"', huidig]);
    expect(fake.zakenStore.get('GZP-00001')!.omschrijving).toBe('mijn wijziging');
  });

  it('zetStatus converts the moment to a StUF Tijdstip in Amsterdam time', async () => {
    const { fake, uc } = setup();
    fake.put(bestaandeZaak('GZP-00001'));
    const z = await uc.zetStatus('GZP-00001', { statustypeCode: 'S2', statustypeOmschrijving: 'Plan vastgesteld', statustypeVolgnummer: '2', datumStatusGezet: '2026-07-01T10:15:00Z' }, ['statussen']);
    expect(fake.calls[0]!.args[1]).toMatchObject({ statustype: { code: 'S2', omschrijving: 'Plan vastgesteld', volgnummer: '2' }, datumStatusGezet: '20260701121500' });
    expect(z.statussen).toHaveLength(1);
  });

  it('sluitZaak sets einddatum and resultaat once; a closed zaak gives CONFLICT', async () => {
    const { fake, uc } = setup();
    fake.put(bestaandeZaak('GZP-00001'));
    const z = await uc.sluitZaak('GZP-00001', { resultaatOmschrijving: 'Doelen bereikt', einddatum: '2026-06-30' }, ['einddatum', 'resultaat']);
    expect(z).toMatchObject({ einddatum: fullDate('2026-06-30'), resultaat: { omschrijving: 'Doelen bereikt' } });
    await expect(uc.sluitZaak('GZP-00001', { resultaatOmschrijving: 'nogmaals' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(uc.sluitZaak('GZP-00001', { resultaatOmschrijving: 'x', einddatum: '2025-01-01' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('sluitZaak refuses an einddatum before the startdatum', async () => {
    const { fake, uc } = setup();
    fake.put(bestaandeZaak('GZP-00001'));
    await expect(uc.sluitZaak('GZP-00001', { resultaatOmschrijving: 'x', einddatum: '2025-01-01' })).rejects.toMatchObject({
      invalidParams: [{ name: 'einddatum', reason: 'ligt voor de startdatum' }],
    });
  });

  it('overdragenDeelplan sends the zaaktype read from the zaaksysteem; a gezinsplan cannot be handed over', async () => {
    const { fake, uc } = setup();
    fake.put(bestaandeZaak('WMO-00001', WMO));
    fake.put(bestaandeZaak('GZP-00001'));
    await uc.overdragenDeelplan('WMO-00001', 'WMO-BACKOFFICE');
    expect(fake.calls.find((c) => c.op === 'overdragenZaak')!.args[0]).toEqual({ identificatie: 'WMO-00001', zaaktype: WMO, ontvanger: 'WMO-BACKOFFICE' });
    await expect(uc.overdragenDeelplan('GZP-00001', 'WMO-BACKOFFICE')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('voegDocumentToe answers with the document as the DMS lists it; content only on request', async () => {
    const { fake, uc } = setup();
    fake.put(bestaandeZaak('GZP-00001'));
    const doc = await uc.voegDocumentToe('GZP-00001', { titel: 'Verslag', documenttype: 'Verslag', auteur: 'R', inhoud: inhoud('hallo') });
    expect(doc).toEqual({ identificatie: 'DOC-1', titel: 'Verslag' });
    // the zaak is known before a document identificatie is reserved for it
    expect(fake.ops()).toEqual(['geefZaak', 'genereerDocumentIdentificatie', 'voegZaakdocumentToe', 'geefLijstZaakdocumenten']);
    expect(fake.calls[2]!.args[1]).toMatchObject({ identificatie: 'DOC-1', taal: 'nld', creatiedatum: today() });
    const gelezen = await uc.documentInhoud('DOC-1');
    const chunks: Uint8Array[] = [];
    for await (const c of gelezen.inhoud.body) chunks.push(c);
    expect(Buffer.concat(chunks).toString()).toBe('hallo');
  });

  it('voegDocumentToe reserves nothing for an unknown zaak', async () => {
    const { fake, uc } = setup();
    await expect(uc.voegDocumentToe('GZP-00404', { titel: 'Verslag', documenttype: 'Verslag', auteur: 'R', inhoud: inhoud('hallo') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fake.ops()).toEqual(['geefZaak']);
  });
});
