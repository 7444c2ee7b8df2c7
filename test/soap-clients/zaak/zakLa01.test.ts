import { describe, expect, it } from 'vitest';
import { NoValue } from '../../../src/core/domain/no-value';
import { ZAAK_VELDEN, type Zaak } from '../../../src/core/domain/zaak';
import { DIALECTS, OPERATIONS } from '../../../soap-clients/stuf/operations';
import { toXml, type XmlElement } from '../../../soap-clients/xml/xml-writer';
import { encodeZakLa01, readZakLa01 } from '../../../soap-clients/zaak/zakLa01.mapper';
import {
  buildGeefZaakdetailsLv01,
  buildGeefZaakstatusLv01,
  buildZoekZakenLv01,
  decodeZakLv01,
  ZOEK_ZAKEN,
} from '../../../soap-clients/zaak/zakLv01.mapper';
import { expectValidStuf } from '../../support/stuf-validator';
import { DEELPLAN, GEZINSPLAN, KOP, stempel } from './zaak-fixtures';
import { officieel, overDeLijn, rzsDeel, xp } from './zaak-test-helpers';

const LA01 = ['ZKN:zakLa01', 'ZDS:geefZaakdetails_ZakLa01', 'ZDS:geefZaakstatus_ZakLa01'] as const;
const dag = (iso: string) => ({ iso, precision: 'dag' as const });

