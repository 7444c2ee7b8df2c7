import { StufClient } from '../../../soap-clients/stuf/stuf-client';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../../src/core/domain/request-context';
import type { OverdrachtVerzoek } from '../../../src/core/ports/zaak-register.port';
import {
  buildOverdragenZaakDi01,
  decodeOverdragenZaakDi01,
  encodeOverdragenZaakDu01,
  readOverdragenZaakDu01,
} from '../../../soap-clients/overdracht/overdragen-zaak.mapper';
import { StufZaakOverdracht } from '../../../soap-clients/overdracht/stuf-zaak-overdracht.adapter';
import { encodeBv02, encodeBv03 } from '../../../soap-clients/stuf/bevestiging.codec';
import { DIALECTS, OPERATIONS, type Dialect } from '../../../soap-clients/stuf/operations';
import type { SoapCall, SoapTransport } from '../../../soap-clients/transport/soap-transport';
import { parseXml, type XEl } from '../../../soap-clients/xml/xml-parser';
import type { XmlElement } from '../../../soap-clients/xml/xml-writer';
import { RZS } from '../../support/shared';
import { expectValidStuf } from '../../support/stuf-validator';
import { example, ONTVANGER, parseOf, sgVoor, stempel, stp, xmlOf, ZENDER } from '../document/document-fixtures';

const VERZOEK: OverdrachtVerzoek = {
  identificatie: '12340000000400',
  zaaktype: { code: 'SHV', omschrijving: 'Schuldhulpverlening' },
  ontvanger: 'SCHULDHULP-BACKOFFICE',
};
const rzsExample = (file: string): XEl => parseXml(readFileSync(path.join(RZS, 'examples', file), 'utf8'));

describe('overdragenZaak messages', () => {
  it('Di01 and Du01 validate in both dialects: ZDS 1.2 zds0120, ZDS 1.1 the RZS 1.0 koppelvlak', async () => {
    const messages: { name: string; xml: string }[] = [];
    for (const d of DIALECTS) {
      const di01 = stempel(buildOverdragenZaakDi01(d, VERZOEK, ['Deelplan schuldhulp, graag oppakken']));
      messages.push({ name: `${d}-di01`, xml: await xmlOf(di01) });
      const vraag = decodeOverdragenZaakDi01(await parseOf(di01));
      messages.push({ name: `${d}-du01-ja`, xml: await xmlOf(encodeOverdragenZaakDu01(vraag, true)) });
      messages.push({ name: `${d}-du01-nee`, xml: await xmlOf(encodeOverdragenZaakDu01(vraag, false, ['Geen capaciteit'])) });
      messages.push({ name: `${d}-bv03`, xml: await xmlOf(encodeBv03(vraag.stuurgegevens)) });
    }
    await expectValidStuf(messages);
    expect(messages[0]!.xml).toMatch(/^<RZS:overdragenZaak_Di01 [^>]*xmlns:RZS="http:\/\/www\.stufstandaarden\.nl\/koppelvlak\/rzs0310"/);
    expect(messages[0]!.xml).toContain('<RZS:stuurgegevens><StUF:berichtcode>Di01</StUF:berichtcode>');
    expect(messages[4]!.xml).toMatch(/^<ZDS:overdragenZaak_Di01 [^>]*><ZKN:stuurgegevens>/);
  });

  it.each(DIALECTS)('%s: the provider reads back what the regiesysteem sent, and the regiesysteem the answer', async (d: Dialect) => {
    const vraag = decodeOverdragenZaakDi01(await parseOf(stempel(buildOverdragenZaakDi01(d, VERZOEK, ['m1']))));
    expect(vraag).toMatchObject({ dialect: d, meldingen: ['m1'], verzoek: { identificatie: VERZOEK.identificatie, zaaktype: VERZOEK.zaaktype } });
    expect(vraag.stuurgegevens).toMatchObject({ berichtcode: 'Di01', functie: 'overdragenZaak', referentienummer: 'REF-overdragenZaak' });
    const antwoord = readOverdragenZaakDu01(await parseOf(encodeOverdragenZaakDu01(vraag, false, ['Geen capaciteit'])));
    expect(antwoord).toEqual({ identificatie: VERZOEK.identificatie, geaccepteerd: false, crossRefnummer: 'REF-overdragenZaak', meldingen: ['Geen capaciteit'] });
  });

  it('reads the official Du01 answers: STP (ZDS 1.2) and the RZS 1.0 example', () => {
    expect(readOverdragenZaakDu01(stp('overdragenZaak', 'overdragenZaak_Du01.xml'))).toEqual({
      identificatie: '12342000000007', geaccepteerd: true, crossRefnummer: '0987654321', meldingen: ['melding'],
    });
    expect(readOverdragenZaakDu01(rzsExample('overdragenZaak_Du01.xml'))).toEqual({
      identificatie: '12340000000400', geaccepteerd: true, crossRefnummer: 'REGIE-20250312-000117', meldingen: [],
    });
  });

  it('decodes the official Di01 requests: STP (ZDS 1.2) and the RZS 1.0 example', () => {
    expect(decodeOverdragenZaakDi01(stp('overdragenZaak', 'overdragenZaak_Di01.xml'))).toMatchObject({
      dialect: 'zds-1.2',
      meldingen: ['melding'],
      verzoek: { identificatie: '12342000000007', zaaktype: { code: '12345678', omschrijving: 'Aanvraag burgerservicenummer behandelen' }, ontvanger: 'TTA' },
      stuurgegevens: { referentienummer: '1234567890', zender: { organisatie: 'KING', applicatie: 'STP' } },
    });
    expect(decodeOverdragenZaakDi01(rzsExample('overdragenZaak_Di01.xml'))).toMatchObject({
      dialect: 'zds-1.1',
      meldingen: ['Deelplan schuldhulpverlening uit gezinsplan; graag in behandeling nemen.'],
      verzoek: { identificatie: '12340000000400', zaaktype: { code: 'SHV', omschrijving: 'Schuldhulpverlening' }, ontvanger: 'SCHULDHULP-BACKOFFICE' },
      stuurgegevens: { referentienummer: 'REGIE-20250312-000117', zender: { gebruiker: 'regisseur.jansen' } },
    });
  });

  it('an unknown antwoord or root is BACKEND_PROTOCOL', () => {
    const raar = parseXml(
      '<ZDS:overdragenZaak_Du01 xmlns:ZDS="http://www.stufstandaarden.nl/koppelvlak/zds0120" xmlns:ZKN="http://www.egem.nl/StUF/sector/zkn/0310">' +
        '<ZKN:object><ZKN:identificatie>1</ZKN:identificatie><ZKN:antwoord>Misschien</ZKN:antwoord></ZKN:object></ZDS:overdragenZaak_Du01>',
    );
    expect(() => readOverdragenZaakDu01(raar)).toThrow(expect.objectContaining({ code: 'BACKEND_PROTOCOL' }));
    expect(() => readOverdragenZaakDu01(example('stuf0301', 'Bv03Bericht.xml'))).toThrow(expect.objectContaining({ code: 'BACKEND_PROTOCOL' }));
  });
});

