import { describe, expect, it } from 'vitest';
import { NoValue } from '../../../src/core/domain/no-value';
import type { ZaakWijziging } from '../../../src/core/domain/zaak';
import { DIALECTS } from '../../../soap-clients/stuf/operations';
import { toXml, type XmlElement } from '../../../soap-clients/xml/xml-writer';
import { buildCreeerZaakLk01, decodeCreeerZaakLk01 } from '../../../soap-clients/zaak/zakLk01-creeer.mapper';
import { buildActualiseerZaakstatusLk01, decodeActualiseerZaakstatusLk01 } from '../../../soap-clients/zaak/zakLk01-status.mapper';
import { buildUpdateZaakLk01, decodeUpdateZaakLk01 } from '../../../soap-clients/zaak/zakLk01-update.mapper';
import { expectValidStuf } from '../../support/stuf-validator';
import { DEELPLAN, GEZINSPLAN, HUIDIG, KOP, LEVENSDOMEINPLAN, stempel } from './zaak-fixtures';
import { overDeLijn, xp } from './zaak-test-helpers';

const berichten: { name: string; xml: string }[] = [];
const bewaar = (name: string, e: XmlElement): string => {
  const xml = toXml(e);
  berichten.push({ name, xml });
  return xml;
};

const WIJZIGING: ZaakWijziging = {
  omschrijving: 'Gezinsplan gezin De Vries-Bakker',
  toelichting: 'Na overleg aangepast',
  einddatumGepland: NoValue.of('geenWaarde'),
  resultaat: { omschrijving: 'Doelen behaald' },
  clients: { toevoegen: [{ bsn: '999990019', geslachtsnaam: 'Vries', voorletters: 'C' }], verwijderen: ['999991723'] },
  belanghebbenden: { verwijderen: ['999995571'] },
  uitvoerenden: { verwijderen: [{ soort: 'vestiging', vestigingsNummer: '000012345678' }] },
  gerelateerdeZaken: { toevoegen: [{ identificatie: LEVENSDOMEINPLAN.identificatie }] },
};