describe('official zakLa01 answers, read by the client', () => {
  const V = 'stuf-zkn/examples/zds-1.1/voorbeeldberichten';
  const STP = 'stuf-zkn/examples/zds-1.2/stp';
  const leesStp = (nr: string) => readZakLa01(officieel(STP, 'geefZaakdetails', `geefZaakdetails_ZakLa01_${nr}.xml`), ['ZDS:geefZaakdetails_ZakLa01']);

  it('STP geefZaakdetails_ZakLa01: kenmerken, opschorting, verlenging, archiving, betrokkenen, deelzaken and besluiten', () => {
    const [z04] = leesStp('04');
    const mdw = { soort: 'medewerker' as const, medewerker: { identificatie: '123456789', achternaam: 'achternaam', voorletters: 'voorletters' }, omschrijving: 'omschrijving' };
    expect(z04).toMatchObject({
      kenmerken: [{ kenmerk: 'kenmerk', bron: 'bron' }, { kenmerk: 'kenmerk', bron: 'bron' }],
      opschorting: { indicatie: false, reden: 'reden' },
      verlenging: { duur: 123, reden: 'reden' },
      archiefnominatie: false,
      datumVernietigingDossier: dag('2017-10-01'),
      zaakniveau: 1,
      deelzakenIndicatie: false,
      verantwoordelijken: [mdw, mdw],
      overigeBetrokkenen: [mdw, mdw],
    });
    const [z08] = leesStp('08');
    expect(z08!.deelzaken).toEqual([{ identificatie: '0123456789', zaaktype: { code: '12345678', omschrijving: 'Aanvraag burgerservicenummer behandelen' } }]);
    expect(z08!.besluiten).toEqual([{ identificatie: '0123456789', besluittypeOmschrijving: 'omschrijving', datumBeslissing: dag('2017-10-01') }]);
    // 16: a natuurlijk persoon and a medewerker as overige betrokkenen
    expect(leesStp('16')[0]!.overigeBetrokkenen).toEqual([
      { soort: 'natuurlijkPersoon', persoon: { bsn: '123456789' } },
      { soort: 'medewerker', medewerker: { identificatie: '123456790' } },
    ]);
  });

  it('ZDS 1.1 geefZaakdetails_zakLa01 (voorbeeldbericht and SOAP example give the same zaak)', () => {
    const LANG = 'Langst mogelijke omschrijving voor om te testen wat je nog kunt zien en/of afkappen soms ook voorkomt';
    const verwacht: Zaak = {
      identificatie: '5700000000000000000000000000000000000001',
      omschrijving: 'Toegekend',
      toelichting: 'toelichting',
      zaaktype: { code: 'B0901', omschrijving: 'Client' },
      startdatum: dag('2013-05-16'),
      registratiedatum: dag('2013-09-01'),
      einddatumGepland: dag('2014-07-01'),
      uiterlijkeEinddatum: dag('2014-01-01'),
      einddatum: dag('2013-05-16'),
      resultaat: { omschrijving: 'Toegekend', toelichting: 'toelichting' },
      kenmerken: [{ kenmerk: '13113', bron: 'KING' }],
      opschorting: { indicatie: true, reden: LANG },
      verlenging: { duur: 999, reden: LANG },
      archiefnominatie: true,
      datumVernietigingDossier: dag('2016-01-01'),
      zaakniveau: 1,
      deelzakenIndicatie: false,
      verantwoordelijken: [{ soort: 'medewerker', medewerker: { identificatie: '020471' } }],
      overigeBetrokkenen: [{ soort: 'medewerker', medewerker: { identificatie: '020471' } }],
      initiator: { soort: 'medewerker', medewerker: { identificatie: '020471' } },
      // its heeftBetrekkingOp is an adres, not a client; its belanghebbende a medewerker, not a person
      clients: [],
      belanghebbenden: [],
      uitvoerenden: [{ soort: 'medewerker', medewerker: { identificatie: '020471' } }],
      statussen: [
        {
          statustype: { code: '', omschrijving: 'Client' },
          datumStatusGezet: '2013051608533500',
          toelichting: 'toelichting',
          indicatieLaatsteStatus: true,
          gezetDoor: { identificatie: '020471' },
        },
      ],
    };
    expect(readZakLa01(officieel(V, 'geefZaakdetails_zakLa01.xml'), LA01)).toEqual([verwacht]);
    expect(readZakLa01(officieel('stuf-zkn/examples/soap/zds-1.1_geefZaakdetails_zakLa01.response.xml'), ['ZKN:zakLa01'])).toEqual([verwacht]);
  });

  it('ZDS 1.1 geefZaakstatus_zakLa01', () => {
    expect(readZakLa01(officieel(V, 'geefZaakstatus_zakLa01.xml'), ['ZKN:zakLa01'], ['statussen'])).toEqual([
      {
        identificatie: '5700000000000000000000000000000000000001',
        statussen: [
          {
            statustype: { code: '', omschrijving: 'Partner', volgnummer: '0001' },
            datumStatusGezet: '2013051608533500',
            toelichting: 'toelichting',
            indicatieLaatsteStatus: true,
          },
        ],
      },
    ]);
  });

  it('STP geefZaakstatus_ZakLa01', () => {
    for (const [nr, volgnummer] of [['02', '1'], ['04', '3'], ['06', '7']] as const) {
      const [zaak] = readZakLa01(officieel(STP, 'geefZaakstatus', `geefZaakstatus_ZakLa01_${nr}.xml`), ['ZDS:geefZaakstatus_ZakLa01']);
      expect(zaak).toEqual({
        identificatie: `100000000${volgnummer === '1' ? 2 : volgnummer === '3' ? 4 : 6}`,
        statussen: [{ statustype: { code: '', volgnummer }, datumStatusGezet: '20171001', indicatieLaatsteStatus: true }],
      });
    }
  });

  it('STP geefZaakdetails_ZakLa01: attributes, initiators, uitvoerenden and related zaken', () => {
    const lees = (nr: string) => leesStp(nr).map(rzsDeel);
    const zkt = { code: '12345678', omschrijving: 'Aanvraag burgerservicenummer behandelen' };
    const mdw = (identificatie: string, achternaam?: string, voorletters?: string, omschrijving?: string) => ({
      soort: 'medewerker' as const,
      medewerker: { identificatie, ...(achternaam ? { achternaam } : {}), ...(voorletters ? { voorletters } : {}) },
      ...(omschrijving ? { omschrijving } : {}),
    });
    const basis = { omschrijving: 'omschrijving', zaaktype: zkt, startdatum: dag('2017-10-01'), registratiedatum: dag('2017-10-01') };
    const volledig = {
      ...basis,
      toelichting: 'toelichting',
      einddatumGepland: dag('2017-10-01'),
      uiterlijkeEinddatum: dag('2017-10-01'),
      einddatum: dag('2017-10-01'),
    };
    expect(lees('02')).toEqual([{ identificatie: '12341000000002', ...basis, initiator: mdw('123456789') }]);
    const viaEen = {
      ...volledig,
      resultaat: { omschrijving: 'omschrijving', toelichting: 'toelichting' },
      clients: [],
      belanghebbenden: [],
      uitvoerenden: [mdw('123456789', 'achternaam', 'voorletters', 'omschrijving'), mdw('123456789', 'achternaam', 'voorletters', 'omschrijving')],
    };
    expect(lees('04')).toEqual([{ identificatie: '12341000000004', ...viaEen }]);
    // 06 gives the zaaktype an omschrijving but no code: read as such, not dropped
    expect(lees('06')).toEqual([{ identificatie: '12341000000004', ...viaEen, zaaktype: { omschrijving: zkt.omschrijving } }]);
    expect(lees('08')).toEqual([
      {
        identificatie: '12341000000006',
        omschrijving: 'omschrijving',
        zaaktype: { code: '12345678' },
        initiator: { soort: 'natuurlijkPersoon', persoon: { bsn: '123456789' } },
        gerelateerdeZaken: [{ identificatie: '0123456789', zaaktype: zkt }],
      },
    ]);
    expect(lees('10')).toEqual([{ identificatie: '12342000000007', ...basis, initiator: mdw('123456789'), belanghebbenden: [] }]);
    expect(lees('12')).toEqual([
      {
        identificatie: '12342000000009',
        ...basis,
        omschrijving: 'omschrijvingN',
        belanghebbenden: [],
        uitvoerenden: [mdw('123456786', 'achternaam6', 'voorletters6', 'omschrijving6'), mdw('123456787', 'achternaam22', 'voorletters22', 'omschrijving22')],
      },
    ]);
    expect(lees('14')).toEqual([
      {
        identificatie: '12342000000011',
        ...basis,
        initiator: {
          soort: 'natuurlijkPersoon',
          omschrijving: 'omschrijving5',
          persoon: {
            bsn: '012345678',
            geslachtsnaam: 'geslachtsnaam5',
            voorvoegselGeslachtsnaam: 'voorvoeg5',
            voorletters: 'voorletters5',
            voornamen: 'voornamen5',
            geslachtsaanduiding: 'M',
            geboortedatum: dag('2017-10-01'),
          },
        },
        gerelateerdeZaken: [{ identificatie: '123456789', zaaktype: zkt }],
      },
    ]);
    // 16: the initiator is a vestiging, which the domain does not model (Initiator = medewerker | natuurlijkPersoon)
    expect(lees('16')).toEqual([{ identificatie: '12342000000013', ...volledig, belanghebbenden: [], uitvoerenden: [mdw('123456782')] }]);
  });

  it('an unexpected root is a protocol error of the backend', () => {
    expect(() => readZakLa01(officieel(STP, 'geefZaakstatus', 'geefZaakstatus_ZakLa01_02.xml'), ['ZKN:zakLa01'])).toThrow(
      expect.objectContaining({ code: 'BACKEND_PROTOCOL' }),
    );
  });
});

