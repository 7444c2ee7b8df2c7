import { describe, expect, it } from 'vitest';
import { FacadeError } from '../../../src/core/domain/errors';
import { ZAAK_VELDEN, type ZaakVeld, type ZaakZoekvraag } from '../../../src/core/domain/zaak';
import { DIALECTS, OPERATIONS } from '../../../soap-clients/stuf/operations';
import { toXml, type XmlElement } from '../../../soap-clients/xml/xml-writer';
import {
  buildGeefZaakdetailsLv01,
  buildGeefZaakstatusLv01,
  buildZoekZakenLv01,
  decodeZakLv01,
  ZOEK_ZAKEN,
} from '../../../soap-clients/zaak/zakLv01.mapper';
import { expectValidStuf } from '../../support/stuf-validator';
import { KOP, stempel } from './zaak-fixtures';
import { officieel, overDeLijn, xp } from './zaak-test-helpers';

const berichten: { name: string; xml: string }[] = [];
/** ZDS 1.2 searches have a ZKN root: the validator must use the zkn0310 of the ZDS 1.2 set for them. */
const zoekberichten12: { name: string; xml: string }[] = [];
const bewaar = (name: string, e: XmlElement, lijst = berichten): string => {
  const xml = toXml(e);
  lijst.push({ name, xml });
  return xml;
};

const ZOEKVRAGEN: [string, ZaakZoekvraag][] = [
  ['zaaktype', { zaaktypeCode: 'GZP' }],
  ['client', { clientBsn: '999993653' }],
  ['initiator', { initiatorMedewerker: 'MDW0042' }],
  ['gerelateerd', { gerelateerdeZaak: '12340000000100' }],
  ['combinatie', { zaaktypeCode: 'WMO01', clientBsn: '999993653', gerelateerdeZaak: '12340000000100' }],
];

