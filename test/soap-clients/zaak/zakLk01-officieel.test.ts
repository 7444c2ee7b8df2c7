import { describe, expect, it } from 'vitest';
import { NoValue } from '../../../src/core/domain/no-value';
import { decodeCreeerZaakLk01 } from '../../../soap-clients/zaak/zakLk01-creeer.mapper';
import { decodeActualiseerZaakstatusLk01 } from '../../../soap-clients/zaak/zakLk01-status.mapper';
import { decodeUpdateZaakLk01 } from '../../../soap-clients/zaak/zakLk01-update.mapper';
import { officieel, rzsDeel } from './zaak-test-helpers';

/**
 * The provider side reads every official request: the STP ZDS 1.2 requests (odd-numbered files) and the ZDS 1.1
 * voorbeeldberichten. What the domain has no field for (anderZaakObject, heeftAlsGemachtigde, a vestiging or niet-natuurlijk persoon as initiator, a medewerker as belanghebbende, ...)
 * is not read; the assertions below pin down exactly what is.
 */
const STP = 'stuf-zkn/examples/zds-1.2/stp';
const V = 'stuf-zkn/examples/zds-1.1/voorbeeldberichten';
const dag = (iso: string) => ({ iso, precision: 'dag' as const });
const ZKT = { code: '12345678', omschrijving: 'Aanvraag burgerservicenummer behandelen' };
const STP_BASIS = { omschrijving: 'omschrijving', zaaktype: ZKT, startdatum: dag('2017-10-01'), registratiedatum: dag('2017-10-01') };
const mdw = (identificatie: string, extra: object = {}) => ({ soort: 'medewerker' as const, medewerker: { identificatie, ...extra } });

describe('official creeerZaak requests', () => {
  const creeer = (nr: string) => {
    const verzoek = decodeCreeerZaakLk01(officieel(STP, 'creeerZaak', `creeerZaak_ZakLk01_${nr}.xml`));
    return { ...verzoek, zaak: rzsDeel(verzoek.zaak) };
  };

  it('STP creeerZaak 01..13', () => {
    expect(creeer('01')).toMatchObject({ dialect: 'zds-1.2', stuurgegevens: { referentienummer: '1234567890', berichtcode: 'Lk01' } });
    expect(creeer('01').zaak).toEqual({ identificatie: '12341000000002', ...STP_BASIS, initiator: mdw('123456789') });
    const volledig = {
      ...STP_BASIS,
      toelichting: 'toelichting',
      einddatumGepland: dag('2017-10-01'),
      uiterlijkeEinddatum: dag('2017-10-01'),
      einddatum: dag('2017-10-01'),
    };
    const uitvoerende = { ...mdw('123456789', { achternaam: 'achternaam', voorletters: 'voorletters' }), omschrijving: 'omschrijving' };
    expect(creeer('03').zaak).toEqual({
      identificatie: '12341000000004',
      ...volledig,
      resultaat: { omschrijving: 'omschrijving', toelichting: 'toelichting' },
      clients: [],
      belanghebbenden: [],
      uitvoerenden: [uitvoerende, uitvoerende],
    });
    expect(creeer('05').zaak).toEqual({
      identificatie: '12341000000006',
      ...STP_BASIS,
      initiator: { soort: 'natuurlijkPersoon', persoon: { bsn: '123456789' } },
      gerelateerdeZaken: [{ identificatie: '0123456789', zaaktype: ZKT }],
    });
    expect(creeer('07').zaak).toEqual({ identificatie: '12342000000007', ...STP_BASIS, belanghebbenden: [] });
    expect(creeer('09').zaak).toEqual({ identificatie: '12342000000009', ...STP_BASIS });
    expect(creeer('11').zaak).toEqual({ identificatie: '12342000000011', ...STP_BASIS });
    expect(creeer('13').zaak).toEqual({ identificatie: '12342000000013', ...volledig, uitvoerenden: [mdw('123456782'), mdw('123456783')] });
  });

  it('ZDS 1.1 creeerZaak_zakLk01 zaak1 and zaak2', () => {
    const mida = mdw('020471', { achternaam: 'Mida Palm', voorletters: 'M' });
    const gemeenschappelijk = {
      omschrijving: 'Client',
      toelichting: 'toelichting',
      zaaktype: { code: 'B0901', omschrijving: 'Client' },
      startdatum: dag('2013-05-16'),
      registratiedatum: dag('2013-09-01'),
      einddatumGepland: dag('2014-07-01'),
      uiterlijkeEinddatum: dag('2014-10-01'),
      resultaat: { omschrijving: 'Toegekend', toelichting: 'toelichting' },
      initiator: mida,
      clients: [],
      belanghebbenden: [],
      uitvoerenden: [{ ...mida, omschrijving: 'Client' }],
    };
    const zaak1 = decodeCreeerZaakLk01(officieel(V, 'creeerZaak_zakLk01_zaak1.xml'));
    expect(zaak1).toMatchObject({ dialect: 'zds-1.1', stuurgegevens: { referentienummer: '1000', zender: { applicatie: 'ALF' } } });
    expect(rzsDeel(zaak1.zaak)).toEqual({ identificatie: '123445678901234567890123456789012345600', ...gemeenschappelijk });
    expect(zaak1.zaak).toMatchObject({
      kenmerken: [{ kenmerk: '13113', bron: 'KING' }],
      archiefnominatie: true,
      datumVernietigingDossier: dag('2016-01-01'),
      zaakniveau: 1,
      deelzakenIndicatie: false,
      verantwoordelijken: [{ ...mida, omschrijving: 'Client' }],
      overigeBetrokkenen: [{ ...mida, omschrijving: 'Client' }],
    });
    expect(rzsDeel(decodeCreeerZaakLk01(officieel(V, 'creeerZaak_zakLk01_zaak2.xml')).zaak)).toEqual({
      identificatie: '5700000000000000000000000000000000000011',
      ...gemeenschappelijk,
    });
  });
});

