import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NieuweZaak } from '../../../src/core/domain/zaak';
import { DIALECTS, type Dialect } from '../../../soap-clients/stuf/operations';
import { toXml } from '../../../soap-clients/xml/xml-writer';
import { buildCreeerZaakLk01 } from '../../../soap-clients/zaak/zakLk01-creeer.mapper';
import { buildUpdateZaakLk01 } from '../../../soap-clients/zaak/zakLk01-update.mapper';
import { sharedFile } from '../../support/shared';
import { expectValidStuf } from '../../support/stuf-validator';
import { DEELPLAN, GEZINSPLAN, KOP, LEVENSDOMEINPLAN, stempel } from './zaak-fixtures';
import { xp } from './zaak-test-helpers';

/**
 * RZS 1.0 chapter 6 tables, asserted by XPath on the generated XML. The same assertions hold for the RZS example
 * messages (shared/rzs/examples/zkn), so what we send has the shape the RZS examples show.
 */
const O = '/*/ZKN:object';

/** §6.3.3 (and §6.4.3, §6.6.3): the rows marked v / 1..1 / 1..N. */
function verplichteZaakgegevens(xml: string, zaak: Pick<NieuweZaak, 'identificatie' | 'zaaktype'>): void {
  expect(xp(xml, `${O}/ZKN:identificatie`)).toEqual([zaak.identificatie]);
  for (const e of ['startdatum', 'registratiedatum', 'zaakniveau', 'deelzakenIndicatie']) expect(xp(xml, `${O}/ZKN:${e}`)).toHaveLength(1);
  expect(xp(xml, `${O}/ZKN:isVan[@StUF:entiteittype='ZAKZKT']/ZKN:gerelateerde/ZKN:code`)).toEqual([zaak.zaaktype.code]);
  expect(xp(xml, `${O}/ZKN:isVan/ZKN:gerelateerde/ZKN:omschrijving`)).toEqual([zaak.zaaktype.omschrijving]);
  expect(xp(xml, `${O}/ZKN:heeftAlsInitiator[@StUF:entiteittype='ZAKBTRINI']`)).toHaveLength(1);
}

/** §6.3.2: clients are heeftBetrekkingOp, omschrijving 'Client', one natuurlijkPersoon each, inp.bsn + geslachtsnaam. */
function clients(xml: string, bsns: readonly string[]): void {
  const rel = `${O}/ZKN:heeftBetrekkingOp[@StUF:entiteittype='ZAKOBJ']`;
  expect(xp(xml, `${rel}/ZKN:gerelateerde/ZKN:natuurlijkPersoon/BG:inp.bsn`)).toEqual(bsns);
  expect(xp(xml, `${rel}/ZKN:omschrijving`)).toEqual(bsns.map(() => 'Client'));
  expect(xp(xml, `${rel}/ZKN:gerelateerde/ZKN:natuurlijkPersoon[BG:geslachtsnaam!='']`)).toHaveLength(bsns.length);
}

/** §6.3.2: the regisseur is the initiator medewerker, with identificatie and achternaam. */
function regisseur(xml: string, identificatie: string): void {
  const mdw = `${O}/ZKN:heeftAlsInitiator/ZKN:gerelateerde/ZKN:medewerker`;
  expect(xp(xml, `${mdw}/ZKN:identificatie`)).toEqual([identificatie]);
  expect(xp(xml, `${mdw}/ZKN:achternaam`)).toHaveLength(1);
}

/** §6.4.1/§6.6.3: heeftBetrekkingOpAndere to the gezinsplan (and levensdomeinplan), by zaakidentificatie. */
const gerelateerd = (xml: string, pad = O) =>
  xp(xml, `${pad}/ZKN:heeftBetrekkingOpAndere[@StUF:entiteittype='ZAKZAKBTR']/ZKN:gerelateerde[@StUF:entiteittype='ZAK']/ZKN:identificatie`);

const rzsVoorbeeld = (naam: string) => readFileSync(sharedFile('rzs/examples/zkn', naam), 'utf8');

