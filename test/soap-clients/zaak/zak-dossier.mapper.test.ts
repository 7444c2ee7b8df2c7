import { describe, expect, it } from 'vitest';
import { NoValue } from '../../../src/core/domain/no-value';
import { DOSSIER_VELDEN, type Zaak } from '../../../src/core/domain/zaak';
import { DIALECTS, OPERATIONS } from '../../../soap-clients/stuf/operations';
import { parseXml } from '../../../soap-clients/xml/xml-parser';
import { toXml } from '../../../soap-clients/xml/xml-writer';
import { encodeZakLa01, readZakLa01 } from '../../../soap-clients/zaak/zakLa01.mapper';
import { buildGeefZaakdetailsLv01, decodeZakLv01 } from '../../../soap-clients/zaak/zakLv01.mapper';
import { readSoapEnvelope } from '../../../soap-clients/transport/soap-envelope';
import { expectValidStuf } from '../../support/stuf-validator';
import { buildCreeerZaakLk01, decodeCreeerZaakLk01 } from '../../../soap-clients/zaak/zakLk01-creeer.mapper';
import { GEZINSPLAN, KOP, stempel } from './zaak-fixtures';
import { overDeLijn, xp } from './zaak-test-helpers';

/**
 * A geefZaakdetails answer as a JAXB-based zaaksysteem writes it: numbered prefixes (ns2 = ZDS, ns3 = ZKN, ns4 = StUF,
 * ns5 = BG) declared once on the root, every dossier field and extra relation of the ZAK, some of them without value.
 */