describe('official updateZaak requests', () => {
  const update = (nr: string) => decodeUpdateZaakLk01(officieel(STP, 'updateZaak', `updateZaak_ZakLk01_${nr}.xml`));

  it('STP 01: an initiator added', () => {
    expect(update('01')).toMatchObject({
      dialect: 'zds-1.2',
      identificatie: '12342000000007',
      oud: { omschrijving: 'omschrijving' },
      nieuw: { omschrijving: 'omschrijving' },
      toevoegen: { initiator: mdw('123456789') },
      verwijderen: {},
    });
  });

  it('STP 03: omschrijving changed and two uitvoerenden added', () => {
    const u = update('03');
    expect([u.oud.omschrijving, u.nieuw.omschrijving]).toEqual(['omschrijving', 'omschrijvingN']);
    expect(u.toevoegen).toEqual({
      uitvoerenden: [
        { ...mdw('123456786', { achternaam: 'achternaam6', voorletters: 'voorletters6' }), omschrijving: 'omschrijving6' },
        { ...mdw('123456787', { achternaam: 'achternaam22', voorletters: 'voorletters22' }), omschrijving: 'omschrijving22' },
      ],
    });
    expect(u.verwijderen).toEqual({});
  });

  it('STP 05: a related zaak and a natuurlijk persoon as initiator added', () => {
    const u = update('05');
    expect(u.toevoegen.gerelateerdeZaken).toEqual([{ identificatie: '123456789', zaaktype: ZKT }]);
    expect(u.toevoegen.initiator).toMatchObject({ soort: 'natuurlijkPersoon', persoon: { bsn: '012345678', geslachtsnaam: 'geslachtsnaam5' } });
  });

  it('STP 07: an uitvoerende no longer relevant (V)', () => {
    const u = update('07');
    expect(u.identificatie).toBe('12342000000013');
    expect(u.verwijderen).toEqual({ uitvoerenden: [mdw('123456783')] });
    expect(u.toevoegen).toEqual({});
  });

  it('ZDS 1.1 updateZaak_zakLk01: changed attributes, einddatum set from geenWaarde, a relation changed (W)', () => {
    const u = decodeUpdateZaakLk01(officieel(V, 'updateZaak_zakLk01.xml'));
    expect(u).toMatchObject({ dialect: 'zds-1.1', identificatie: '123445678901234567890123456789012345600' });
    expect([u.oud.toelichting, u.nieuw.toelichting]).toEqual(['toelichting', 'toelichtingen']);
    expect([u.oud.einddatum, u.nieuw.einddatum]).toEqual([NoValue.of('geenWaarde'), dag('2013-05-16')]);
    expect(u.nieuw.resultaat).toEqual({ omschrijving: 'Toegekend', toelichting: 'toelichtingen' });
    const uitvoerende = { ...mdw('020471'), omschrijving: 'Client' };
    expect(u.toevoegen).toEqual({ uitvoerenden: [uitvoerende] });
    expect(u.verwijderen).toEqual({ uitvoerenden: [uitvoerende] });
  });
});

describe('official actualiseerZaakstatus requests', () => {
  const status = (nr: string) => decodeActualiseerZaakstatusLk01(officieel(STP, 'actualiseerZaakstatus', `actualiseerZaakstatus_ZakLk01_${nr}.xml`));

  it('STP 01..07', () => {
    expect(status('01')).toMatchObject({
      dialect: 'zds-1.2',
      identificatie: '12341000000002',
      status: { statustype: { code: '12345678', omschrijving: 'Intake afgerond', volgnummer: '1' }, datumStatusGezet: '20171001120000' },
    });
    // 01 is set by an organisatorische eenheid, which the domain does not model
    expect(status('01').status.gezetDoor).toBeUndefined();
    expect(status('03')).toMatchObject({
      identificatie: '12341000000004',
      status: {
        statustype: { code: '87651234', omschrijving: 'Afgerekend', volgnummer: '3' },
        toelichting: 'toelichting3',
        gezetDoor: { identificatie: '123456783', achternaam: 'achternaam3', voorletters: 'voorletters3' },
      },
    });
    expect(status('05').status).toMatchObject({ statustype: { volgnummer: '7', omschrijving: 'Zaak afgerond' }, datumStatusGezet: '20171001120000' });
    expect(status('07').status).toMatchObject({ datumStatusGezet: '20171001', toelichting: 'toelichting7' });
  });

  it('ZDS 1.1 actualiseerZaakstatus_zakLk01', () => {
    expect(decodeActualiseerZaakstatusLk01(officieel(V, 'actualiseerZaakstatus_zakLk01.xml'))).toMatchObject({
      dialect: 'zds-1.1',
      identificatie: '5700000000000000000000000000000000000011',
      status: {
        statustype: { code: 'B0901', omschrijving: 'Aanvraag ontvangen', volgnummer: '0001' },
        datumStatusGezet: '2013051608533500',
        toelichting: 'toelichting',
        gezetDoor: { identificatie: '204564', achternaam: 'Mida Palmboom', voorletters: 'M' },
      },
    });
  });

  it('a creeerZaak message is not an actualiseerZaakstatus', () => {
    expect(() => decodeActualiseerZaakstatusLk01(officieel(STP, 'creeerZaak', 'creeerZaak_ZakLk01_01.xml'))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