describe('the RZS examples have the shape these assertions check', () => {
  it('creeerZaak_zakLk01_gezinsplan.xml (§6.3)', () => {
    const xml = rzsVoorbeeld('creeerZaak_zakLk01_gezinsplan.xml');
    verplichteZaakgegevens(xml, { identificatie: '12340000000100', zaaktype: { code: 'GZP', omschrijving: 'Opstellen en uitvoeren gezinsplan' } });
    clients(xml, ['999993653', '999991723']);
    regisseur(xml, 'MDW0042');
  });

  it('creeerZaak_zakLk01_deelplan.xml (§6.6)', () => {
    expect(gerelateerd(rzsVoorbeeld('creeerZaak_zakLk01_deelplan.xml'))).toEqual(['12340000000100', '12340000000150']);
  });
});

const berichten: Record<Dialect, { name: string; xml: string }[]> = { 'zds-1.1': [], 'zds-1.2': [] };

describe.each(DIALECTS)('RZS chapter 6 in %s', (dialect) => {
  const maak = (name: string, xml: string) => {
    berichten[dialect].push({ name: `${dialect}-${name}`, xml });
    return xml;
  };

  it('§6.3 gezinsplan: regisseur as initiator, every client, belanghebbende and uitvoerenden', () => {
    const xml = maak('gezinsplan', toXml(stempel(buildCreeerZaakLk01(dialect, GEZINSPLAN))));
    verplichteZaakgegevens(xml, GEZINSPLAN);
    clients(xml, ['999993653', '999991723']);
    regisseur(xml, 'MDW0042');
    expect(xp(xml, `${O}/ZKN:heeftAlsBelanghebbende[@StUF:entiteittype='ZAKBTRBLH']/ZKN:gerelateerde/ZKN:natuurlijkPersoon/BG:inp.bsn`)).toEqual(['999995571']);
    expect(xp(xml, `${O}/ZKN:heeftAlsBelanghebbende/ZKN:omschrijving`)).toEqual(['mantelzorger']);
    const utv = `${O}/ZKN:heeftAlsUitvoerende[@StUF:entiteittype='ZAKBTRUTV']/ZKN:gerelateerde`;
    expect(xp(xml, `${utv}/ZKN:medewerker/ZKN:identificatie`)).toEqual(['MDW0077']);
    expect(xp(xml, `${utv}/ZKN:vestiging/BG:vestigingsNummer`)).toEqual(['000012345678']);
    expect(gerelateerd(xml)).toEqual([]);
  });

  it('§6.4 levensdomeinplan: like a gezinsplan, with heeftBetrekkingOpAndere to the gezinsplan (1..1)', () => {
    const xml = maak('levensdomeinplan', toXml(stempel(buildCreeerZaakLk01(dialect, LEVENSDOMEINPLAN))));
    verplichteZaakgegevens(xml, LEVENSDOMEINPLAN);
    clients(xml, ['999993653']);
    regisseur(xml, 'MDW0042');
    expect(gerelateerd(xml)).toEqual([GEZINSPLAN.identificatie]);
    expect(xp(xml, `${O}/ZKN:heeftBetrekkingOpAndere/ZKN:gerelateerde/ZKN:isVan/ZKN:gerelateerde/ZKN:code`)).toEqual(['GZP']);
  });

  it('§6.6 deelplan: the client as initiator, related to gezinsplan and levensdomeinplan (1..2), not as deelzaak', () => {
    const xml = maak('deelplan', toXml(stempel(buildCreeerZaakLk01(dialect, DEELPLAN))));
    verplichteZaakgegevens(xml, DEELPLAN);
    clients(xml, ['999993653']);
    expect(xp(xml, `${O}/ZKN:heeftAlsInitiator/ZKN:gerelateerde/ZKN:natuurlijkPersoon/BG:inp.bsn`)).toEqual(['999993653']);
    expect(gerelateerd(xml)).toEqual([GEZINSPLAN.identificatie, LEVENSDOMEINPLAN.identificatie]);
    expect(xp(xml, `${O}/ZKN:heeftAlsDeelzaak | ${O}/ZKN:heeftAlsHoofdzaak`)).toEqual([]);
    expect(xp(xml, `${O}/ZKN:heeftAlsUitvoerende/ZKN:gerelateerde/ZKN:vestiging/BG:vestigingsNummer`)).toEqual(['000012345678']);
  });

  it('§6.11 wijzig gezinsplan: a client and a belanghebbende added, an uitvoerende removed', () => {
    const huidig = { identificatie: GEZINSPLAN.identificatie, clients: GEZINSPLAN.clients, belanghebbenden: [], uitvoerenden: GEZINSPLAN.uitvoerenden };
    const xml = maak(
      'wijzig-gezinsplan',
      toXml(
        stempel(buildUpdateZaakLk01(dialect, GEZINSPLAN.identificatie, huidig, {
          clients: { toevoegen: [{ bsn: '999990019', geslachtsnaam: 'Vries' }] },
          belanghebbenden: { toevoegen: [{ persoon: { bsn: '999995571', geslachtsnaam: 'Bakker' }, omschrijving: 'buurvrouw' }] },
          uitvoerenden: { verwijderen: [{ soort: 'medewerker', identificatie: 'MDW0077' }] },
        })),
      ),
    );
    const [oud, nieuw] = ['/*/ZKN:object[1]', '/*/ZKN:object[2]'];
    expect(xp(xml, `${nieuw}/ZKN:heeftBetrekkingOp[@StUF:verwerkingssoort='T']/ZKN:omschrijving`)).toEqual(['Client']);
    expect(xp(xml, `${nieuw}/ZKN:heeftBetrekkingOp[@StUF:verwerkingssoort='T']/ZKN:gerelateerde/ZKN:natuurlijkPersoon/BG:inp.bsn`)).toEqual(['999990019']);
    expect(xp(xml, `${oud}/ZKN:heeftBetrekkingOp[@StUF:verwerkingssoort='T'][@StUF:noValue='geenWaarde']`)).toHaveLength(1);
    expect(xp(xml, `${nieuw}/ZKN:heeftAlsBelanghebbende[@StUF:verwerkingssoort='T']/ZKN:omschrijving`)).toEqual(['buurvrouw']);
    expect(xp(xml, `${oud}/ZKN:heeftAlsUitvoerende[@StUF:verwerkingssoort='V']//ZKN:medewerker/ZKN:identificatie`)).toEqual(['MDW0077']);
    expect(xp(xml, `${nieuw}/ZKN:heeftAlsUitvoerende[@StUF:verwerkingssoort='V'][@StUF:noValue='geenWaarde']`)).toHaveLength(1);
  });

  it('§6.13 wijzig deelplan: a deelplan created in a backoffice is linked to the gezinsplan afterwards (RZS §4.6)', () => {
    const xml = maak(
      'koppel-deelplan',
      toXml(
        stempel(buildUpdateZaakLk01(dialect, DEELPLAN.identificatie, { identificatie: DEELPLAN.identificatie, gerelateerdeZaken: [] }, {
          gerelateerdeZaken: { toevoegen: [{ identificatie: GEZINSPLAN.identificatie, zaaktype: GEZINSPLAN.zaaktype }] },
        })),
      ),
    );
    expect(gerelateerd(xml, '/*/ZKN:object[2]')).toEqual([GEZINSPLAN.identificatie]);
    expect(xp(xml, `/*/ZKN:object[2]/ZKN:heeftBetrekkingOpAndere/@StUF:verwerkingssoort`)).toEqual(['T']);
    expect(xp(xml, `/*/ZKN:object[1]/ZKN:heeftBetrekkingOpAndere[@StUF:verwerkingssoort='T']/@xsi:nil`)).toEqual(['true']);
  });

});

describe('RZS messages schema validity', () => {
  it('validate against the official schemas, the ZDS 1.1 ones also against those of the RZS 1.0 distribution', async () => {
    expect(berichten['zds-1.1']).toHaveLength(5);
    expect(berichten['zds-1.2']).toHaveLength(5);
    await expectValidStuf([...berichten['zds-1.1'], ...berichten['zds-1.2']]);
    await expectValidStuf(berichten['zds-1.1'], 'rzs');
  });
});