const ZAAK: Zaak = {
  ...GEZINSPLAN,
  toelichting: NoValue.of('geenWaarde'),
  einddatum: NoValue.of(null),
  statussen: [
    { statustype: { code: 'GZP-01', omschrijving: 'Intake', volgnummer: '1' }, datumStatusGezet: '20250201103000', gezetDoor: { identificatie: 'MDW0042' } },
    { statustype: { code: 'GZP-02', omschrijving: 'Plan vastgesteld', volgnummer: '2' }, datumStatusGezet: '20250301093000', toelichting: 'Besproken' },
  ],
};
const TWEEDE: Zaak = { ...DEELPLAN, statussen: [] };
/** the answer marks the most recent status as the current one (indicatieLaatsteStatus) */
const MET_INDICATIE = [
  { ...ZAAK.statussen![0]!, indicatieLaatsteStatus: false },
  { ...ZAAK.statussen![1]!, indicatieLaatsteStatus: true },
];

/** All answers below, validated in one go at the end; ZDS 1.2 search answers have a ZKN root (see zakLv01.mapper). */
const antwoorden: { name: string; xml: string }[] = [];
const zkn12: { name: string; xml: string }[] = [];

describe.each(DIALECTS)('zakLa01 answers of the provider side in %s', (dialect) => {
  const bewaar = (name: string, e: XmlElement, lijst = antwoorden) => {
    const xml = toXml(e);
    lijst.push({ name: `${dialect}-${name}`, xml });
    return xml;
  };

  it('geefZaakdetails: only the scope, stuurgegevens swapped, crossRefnummer = the question, noValue kept apart', () => {
    const vraag = decodeZakLv01(overDeLijn(stempel(buildGeefZaakdetailsLv01(dialect, ZAAK.identificatie, ['toelichting', 'einddatum', 'clients', 'statussen']))), OPERATIONS.geefZaakdetails.bindings[dialect].soapAction);
    const antwoord = encodeZakLa01(vraag, [ZAAK], { referentienummer: 'ANTW-1', now: KOP.now });
    const xml = bewaar('details', antwoord);
    expect(xp(xml, '//StUF:berichtcode')).toEqual(['La01']);
    expect(xp(xml, '//StUF:crossRefnummer')).toEqual(['REF-0001']);
    expect(xp(xml, '//ZKN:stuurgegevens/StUF:zender/StUF:applicatie')).toEqual(['ZAKENMAGAZIJN']);
    expect(xp(xml, '//ZKN:stuurgegevens/StUF:ontvanger/StUF:applicatie')).toEqual(['REGIESYSTEEM']);
    expect(xp(xml, '//ZKN:antwoord/ZKN:object/ZKN:omschrijving')).toEqual([]);
    expect(xp(xml, '//ZKN:antwoord/ZKN:object/ZKN:heeft/ZKN:indicatieLaatsteStatus')).toEqual(['N', 'J']);

    const [gelezen] = readZakLa01(overDeLijn(antwoord), OPERATIONS.geefZaakdetails.bindings[dialect].response, vraag.velden);
    expect(gelezen).toEqual({
      identificatie: ZAAK.identificatie,
      toelichting: NoValue.of('geenWaarde'),
      einddatum: NoValue.of(null),
      clients: ZAAK.clients,
      statussen: MET_INDICATIE,
    });
    expect(gelezen!.omschrijving).toBeUndefined();
  });

  it('geefZaakdetails with every field round-trips the whole zaak', () => {
    const vraag = decodeZakLv01(overDeLijn(stempel(buildGeefZaakdetailsLv01(dialect, ZAAK.identificatie, ZAAK_VELDEN))), OPERATIONS.geefZaakdetails.bindings[dialect].soapAction);
    const antwoord = encodeZakLa01(vraag, [ZAAK]);
    bewaar('details-alles', antwoord);
    expect(readZakLa01(overDeLijn(antwoord), LA01, vraag.velden)).toEqual([{ ...ZAAK, statussen: MET_INDICATIE }]);
  });

  it('a search answers at most maximumAantal zaken and says there are more', () => {
    const vraag = decodeZakLv01(overDeLijn(stempel(buildZoekZakenLv01(dialect, { clientBsn: '999993653' }, ['omschrijving', 'zaaktype'], 1))), ZOEK_ZAKEN.bindings[dialect].soapAction);
    const antwoord = encodeZakLa01(vraag, [ZAAK, TWEEDE]);
    const xml = bewaar('zoek', antwoord, dialect === 'zds-1.2' ? zkn12 : antwoorden);
    expect(xp(xml, 'local-name(/*)')).toEqual(['zakLa01']);
    expect(xp(xml, '//StUF:indicatorVervolgvraag')).toEqual(['true']);
    expect(readZakLa01(overDeLijn(antwoord), ['ZKN:zakLa01'])).toEqual([{ identificatie: ZAAK.identificatie, omschrijving: ZAAK.omschrijving, zaaktype: ZAAK.zaaktype }]);

    const alle = decodeZakLv01(overDeLijn(stempel(buildZoekZakenLv01(dialect, { clientBsn: '999993653' }, ['gerelateerdeZaken'], 10))), ZOEK_ZAKEN.bindings[dialect].soapAction);
    const beide = encodeZakLa01(alle, [ZAAK, TWEEDE]);
    expect(xp(bewaar('zoek-alle', beide, dialect === 'zds-1.2' ? zkn12 : antwoorden), '//StUF:indicatorVervolgvraag')).toEqual(['false']);
    expect(readZakLa01(overDeLijn(beide), ['ZKN:zakLa01'], alle.velden)).toEqual([
      { identificatie: ZAAK.identificatie, gerelateerdeZaken: [] },
      { identificatie: TWEEDE.identificatie, gerelateerdeZaken: TWEEDE.gerelateerdeZaken },
    ]);
    const geen = encodeZakLa01(alle, []);
    expect(xp(bewaar('zoek-leeg', geen, dialect === 'zds-1.2' ? zkn12 : antwoorden), '//ZKN:antwoord')).toEqual([]);
  });

  it('geefZaakstatus answers the current status (and a nil status when the zaak has none)', () => {
    const vraag = decodeZakLv01(overDeLijn(stempel(buildGeefZaakstatusLv01(dialect, ZAAK.identificatie, true))), OPERATIONS.geefZaakstatus.bindings[dialect].soapAction);
    const antwoord = encodeZakLa01(vraag, [ZAAK]);
    const xml = bewaar('status', antwoord);
    expect(xp(xml, '//ZKN:heeft/ZKN:gerelateerde/ZKN:omschrijving')).toEqual(['Plan vastgesteld']);
    expect(xp(xml, '//ZKN:heeft/ZKN:gerelateerde/ZKN:zkt.omschrijving')).toEqual([GEZINSPLAN.zaaktype.omschrijving]);
    expect(xp(xml, '//ZKN:antwoord/ZKN:object/ZKN:isVan')).toEqual([]);
    expect(readZakLa01(overDeLijn(antwoord), OPERATIONS.geefZaakstatus.bindings[dialect].response)[0]!.statussen).toEqual([
      { statustype: ZAAK.statussen![1]!.statustype, datumStatusGezet: '20250301093000', toelichting: 'Besproken', indicatieLaatsteStatus: true },
    ]);
    const zonder = encodeZakLa01(vraag, [TWEEDE]);
    bewaar('status-zonder', zonder);
    expect(readZakLa01(overDeLijn(zonder), LA01, ['statussen'])[0]!.statussen).toEqual([]);
  });

});