const JAXB_ANTWOORD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>
<ns2:geefZaakdetails_ZakLa01 xmlns:ns2="http://www.stufstandaarden.nl/koppelvlak/zds0120" xmlns:ns3="http://www.egem.nl/StUF/sector/zkn/0310" xmlns:ns4="http://www.egem.nl/StUF/StUF0301" xmlns:ns5="http://www.egem.nl/StUF/sector/bg/0310" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<ns3:stuurgegevens><ns4:berichtcode>La01</ns4:berichtcode><ns4:zender><ns4:organisatie>0599</ns4:organisatie><ns4:applicatie>ZSH</ns4:applicatie></ns4:zender><ns4:ontvanger><ns4:organisatie>0599</ns4:organisatie><ns4:applicatie>REGIESYSTEEM</ns4:applicatie></ns4:ontvanger><ns4:referentienummer>ZSH-88412</ns4:referentienummer><ns4:tijdstipBericht>20250301120000</ns4:tijdstipBericht><ns4:crossRefnummer>REF-0001</ns4:crossRefnummer><ns4:entiteittype>ZAK</ns4:entiteittype></ns3:stuurgegevens>
<ns3:parameters><ns4:indicatorVervolgvraag>false</ns4:indicatorVervolgvraag></ns3:parameters>
<ns3:antwoord><ns3:object ns4:entiteittype="ZAK">
<ns3:identificatie>0599-ZAK-2025-0042</ns3:identificatie>
<ns3:kenmerk><ns3:kenmerk>SUITE-77812</ns3:kenmerk><ns3:bron>Suite Sociaal Domein</ns3:bron></ns3:kenmerk>
<ns3:kenmerk><ns3:kenmerk>WMO/2025/118</ns3:kenmerk><ns3:bron xsi:nil="true" ns4:noValue="geenWaarde"/></ns3:kenmerk>
<ns3:startdatum>20250110</ns3:startdatum>
<ns3:opschorting><ns3:indicatie>J</ns3:indicatie><ns3:reden>Wacht op medisch advies</ns3:reden></ns3:opschorting>
<ns3:verlenging><ns3:duur xsi:nil="true" ns4:noValue="waardeOnbekend"/><ns3:reden xsi:nil="true" ns4:noValue="waardeOnbekend"/></ns3:verlenging>
<ns3:archiefnominatie>N</ns3:archiefnominatie>
<ns3:datumVernietigingDossier ns4:indOnvolledigeDatum="M">20350000</ns3:datumVernietigingDossier>
<ns3:zaakniveau>2</ns3:zaakniveau>
<ns3:deelzakenIndicatie xsi:nil="true" ns4:noValue="nietOndersteund"/>
<ns3:heeftAlsVerantwoordelijke ns4:entiteittype="ZAKBTRVRA"><ns3:gerelateerde><ns3:medewerker ns4:entiteittype="MDW"><ns3:identificatie>MDW-0012</ns3:identificatie><ns3:achternaam>Visser</ns3:achternaam><ns3:voorletters>K.</ns3:voorletters></ns3:medewerker></ns3:gerelateerde><ns3:omschrijving>Casemanager</ns3:omschrijving></ns3:heeftAlsVerantwoordelijke>
<ns3:heeftAlsOverigBetrokkene ns4:entiteittype="ZAKBTROVR"><ns3:gerelateerde><ns3:natuurlijkPersoon ns4:entiteittype="NPS"><ns5:inp.bsn>999990408</ns5:inp.bsn><ns5:authentiek ns4:metagegeven="true">J</ns5:authentiek><ns5:geslachtsnaam>Limburg Stirum</ns5:geslachtsnaam><ns5:voorvoegselGeslachtsnaam>van</ns5:voorvoegselGeslachtsnaam><ns5:voorletters>O.</ns5:voorletters><ns5:voornamen>Otto</ns5:voornamen><ns5:adellijkeTitelPredikaat>Graaf</ns5:adellijkeTitelPredikaat><ns5:geslachtsaanduiding>M</ns5:geslachtsaanduiding><ns5:geboortedatum>19610302</ns5:geboortedatum></ns3:natuurlijkPersoon></ns3:gerelateerde><ns3:omschrijving>Bewindvoerder</ns3:omschrijving></ns3:heeftAlsOverigBetrokkene>
<ns3:heeftAlsOverigBetrokkene ns4:entiteittype="ZAKBTROVR"><ns3:gerelateerde><ns3:vestiging ns4:entiteittype="VES"><ns5:vestigingsNummer>000038509504</ns5:vestigingsNummer><ns5:handelsnaam>Buurtzorg Oost</ns5:handelsnaam></ns3:vestiging></ns3:gerelateerde></ns3:heeftAlsOverigBetrokkene>
<ns3:heeftAlsDeelzaak ns4:entiteittype="ZAKZAKDEL"><ns3:gerelateerde ns4:entiteittype="ZAK"><ns3:identificatie>0599-ZAK-2025-0043</ns3:identificatie><ns3:isVan ns4:entiteittype="ZAKZKT"><ns3:gerelateerde ns4:entiteittype="ZKT"><ns3:omschrijving>Huishoudelijke hulp</ns3:omschrijving><ns3:code>WMO-HH</ns3:code></ns3:gerelateerde></ns3:isVan></ns3:gerelateerde></ns3:heeftAlsDeelzaak>
<ns3:heeftAlsHoofdzaak ns4:entiteittype="ZAKZAKHFD"><ns3:gerelateerde ns4:entiteittype="ZAK"><ns3:identificatie>0599-ZAK-2024-0900</ns3:identificatie></ns3:gerelateerde></ns3:heeftAlsHoofdzaak>
<ns3:leidtTot ns4:entiteittype="ZAKBSL"><ns3:gerelateerde ns4:entiteittype="BSL"><ns3:identificatie>0599-BSL-2025-0007</ns3:identificatie><ns3:bst.omschrijving>Toekenning maatwerkvoorziening</ns3:bst.omschrijving><ns3:datumBeslissing>20250214</ns3:datumBeslissing><ns3:toelichting xsi:nil="true" ns4:noValue="geenWaarde"/><ns3:ingangsdatumWerking>20250301</ns3:ingangsdatumWerking><ns3:einddatumWerking>20260228</ns3:einddatumWerking></ns3:gerelateerde></ns3:leidtTot>
</ns3:object></ns3:antwoord>
</ns2:geefZaakdetails_ZakLa01>
</S:Body></S:Envelope>`;

const VERWACHT: Zaak = {
  identificatie: '0599-ZAK-2025-0042',
  startdatum: { iso: '2025-01-10', precision: 'dag' },
  kenmerken: [
    { kenmerk: 'SUITE-77812', bron: 'Suite Sociaal Domein' },
    { kenmerk: 'WMO/2025/118', bron: NoValue.of('geenWaarde') },
  ],
  opschorting: { indicatie: true, reden: 'Wacht op medisch advies' },
  // every element of the group without value, for the same reason: the verlenging itself has none
  verlenging: NoValue.of('waardeOnbekend'),
  archiefnominatie: false,
  datumVernietigingDossier: { iso: '2035', precision: 'jaar' },
  zaakniveau: 2,
  deelzakenIndicatie: NoValue.of('nietOndersteund'),
  verantwoordelijken: [
    { soort: 'medewerker', medewerker: { identificatie: 'MDW-0012', achternaam: 'Visser', voorletters: 'K.' }, omschrijving: 'Casemanager' },
  ],
  overigeBetrokkenen: [
    {
      soort: 'natuurlijkPersoon',
      persoon: {
        bsn: '999990408',
        geslachtsnaam: 'Limburg Stirum',
        voorvoegselGeslachtsnaam: 'van',
        voorletters: 'O.',
        voornamen: 'Otto',
        adellijkeTitelPredikaat: 'Graaf',
        geslachtsaanduiding: 'M',
        geboortedatum: { iso: '1961-03-02', precision: 'dag' },
      },
      omschrijving: 'Bewindvoerder',
    },
    { soort: 'vestiging', vestiging: { vestigingsNummer: '000038509504', handelsnaam: 'Buurtzorg Oost' } },
  ],
  deelzaken: [{ identificatie: '0599-ZAK-2025-0043', zaaktype: { code: 'WMO-HH', omschrijving: 'Huishoudelijke hulp' } }],
  hoofdzaken: [{ identificatie: '0599-ZAK-2024-0900' }],
  besluiten: [
    {
      identificatie: '0599-BSL-2025-0007',
      besluittypeOmschrijving: 'Toekenning maatwerkvoorziening',
      datumBeslissing: { iso: '2025-02-14', precision: 'dag' },
      toelichting: NoValue.of('geenWaarde'),
      ingangsdatumWerking: { iso: '2025-03-01', precision: 'dag' },
      einddatumWerking: { iso: '2026-02-28', precision: 'dag' },
    },
  ],
};

const GEVRAAGD = ['startdatum', ...DOSSIER_VELDEN] as const;

function body(xml: string) {
  const answer = readSoapEnvelope(parseXml(xml));
  if (!('body' in answer)) throw new Error('fault, not a body');
  return answer.body;
}

describe('the dossier fields and extra relations of a ZAK', () => {
  it('are read exactly from a JAXB-style answer, without value kept apart from absent', async () => {
    await expectValidStuf([{ name: 'jaxb-geefZaakdetails', xml: JAXB_ANTWOORD }]);
    expect(readZakLa01(body(JAXB_ANTWOORD), ['ZDS:geefZaakdetails_ZakLa01'])).toEqual([VERWACHT]);
  });

  it('a kenmerk group with kenmerk and bron both nil is no kenmerk (how an oud says the zaak had none)', () => {
    const zonder = JAXB_ANTWOORD.replace(
      '<ns3:kenmerk><ns3:kenmerk>SUITE-77812</ns3:kenmerk><ns3:bron>Suite Sociaal Domein</ns3:bron></ns3:kenmerk>',
      '<ns3:kenmerk><ns3:kenmerk xsi:nil="true"/><ns3:bron xsi:nil="true"/></ns3:kenmerk>',
    );
    expect(zonder).not.toBe(JAXB_ANTWOORD);
    expect(readZakLa01(body(zonder), ['ZDS:geefZaakdetails_ZakLa01'])[0]!.kenmerken).toEqual([VERWACHT.kenmerken![1]]);
  });

  it.each(DIALECTS)('are answered by the provider side in %s, schema-valid, and read back the same', async (dialect) => {
    const vraag = decodeZakLv01(
      overDeLijn(stempel(buildGeefZaakdetailsLv01(dialect, VERWACHT.identificatie, GEVRAAGD))),
      OPERATIONS.geefZaakdetails.bindings[dialect].soapAction,
    );
    expect(vraag.velden).toEqual(GEVRAAGD);
    const antwoord = encodeZakLa01(vraag, [VERWACHT], { referentienummer: 'ANTW-1', now: KOP.now });
    const xml = toXml(antwoord);
    await expectValidStuf([{ name: `${dialect}-dossier`, xml }]);
    // a group without value is written as a group whose elements are nil with its reason (StUF 03.01 §3.3.4)
    expect(xp(xml, '//ZKN:verlenging/*/@StUF:noValue')).toEqual(['waardeOnbekend', 'waardeOnbekend']);
    expect(xp(xml, '//ZKN:archiefnominatie')).toEqual(['N']);
    expect(readZakLa01(overDeLijn(antwoord), OPERATIONS.geefZaakdetails.bindings[dialect].response, vraag.velden)).toEqual([VERWACHT]);
  });

  it('a client (heeftBetrekkingOp) is asked and answered without adellijke titel: NPS-zkn-OBJ has none', async () => {
    const zaak: Zaak = { identificatie: '0599-ZAK-0001', clients: [{ bsn: '999990408', adellijkeTitelPredikaat: 'Graaf', geslachtsaanduiding: 'M' }] };
    const lv01 = toXml(stempel(buildGeefZaakdetailsLv01('zds-1.2', '0599-ZAK-0001', ['clients', 'overigeBetrokkenen'])));
    expect(xp(lv01, '//ZKN:heeftBetrekkingOp//BG:adellijkeTitelPredikaat')).toEqual([]);
    expect(xp(lv01, '//ZKN:heeftAlsOverigBetrokkene//BG:adellijkeTitelPredikaat')).toHaveLength(1);
    const vraag = decodeZakLv01(overDeLijn(stempel(buildGeefZaakdetailsLv01('zds-1.2', '0599-ZAK-0001', ['clients']))));
    const xml = toXml(encodeZakLa01(vraag, [zaak]));
    await expectValidStuf([{ name: 'lv01-clients', xml: lv01 }, { name: 'client-zonder-titel', xml }]);
    expect(xp(xml, '//BG:geslachtsaanduiding')).toEqual(['M']);
    expect(xp(xml, '//BG:adellijkeTitelPredikaat')).toEqual([]);
  });

  it.each(DIALECTS)('creeerZaak in %s carries kenmerken, archiving and verantwoordelijken, schema-valid', async (dialect) => {
    const zaak = {
      ...GEZINSPLAN,
      kenmerken: [{ kenmerk: 'SUITE-77812', bron: 'Suite Sociaal Domein' }],
      archiefnominatie: false,
      datumVernietigingDossier: { iso: '2038-12-31', precision: 'dag' as const },
      verantwoordelijken: VERWACHT.verantwoordelijken!,
      overigeBetrokkenen: [VERWACHT.overigeBetrokkenen![1]!],
    };
    const bericht = stempel(buildCreeerZaakLk01(dialect, zaak));
    await expectValidStuf([{ name: `${dialect}-creeer-dossier`, xml: toXml(bericht) }], dialect === 'zds-1.2' ? '1.2' : undefined);
    expect(decodeCreeerZaakLk01(overDeLijn(bericht)).zaak).toMatchObject({
      kenmerken: zaak.kenmerken,
      archiefnominatie: false,
      datumVernietigingDossier: zaak.datumVernietigingDossier,
      zaakniveau: 1,
      deelzakenIndicatie: false,
      verantwoordelijken: zaak.verantwoordelijken,
      overigeBetrokkenen: zaak.overigeBetrokkenen,
    });
  });
});