describe.each(DIALECTS)('zakLv01 in %s', (dialect) => {
  it('geefZaakdetails asks for exactly the requested fields plus identificatie, never an empty scope', () => {
    const velden: ZaakVeld[] = ['omschrijving', 'clients', 'statussen'];
    const xml = bewaar(`${dialect}-details`, stempel(buildGeefZaakdetailsLv01(dialect, '12340000000100', velden)));
    expect(xp(xml, 'local-name(/*)')).toEqual([dialect === 'zds-1.1' ? 'zakLv01' : 'geefZaakdetails_ZakLv01']);
    expect(xp(xml, '//ZKN:gelijk/ZKN:identificatie')).toEqual(['12340000000100']);
    expect(xp(xml, '//ZKN:scope/ZKN:object/*').length).toBe(4);
    expect(xp(xml, '//ZKN:scope/ZKN:object/*/@xsi:nil')).toEqual(['true', 'true']);
    expect(xp(xml, 'local-name(//ZKN:scope/ZKN:object/*[3])')).toEqual(['heeftBetrekkingOp']);
    expect(xp(xml, '//ZKN:scope//ZKN:natuurlijkPersoon/BG:inp.bsn/@xsi:nil')).toEqual(['true']);
    expect(xp(xml, '//StUF:sortering')).toEqual(['0']);
    expect(xp(xml, '//StUF:indicatorVervolgvraag')).toEqual(['false']);

    const leeg = bewaar(`${dialect}-details-alleen-identificatie`, stempel(buildGeefZaakdetailsLv01(dialect, '12340000000100', [])));
    expect(xp(leeg, 'local-name(//ZKN:scope/ZKN:object/*)')).toEqual(['identificatie']);

    const alles = stempel(buildGeefZaakdetailsLv01(dialect, '12340000000100', ZAAK_VELDEN));
    bewaar(`${dialect}-details-alles`, alles);
    const vraag = decodeZakLv01(overDeLijn(alles), OPERATIONS.geefZaakdetails.bindings[dialect].soapAction);
    expect(vraag).toMatchObject({ dialect, operation: 'geefZaakdetails', criteria: { identificatie: '12340000000100' } });
    expect(vraag.velden).toEqual([...ZAAK_VELDEN]);
  });

  it.each(ZOEKVRAGEN)('searches on %s with maximumAantal, and the provider reads the criteria back', (naam, zoekvraag) => {
    const bericht = stempel(buildZoekZakenLv01(dialect, zoekvraag, ['omschrijving', 'zaaktype'], 25));
    const xml = bewaar(`${dialect}-zoek-${naam}`, bericht, dialect === 'zds-1.2' ? zoekberichten12 : berichten);
    expect(xp(xml, 'local-name(/*)')).toEqual(['zakLv01']);
    expect(xp(xml, '//StUF:maximumAantal')).toEqual(['25']);
    if (zoekvraag.clientBsn) {
      // RZS §6.3: the client is heeftBetrekkingOp, identified as OBJ; no omschrijving, as a client is read without one
      expect(xp(xml, '//ZKN:gelijk/ZKN:heeftBetrekkingOp/ZKN:gerelateerde[ZKN:typering="NPS"]/ZKN:identificatie')).toEqual([
        zoekvraag.clientBsn,
      ]);
      expect(xp(xml, '//ZKN:gelijk/ZKN:heeftBetrekkingOp/ZKN:omschrijving')).toEqual([]);
    }
    // the general StUF-ZKN zakLv01 with its own soapAction in both dialects, never geefZaakdetails_Lv01
    expect(buildZoekZakenLv01(dialect, zoekvraag, []).operation).toBe(ZOEK_ZAKEN);
    expect(ZOEK_ZAKEN.bindings[dialect].soapAction).toBe('http://www.egem.nl/StUF/sector/zkn/0310/zakLv01');
    const vraag = decodeZakLv01(overDeLijn(bericht), ZOEK_ZAKEN.bindings[dialect].soapAction, dialect);
    expect(vraag).toMatchObject({ dialect, operation: 'geefZaakdetails', maximumAantal: 25, velden: ['omschrijving', 'zaaktype'] });
    expect(vraag.criteria).toEqual(zoekvraag);
    expect(vraag.binding).toEqual(ZOEK_ZAKEN.bindings[dialect]);
  });

  it('searches on a client filed as initiator: the BSN as BTR identificatie of heeftAlsInitiator, no heeftBetrekkingOp', () => {
    const bericht = stempel(buildZoekZakenLv01(dialect, { clientBsn: '999993653', zaaktypeCode: 'GZP' }, [], 5, 'heeftAlsInitiator'));
    const xml = bewaar(`${dialect}-zoek-client-als-initiator`, bericht, dialect === 'zds-1.2' ? zoekberichten12 : berichten);
    expect(xp(xml, '//ZKN:gelijk/ZKN:heeftAlsInitiator/ZKN:gerelateerde[@StUF:entiteittype="BTR"]/ZKN:identificatie')).toEqual(['999993653']);
    expect(xp(xml, 'count(//ZKN:gelijk/ZKN:heeftBetrekkingOp)')).toEqual(['0']);
    expect(decodeZakLv01(overDeLijn(bericht), ZOEK_ZAKEN.bindings[dialect].soapAction).criteria).toEqual({
      zaaktypeCode: 'GZP',
      initiatorMedewerker: '999993653',
    });
    expect(() => buildZoekZakenLv01(dialect, { clientBsn: '999993653', initiatorMedewerker: 'MDW1' }, [], 5, 'heeftAlsInitiator')).toThrow(FacadeError);
  });

  it('a search on identificatie alone is the read of that zaak: geefZaakdetails, without maximumAantal', () => {
    const bericht = buildZoekZakenLv01(dialect, { identificatie: '12340000000100' }, ['omschrijving'], 1);
    expect(bericht.operation).toBe(OPERATIONS.geefZaakdetails);
    expect(toXml(stempel(bericht))).toBe(toXml(stempel(buildGeefZaakdetailsLv01(dialect, '12340000000100', ['omschrijving']))));
    expect(buildZoekZakenLv01(dialect, { identificatie: '12340000000100', zaaktypeCode: 'GZP' }, []).operation).toBe(ZOEK_ZAKEN);
  });

  it('refuses a search without criteria and a maximumAantal that is not a positive integer', () => {
    expect(() => stempel(buildZoekZakenLv01(dialect, {}, ['omschrijving']))).toThrow(FacadeError);
    for (const max of [0, -1, 2.5]) expect(() => stempel(buildZoekZakenLv01(dialect, { zaaktypeCode: 'GZP' }, [], max))).toThrow(/maximumAantal/);
  });

  it('geefZaakstatus asks for the current status with the elements ZDS 1.2 §4.1.1 marks mandatory', () => {
    const bericht = stempel(buildGeefZaakstatusLv01(dialect, '12340000000100', true));
    const xml = bewaar(`${dialect}-status`, bericht);
    expect(xp(xml, '//ZKN:gelijk/ZKN:heeft/ZKN:indicatieLaatsteStatus')).toEqual(['J']);
    expect(xp(xml, 'local-name(//ZKN:scope/ZKN:object/ZKN:heeft/*)')).toEqual(['gerelateerde']);
    const vraag = decodeZakLv01(overDeLijn(bericht), OPERATIONS.geefZaakstatus.bindings[dialect].soapAction);
    expect(vraag).toMatchObject({ dialect, operation: 'geefZaakstatus', alleenLaatsteStatus: true, velden: ['statussen'] });
  });
});

