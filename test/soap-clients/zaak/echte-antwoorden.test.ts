import { describe, expect, it } from 'vitest';
import type { ClientRelatie } from '../../../src/core/domain/client-relatie';
import { NoValue } from '../../../src/core/domain/no-value';
import type { RequestContext } from '../../../src/core/domain/request-context';
import { huidigeStatus } from '../../../src/core/domain/status-historie';
import { ZAAK_VELDEN } from '../../../src/core/domain/zaak';
import { StufClient } from '../../../soap-clients/stuf/stuf-client';
import type { SoapCall, SoapTransport } from '../../../soap-clients/transport/soap-transport';
import { parseXml, type XEl } from '../../../soap-clients/xml/xml-parser';
import { toXml } from '../../../soap-clients/xml/xml-writer';
import { StufZaakRegister } from '../../../soap-clients/zaak/stuf-zaak-register.adapter';
import { DOTNET_ZAAK, INITIATOR_ZAAK } from '../fixtures/zaak-zonder-lege-waarden';
import { KOP } from './zaak-fixtures';
import { xp } from './zaak-test-helpers';

const CTX: RequestContext = { requestId: 'req-1' };

/** Answers every question with one of the recorded answers, chosen from the question; keeps what was asked. */
class AntwoordTransport implements SoapTransport {
  readonly vragen: string[] = [];
  constructor(private readonly antwoord: (vraag: string) => string) {}
  async send(call: SoapCall): Promise<XEl> {
    const vraag = toXml(call.body);
    this.vragen.push(vraag);
    return parseXml(this.antwoord(vraag));
  }
  async close(): Promise<void> {}
}

function register(antwoord: (vraag: string) => string, clientRelatie?: ClientRelatie) {
  const transport = new AntwoordTransport(antwoord);
  const client = new StufClient({ role: 'zaak', dialect: 'zds-1.1', zender: KOP.zender, ontvanger: KOP.ontvanger, transport });
  return { transport, zaken: new StufZaakRegister(client, clientRelatie) };
}

const LEEG = NoValue.of(null);