describe.each(DIALECTS)('ZAK Lk01 in %s', (dialect) => {
  it('creeerZaak carries the whole zaak, and the provider side reads it back', () => {
    for (const zaak of [GEZINSPLAN, LEVENSDOMEINPLAN, DEELPLAN]) {
      const bericht = stempel(buildCreeerZaakLk01(dialect, zaak));
      bewaar(`${dialect}-creeer-${zaak.identificatie}`, bericht);
      const verzoek = decodeCreeerZaakLk01(overDeLijn(bericht));
      expect(verzoek.dialect).toBe(dialect);
      expect(verzoek.stuurgegevens).toMatchObject({ berichtcode: 'Lk01', referentienummer: 'REF-0001', entiteittype: 'ZAK' });
      expect(verzoek.stuurgegevens.zender).toEqual(KOP.zender);
      const { zaaktype, initiator, clients, belanghebbenden, uitvoerenden, gerelateerdeZaken, ...attributen } = zaak;
      expect(verzoek.zaak).toEqual({
        ...attributen,
        // every zaak the regie domain creates is of niveau 1 without deelzaken (RZS §6.6.3)
        zaakniveau: 1,
        deelzakenIndicatie: false,
        zaaktype,
        initiator,
        clients,
        ...(belanghebbenden.length ? { belanghebbenden } : {}),
        ...(uitvoerenden.length ? { uitvoerenden } : {}),
        ...(gerelateerdeZaken.length ? { gerelateerdeZaken } : {}),
      });
    }
  });

  it('creeerZaak keeps incomplete dates and noValue reasons', () => {
    const xml = bewaar(`${dialect}-creeer-datums`, stempel(buildCreeerZaakLk01(dialect, GEZINSPLAN)));
    expect(xp(xml, '//ZKN:object/ZKN:einddatumGepland/@StUF:indOnvolledigeDatum')).toEqual(['D']);
    expect(xp(xml, '//ZKN:object/ZKN:einddatumGepland')).toEqual(['20251200']);
    expect(xp(xml, "//ZKN:heeftBetrekkingOp[.//BG:inp.bsn='999991723']//BG:geboortedatum")).toEqual(['19800000']);
    expect(xp(xml, '//ZKN:heeftAlsBelanghebbende//BG:voornamen/@StUF:noValue')).toEqual(['waardeOnbekend']);
    expect(xp(xml, '//ZKN:parameters/StUF:mutatiesoort')).toEqual(['T']);
    expect(xp(xml, '//ZKN:object/@StUF:verwerkingssoort')).toEqual(['T']);
  });

  it('updateZaak builds the oud/nieuw pair of StUF 03.01 §5.2.7 from the current state', () => {
    const bericht = stempel(buildUpdateZaakLk01(dialect, HUIDIG.identificatie, HUIDIG, WIJZIGING));
    const xml = bewaar(`${dialect}-update`, bericht);
    const [oud, nieuw] = ['//ZKN:object[1]', '//ZKN:object[2]'];
    expect(xp(xml, '//ZKN:parameters/StUF:mutatiesoort')).toEqual(['W']);
    expect(xp(xml, '//ZKN:object/@StUF:verwerkingssoort')).toEqual(['W', 'W']);
    // attributes: old value, or geenWaarde where there was none; geenWaarde in nieuw clears
    expect(xp(xml, `${oud}/ZKN:omschrijving`)).toEqual(['Gezinsplan gezin De Vries']);
    expect(xp(xml, `${nieuw}/ZKN:omschrijving`)).toEqual([WIJZIGING.omschrijving]);
    expect(xp(xml, `${oud}/ZKN:toelichting/@StUF:noValue`)).toEqual(['geenWaarde']);
    expect(xp(xml, `${oud}/ZKN:einddatumGepland`)).toEqual(['20251200']);
    expect(xp(xml, `${nieuw}/ZKN:einddatumGepland/@StUF:noValue`)).toEqual(['geenWaarde']);
    expect(xp(xml, `${nieuw}/ZKN:einddatumGepland/@xsi:nil`)).toEqual(['true']);
    // the removed client: with kerngegevens and V in oud, empty with V in nieuw (rule 5)
    expect(xp(xml, `${oud}/ZKN:heeftBetrekkingOp[@StUF:verwerkingssoort='V']//BG:inp.bsn`)).toEqual(['999991723']);
    expect(xp(xml, `${nieuw}/ZKN:heeftBetrekkingOp[@StUF:verwerkingssoort='V']/@StUF:noValue`)).toEqual(['geenWaarde']);
    // the added client: empty with T in oud, filled with T in nieuw (rule 2)
    expect(xp(xml, `${oud}/ZKN:heeftBetrekkingOp[@StUF:verwerkingssoort='T']/@xsi:nil`)).toEqual(['true']);
    expect(xp(xml, `${nieuw}/ZKN:heeftBetrekkingOp[@StUF:verwerkingssoort='T']//BG:inp.bsn`)).toEqual(['999990019']);
    expect(xp(xml, `${nieuw}/ZKN:heeftBetrekkingOp[@StUF:verwerkingssoort='T']/ZKN:omschrijving`)).toEqual(['Client']);
    // the client that stays: with I in oud and in nieuw, so oud names the whole list the change is based on
    expect(xp(xml, `${oud}/ZKN:heeftBetrekkingOp[@StUF:verwerkingssoort='I']//BG:inp.bsn`)).toEqual(['999993653']);
    expect(xp(xml, `${nieuw}/ZKN:heeftBetrekkingOp[@StUF:verwerkingssoort='I']//BG:inp.bsn`)).toEqual(['999993653']);
    // the uitvoerende that stays likewise; kinds that do not change are not in the pair
    expect(xp(xml, `${oud}/ZKN:heeftAlsUitvoerende[@StUF:verwerkingssoort='I']//ZKN:identificatie`)).toEqual(['MDW0077']);
    expect(xp(xml, `//ZKN:heeftAlsVerantwoordelijke`)).toEqual([]);
    expect(xp(xml, `${oud}/ZKN:heeftAlsBelanghebbende[@StUF:verwerkingssoort='V']//BG:inp.bsn`)).toEqual(['999995571']);
    expect(xp(xml, `${oud}/ZKN:heeftAlsUitvoerende[@StUF:verwerkingssoort='V']//BG:vestigingsNummer`)).toEqual(['000012345678']);
    expect(xp(xml, `${nieuw}/ZKN:heeftBetrekkingOpAndere[@StUF:verwerkingssoort='T']/ZKN:gerelateerde/ZKN:identificatie`)).toEqual([
      LEVENSDOMEINPLAN.identificatie,
    ]);

    const verzoek = decodeUpdateZaakLk01(overDeLijn(bericht));
    expect(verzoek.identificatie).toBe(HUIDIG.identificatie);
    expect(verzoek.oud.omschrijving).toBe('Gezinsplan gezin De Vries');
    expect(verzoek.oud.toelichting).toBe(NoValue.of('geenWaarde'));
    expect(verzoek.nieuw.einddatumGepland).toBe(NoValue.of('geenWaarde'));
    expect(verzoek.nieuw.resultaat).toEqual({ omschrijving: 'Doelen behaald' });
    expect(verzoek.nieuw.startdatum).toBeUndefined();
    expect(verzoek.toevoegen).toEqual({
      clients: [{ bsn: '999990019', geslachtsnaam: 'Vries', voorletters: 'C' }],
      gerelateerdeZaken: [{ identificatie: LEVENSDOMEINPLAN.identificatie }],
    });
    expect(verzoek.verwijderen).toEqual({
      clients: [GEZINSPLAN.clients[1]],
      belanghebbenden: GEZINSPLAN.belanghebbenden,
      uitvoerenden: [GEZINSPLAN.uitvoerenden[1]],
    });
    expect(verzoek.ongewijzigd).toEqual({ clients: [GEZINSPLAN.clients[0]], uitvoerenden: [GEZINSPLAN.uitvoerenden[0]] });
  });

  it('actualiseerZaakstatus adds one ZAKSTT relation (empty T in oud, T in nieuw)', () => {
    const status = {
      statustype: { code: 'GZP-02', omschrijving: 'Plan vastgesteld', volgnummer: '2' },
      datumStatusGezet: '20250301093000',
      toelichting: 'Besproken met het gezin',
      gezetDoor: { identificatie: 'MDW0042', achternaam: 'Jansen' },
    };
    const bericht = stempel(buildActualiseerZaakstatusLk01(dialect, GEZINSPLAN.identificatie, status, GEZINSPLAN.zaaktype));
    const xml = bewaar(`${dialect}-status`, bericht);
    expect(xp(xml, '//ZKN:object[1]/ZKN:heeft/@StUF:verwerkingssoort')).toEqual(['T']);
    expect(xp(xml, '//ZKN:object[1]/ZKN:heeft/@xsi:nil')).toEqual(['true']);
    expect(xp(xml, '//ZKN:object[2]/ZKN:heeft/ZKN:gerelateerde/ZKN:zkt.code')).toEqual(['GZP']);
    expect(xp(xml, '//ZKN:object[2]/ZKN:heeft/ZKN:gerelateerde/ZKN:volgnummer')).toEqual(['2']);
    expect(decodeActualiseerZaakstatusLk01(overDeLijn(bericht))).toMatchObject({ dialect, identificatie: GEZINSPLAN.identificatie, status });

    // without a known zetter the relation isGezetDoor is written empty: ZDS 1.2 requires it
    const zonder = stempel(buildActualiseerZaakstatusLk01(dialect, GEZINSPLAN.identificatie, {
      statustype: status.statustype,
      datumStatusGezet: status.datumStatusGezet,
    }));
    expect(xp(bewaar(`${dialect}-status-zonder-zetter`, zonder), '//ZKN:isGezetDoor/@StUF:noValue')).toEqual(['geenWaarde']);
    expect(decodeActualiseerZaakstatusLk01(overDeLijn(zonder)).status).toEqual({
      statustype: status.statustype,
      datumStatusGezet: status.datumStatusGezet,
    });
  });

  it('actualiseerZaakstatus refuses a statustype without volgnummer or omschrijving (ZDS 1.2 §4.5: v)', () => {
    expect(() =>
      stempel(buildActualiseerZaakstatusLk01(dialect, 'Z1', { statustype: { code: 'X' }, datumStatusGezet: '20250301093000' })),
    ).toThrow(/statustype onvolledig/);
  });
});

describe('ZAK Lk01 provider side', () => {
  it('refuses an object without zaakidentificatie', () => {
    const root = overDeLijn(stempel(buildCreeerZaakLk01('zds-1.2', GEZINSPLAN)));
    const object = root.children.find((c) => c.local === 'object')!;
    object.children.splice(object.children.findIndex((c) => c.local === 'identificatie'), 1);
    expect(() => decodeCreeerZaakLk01(root)).toThrow(/zonder zaakidentificatie/);
  });

  it('refuses an updateZaak whose oud and nieuw are different zaken', () => {
    const root = overDeLijn(stempel(buildUpdateZaakLk01('zds-1.1', HUIDIG.identificatie, HUIDIG, { omschrijving: 'x' })));
    root.children.filter((c) => c.local === 'object')[1]!.children[0]!.text = 'ANDERE-ZAAK';
    expect(() => decodeUpdateZaakLk01(root)).toThrow(/verschillende zaken/);
  });
});

describe('ZAK Lk01 schema validity', () => {
  it('every message built above validates against the official schemas of its dialect', async () => {
    expect(berichten).toHaveLength(14);
    await expectValidStuf(berichten);
  });
});