describe('zakLv01 details', () => {
  it('ZDS 1.1 geefZaakstatus may ask for the whole history; ZDS 1.2 cannot', () => {
    const xml = bewaar('zds-1.1-status-historie', stempel(buildGeefZaakstatusLv01('zds-1.1', '12340000000100', false)));
    expect(xp(xml, '//ZKN:gelijk/*').length).toBe(1);
    expect(() => stempel(buildGeefZaakstatusLv01('zds-1.2', '12340000000100', false))).toThrow(FacadeError);
  });

  it('the provider refuses a question without scope, with an empty scope or a maximumAantal that is no number', () => {
    const zonder = overDeLijn(stempel(buildGeefZaakdetailsLv01('zds-1.2', 'Z1', [])));
    const scope = zonder.children.find((c) => c.local === 'scope')!;
    scope.children.length = 0;
    expect(() => decodeZakLv01(zonder)).toThrow(/geen scope/);
    const leeg = overDeLijn(stempel(buildGeefZaakdetailsLv01('zds-1.2', 'Z1', [])));
    leeg.children.find((c) => c.local === 'scope')!.children[0]!.children.length = 0;
    expect(() => decodeZakLv01(leeg)).toThrow(/scope van de vraag is leeg/);
    const veel = overDeLijn(stempel(buildZoekZakenLv01('zds-1.1', { zaaktypeCode: 'GZP' }, [], 5)));
    veel.children.find((c) => c.local === 'parameters')!.children.find((c) => c.local === 'maximumAantal')!.text = 'alles';
    expect(() => decodeZakLv01(veel)).toThrow(/ongeldig maximumAantal/);
  });

  it('every question validates against the official schemas', async () => {
    expect(berichten.length + zoekberichten12.length).toBe(21);
    await expectValidStuf(berichten);
    await expectValidStuf(zoekberichten12, '1.2');
  });
});