describe('answers to the official STP questions', () => {
  it('answer whatever scope the STP asks, referring to the question', () => {
    const STP = 'stuf-zkn/examples/zds-1.2/stp';
    const vragen = [
      ...['01', '03', '05', '07', '09', '11', '13', '15'].map((nr) => officieel(STP, 'geefZaakdetails', `geefZaakdetails_ZakLv01_${nr}.xml`)),
      ...['01', '03', '05'].map((nr) => officieel(STP, 'geefZaakstatus', `geefZaakstatus_ZakLv01_${nr}.xml`)),
    ].map((root) => decodeZakLv01(root));
    vragen.forEach((vraag, i) => {
      const xml = toXml(encodeZakLa01(vraag, [{ ...ZAAK, identificatie: vraag.criteria.identificatie! }]));
      expect(xp(xml, '//StUF:crossRefnummer')).toEqual(['1234567890']);
      expect(xp(xml, '//ZKN:antwoord/ZKN:object/ZKN:identificatie')).toEqual([vraag.criteria.identificatie]);
      antwoorden.push({ name: `stp-${i}`, xml });
    });
  });
});

describe('zakLa01 schema validity', () => {
  it('every answer above validates against the official schemas', async () => {
    expect(antwoorden.length + zkn12.length).toBe(25);
    await expectValidStuf(antwoorden);
    await expectValidStuf(zkn12, '1.2');
  });
});
