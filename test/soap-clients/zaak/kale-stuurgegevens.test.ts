import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../../src/core/domain/request-context';
import { ZAAK_VELDEN } from '../../../src/core/domain/zaak';
import { StufClient } from '../../../soap-clients/stuf/stuf-client';
import { parseXml } from '../../../soap-clients/xml/xml-parser';
import { StufZaakRegister } from '../../../soap-clients/zaak/stuf-zaak-register.adapter';
import { KALE_STUURGEGEVENS_ZAAK } from '../fixtures/zaak-kale-stuurgegevens';
import { KOP } from './zaak-fixtures';

const CTX: RequestContext = { requestId: 'req-1' };

const zaken = new StufZaakRegister(
  new StufClient({
    role: 'zaak',
    dialect: 'zds-1.1',
    zender: KOP.zender,
    ontvanger: KOP.ontvanger,
    transport: { send: async () => parseXml(KALE_STUURGEGEVENS_ZAAK), close: async () => {} },
  }),
);

describe('an answer whose stuurgegevens hold only berichtcode and entiteittype', () => {
  const dag = (iso: string) => ({ iso, precision: 'dag' });
  const client = { bsn: '999900043', geslachtsnaam: 'Boer', voorvoegselGeslachtsnaam: 'de', voorletters: 'M', geboortedatum: dag('1980-04-12') };

  it('geefZaakdetails: read whole, with exact values', async () => {
    expect(await zaken.geefZaak(CTX, '9999-GZP-0042', ZAAK_VELDEN)).toEqual({
      identificatie: '9999-GZP-0042',
      omschrijving: 'Gezinsplan gezin De Boer',
      toelichting: 'Afgesproken aan de keukentafel',
      startdatum: dag('2025-03-03'),
      registratiedatum: dag('2025-03-01'),
      einddatumGepland: dag('2025-12-31'),
      zaaktype: { code: 'GZP', omschrijving: 'Gezinsplan' },
      clients: [client],
      belanghebbenden: [],
      uitvoerenden: [],
      gerelateerdeZaken: [],
      initiator: { soort: 'medewerker', medewerker: { identificatie: 'MDW0012', achternaam: 'Smit', voorletters: 'A' } },
      statussen: [
        { statustype: { code: 'INT', omschrijving: 'Intake', volgnummer: '1' }, datumStatusGezet: '20250303091500', indicatieLaatsteStatus: true },
      ],
    });
  });
});