describe('official zakLv01 requests, decoded by the provider side', () => {
  const STP = 'stuf-zkn/examples/zds-1.2/stp';
  const details = (nr: string) => officieel(STP, 'geefZaakdetails', `geefZaakdetails_ZakLv01_${nr}.xml`);

  it('STP geefZaakdetails with StUF:scope="alles" (and variants) asks for every field', () => {
    const verwacht = { '01': '12341000000002', '03': '12341000000004', '05': '12341000000004', '09': '12342000000007', '11': '12342000000009', '13': '12342000000011', '15': '12342000000013' };
    for (const [nr, identificatie] of Object.entries(verwacht)) {
      const vraag = decodeZakLv01(details(nr));
      expect(vraag, nr).toMatchObject({ dialect: 'zds-1.2', operation: 'geefZaakdetails', criteria: { identificatie }, alleenLaatsteStatus: false });
      expect(vraag.velden).toEqual([...ZAAK_VELDEN]);
      expect(vraag.stuurgegevens).toMatchObject({ referentienummer: '1234567890', zender: { organisatie: 'KING', applicatie: 'STP' } });
    }
  });

  it('STP geefZaakdetails_ZakLv01_07 asks for omschrijving, zaaktype, initiator and related zaken', () => {
    const vraag = decodeZakLv01(details('07'));
    expect(vraag.criteria).toEqual({ identificatie: '12341000000006' });
    expect(vraag.velden).toEqual(['omschrijving', 'zaaktype', 'initiator', 'gerelateerdeZaken', 'deelzaken', 'besluiten']);
  });

  it('STP geefZaakstatus asks for the current status', () => {
    for (const [nr, identificatie] of [['01', '12341000000002'], ['03', '12341000000004'], ['05', '12341000000006']]) {
      const vraag = decodeZakLv01(officieel(STP, 'geefZaakstatus', `geefZaakstatus_ZakLv01_${nr}.xml`));
      expect(vraag).toMatchObject({ dialect: 'zds-1.2', operation: 'geefZaakstatus', criteria: { identificatie }, alleenLaatsteStatus: true, velden: ['statussen'] });
      expect(vraag.binding.response).toEqual(['ZDS:geefZaakstatus_ZakLa01']);
    }
  });

  it('ZDS 1.1 voorbeeldberichten: the soapAction tells geefZaakdetails from geefZaakstatus', () => {
    const V = 'stuf-zkn/examples/zds-1.1/voorbeeldberichten';
    const d = decodeZakLv01(officieel(V, 'geefZaakdetails_zakLv01.xml'), OPERATIONS.geefZaakdetails.bindings['zds-1.1'].soapAction);
    expect(d).toMatchObject({ dialect: 'zds-1.1', operation: 'geefZaakdetails', criteria: { identificatie: '123445678901234567890123456789012345600' } });
    // its scope names every field of the domain except heeftBetrekkingOpAndere, heeftAlsDeelzaak, heeftAlsHoofdzaak and leidtTot
    expect(d.velden).toEqual(ZAAK_VELDEN.filter((v) => !['gerelateerdeZaken', 'deelzaken', 'hoofdzaken', 'besluiten'].includes(v)));
    expect(d.stuurgegevens.referentienummer).toBeUndefined();

    const s = decodeZakLv01(officieel(V, 'geefZaakstatus_zakLv01.xml'), `"${OPERATIONS.geefZaakstatus.bindings['zds-1.1'].soapAction}"`);
    expect(s).toMatchObject({
      dialect: 'zds-1.1',
      operation: 'geefZaakstatus',
      criteria: { identificatie: '5700000000000000000000000000000000000011' },
      alleenLaatsteStatus: true,
      velden: ['statussen'],
    });
  });

  it('the SOAP example zds-1.1_geefZaakdetails_zakLv01.request.xml', () => {
    const vraag = decodeZakLv01(officieel('stuf-zkn/examples/soap/zds-1.1_geefZaakdetails_zakLv01.request.xml'));
    expect(vraag).toMatchObject({ dialect: 'zds-1.1', operation: 'geefZaakdetails', criteria: { identificatie: '123445678901234567890123456789012345600' } });
  });
});