describe('answers in the styles real zaaksystemen use', () => {
  it('empty elements, xsi:nil, every noValue and 00010101 are no value; statuses without volgnummer or date are all read', async () => {
    const { zaken } = register(() => DOTNET_ZAAK);
    const zaak = await zaken.geefZaak(CTX, '9999-WMO-0042', ZAAK_VELDEN);
    expect(zaak).toEqual({
      identificatie: '9999-WMO-0042',
      omschrijving: 'Wmo-ondersteuning',
      toelichting: LEEG,
      startdatum: { iso: '2025-01-10', precision: 'dag' },
      einddatumGepland: LEEG,
      uiterlijkeEinddatum: LEEG,
      einddatum: NoValue.of('geenWaarde'),
      zaaktype: { omschrijving: 'Wmo maatwerkvoorziening' },
      clients: [
        {
          bsn: '999900018',
          geslachtsnaam: 'Jansen',
          voorvoegselGeslachtsnaam: LEEG,
          voorletters: NoValue.of('waardeOnbekend'),
          voornamen: NoValue.of('nietGeautoriseerd'),
          geboortedatum: LEEG,
        },
      ],
      belanghebbenden: [],
      uitvoerenden: [{ soort: 'medewerker', medewerker: { achternaam: 'Wijkteam Noord', voorletters: LEEG } }],
      gerelateerdeZaken: [],
      statussen: [
        { statustype: { code: 'AANV', omschrijving: 'Aanvraag ontvangen' }, indicatieLaatsteStatus: false },
        {
          statustype: { code: 'ONDZ', omschrijving: 'Onderzoek' },
          indicatieLaatsteStatus: false,
          gezetDoor: { identificatie: 'MDW0007', achternaam: 'Bakker' },
        },
        { statustype: { code: 'BESL', omschrijving: 'Besluit' }, indicatieLaatsteStatus: true },
      ],
    });
    expect(huidigeStatus(zaak.statussen!)?.statustype.code).toBe('BESL');
  });

  it('the status history: by volgnummer, else by datumStatusGezet, else as sent', async () => {
    const met = (extra: (i: number) => string) =>
      DOTNET_ZAAK.replace(/<gerelateerde StUF:entiteittype="STT">/g, () => `<gerelateerde StUF:entiteittype="STT">${extra(teller++)}`);
    let teller = 0;
    const volgnummers = met((i) => `<volgnummer>${[3, 1, 2][i]}</volgnummer>`);
    expect((await register(() => volgnummers).zaken.geefStatussen(CTX, '9999-WMO-0042')).map((s) => s.statustype.code)).toEqual(['ONDZ', 'BESL', 'AANV']);
    const datums = DOTNET_ZAAK.replace(/<indicatieLaatsteStatus>/g, () => `<datumStatusGezet>2025020${[3, 1, 2][teller++ % 3]}120000</datumStatusGezet><indicatieLaatsteStatus>`).replace(
      '<datumStatusGezet>00010101000000</datumStatusGezet>',
      '',
    );
    teller = 0;
    const gesorteerd = await register(() => datums).zaken.geefStatussen(CTX, '9999-WMO-0042');
    expect(gesorteerd.map((s) => [s.statustype.code, s.datumStatusGezet])).toEqual([
      ['ONDZ', '20250201120000'],
      ['BESL', '20250202120000'],
      ['AANV', '20250203120000'],
    ]);
    // the marked status stays the current one, whatever the dates say
    expect(huidigeStatus(gesorteerd)?.statustype.code).toBe('BESL');
  });

  it('heeftBetrekkingOp (default) reads the client without omschrijving and searches without one', async () => {
    const { zaken, transport } = register(() => DOTNET_ZAAK);
    const gevonden = await zaken.zoekZaken(CTX, { clientBsn: '999900018' }, ['clients']);
    expect(gevonden.map((z) => [z.identificatie, z.clients?.map((c) => c.bsn)])).toEqual([['9999-WMO-0042', ['999900018']]]);
    expect(transport.vragen).toHaveLength(1);
    expect(xp(transport.vragen[0]!, '//ZKN:gelijk/ZKN:heeftBetrekkingOp/ZKN:gerelateerde/ZKN:identificatie')).toEqual(['999900018']);
  });

  it('heeftAlsInitiator: the client is the initiating person, searched as BTR identificatie; the initiator is not returned unasked', async () => {
    const { zaken, transport } = register(() => INITIATOR_ZAAK, 'heeftAlsInitiator');
    const [zaak] = await zaken.zoekZaken(CTX, { clientBsn: '999900031', zaaktypeCode: 'JEU' }, ['clients', 'zaaktype']);
    expect(zaak).toEqual({
      identificatie: '9999-JEU-0042',
      zaaktype: { code: 'JEU', omschrijving: 'Jeugdhulp' },
      clients: [{ bsn: '999900031', geslachtsnaam: 'Jansen' }],
    });
    const vraag = transport.vragen[0]!;
    expect(xp(vraag, '//ZKN:gelijk/ZKN:heeftAlsInitiator/ZKN:gerelateerde/ZKN:identificatie')).toEqual(['999900031']);
    expect(xp(vraag, 'count(//ZKN:scope//ZKN:heeftAlsInitiator)')).toEqual(['1']);
    expect(xp(vraag, 'count(//ZKN:heeftBetrekkingOp)')).toEqual(['0']);
    // a heeftBetrekkingOp person is no client under this setting
    const ander = await register(() => DOTNET_ZAAK, 'heeftAlsInitiator').zaken.geefZaak(CTX, '9999-WMO-0042', ['clients']);
    expect(ander.clients).toEqual([]);
  });

  it('beide: one zakLv01 per relation, merged, each zaak once, in that order', async () => {
    const opInitiator = (vraag: string) => xp(vraag, 'count(//ZKN:gelijk/ZKN:heeftAlsInitiator)')[0] === '1';
    const { zaken, transport } = register((vraag) => (opInitiator(vraag) ? INITIATOR_ZAAK : DOTNET_ZAAK), 'beide');
    const gevonden = await zaken.zoekZaken(CTX, { clientBsn: '999900031' }, ['clients']);
    expect(transport.vragen).toHaveLength(2);
    expect(gevonden.map((z) => z.identificatie)).toEqual(['9999-WMO-0042', '9999-JEU-0042']);
    expect(gevonden[1]!.clients).toEqual([{ bsn: '999900031', geslachtsnaam: 'Jansen' }]);
    const tweemaal = await register(() => DOTNET_ZAAK, 'beide').zaken.zoekZaken(CTX, { clientBsn: '999900018' }, ['clients']);
    expect(tweemaal.map((z) => z.identificatie)).toEqual(['9999-WMO-0042']);
  });
});