describe('StufZaakOverdracht', () => {
  const transport = (antwoord: (call: SoapCall, vraag: XEl) => XmlElement) => {
    const calls: { call: SoapCall; xml: string }[] = [];
    const t: SoapTransport = {
      async send(call) {
        const xml = await xmlOf(call.body);
        calls.push({ call, xml });
        return parseOf(antwoord(call, parseXml(xml)));
      },
      close: async () => undefined,
    };
    return { t, calls };
  };

  it.each(DIALECTS)('%s: sends the Di01 to the named backoffice and resolves on its Bv03', async (d) => {
    const { t, calls } = transport((_c, vraag) => encodeBv03(decodeOverdragenZaakDi01(vraag).stuurgegevens));
    await new StufZaakOverdracht(new StufClient({ role: 'zaak', dialect: d, zender: ZENDER, ontvanger: ONTVANGER, transport: t }))
      .overdragenZaak({ ...systemContext('t'), gebruiker: 'regisseur.jansen' }, VERZOEK);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.call.operation).toBe(OPERATIONS.overdragenZaak);
    const vraag = decodeOverdragenZaakDi01(parseXml(calls[0]!.xml));
    expect(vraag.stuurgegevens.ontvanger).toEqual({ ...ONTVANGER, applicatie: 'SCHULDHULP-BACKOFFICE', administratie: undefined, gebruiker: undefined });
    expect(vraag.stuurgegevens.zender.gebruiker).toBe('regisseur.jansen');
    await expectValidStuf([{ name: 'di01', xml: calls[0]!.xml }]);
  });

  it('anything but a Bv03 is a protocol error', async () => {
    const { t } = transport(() => encodeBv02());
    await expect(
      new StufZaakOverdracht(new StufClient({ role: 'zaak', dialect: 'zds-1.2', zender: ZENDER, ontvanger: ONTVANGER, transport: t })).overdragenZaak(systemContext('t'), VERZOEK),
    ).rejects.toMatchObject({ code: 'BACKEND_PROTOCOL' });
  });
});
