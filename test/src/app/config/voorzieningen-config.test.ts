import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/app/config/load-config';
import { EMBEDDED_VOORZIENINGEN } from '../../../../src/app/config/voorzieningen-config';
import { FacadeError } from '../../../../src/core/domain/errors';

const AUTH = { issuers: [{ issuer: 'https://login.example.nl', audience: 'stuf-zkn-facade', jwksUri: 'https://login.example.nl/jwks' }], applicaties: {}, verwerkingen: {} };
const PROTOCOL = { sleutel: Buffer.alloc(32, 7).toString('base64') };
const ZAAK = {
  dialect: 'zds-1.2',
  endpoints: { beantwoordVraag: 'https://zs/bv', ontvangAsynchroon: 'https://zs/oa', vrijeBerichten: 'https://zs/vb' },
  zender: { applicatie: 'REGIE' },
  ontvanger: { applicatie: 'ZAAKSYSTEEM' },
};
const parse = (raw: Record<string, unknown>) => parseConfig({ auth: AUTH, protocol: PROTOCOL, ...raw });
const VOORZIENINGEN = {
  backoffice: 'SUITE-WMO',
  zaaktypen: { '01': { code: 'HH', omschrijving: 'Hulp bij het huishouden' }, '02': { code: 'BEG', omschrijving: 'Begeleiding' } },
  arrangement: { zaken: 'per-product', zaaktype: { code: 'ARR', omschrijving: 'Arrangement' } },
  iwmo: { gemeentecode: '0363', aanbieder: '12345678' },
};

const problemen = (raw: Record<string, unknown>): string[] => {
  try {
    parse(raw);
  } catch (e) {
    expect((e as FacadeError).code).toBe('CONFIG_INVALID');
    return ((e as FacadeError).invalidParams ?? []).map((p) => `${p.name}: ${p.reason}`);
  }
  throw new Error('no CONFIG_INVALID');
};

describe('config.voorzieningen (issue 15 §2: zaaktypen per gemeente)', () => {
  it('is off against a real zaaksysteem unless configured, and on for the embedded default', () => {
    expect(parse({ backends: { zaak: ZAAK } }).useCases.voorzieningen).toBeUndefined();
    expect(parse({}).useCases.voorzieningen).toEqual(EMBEDDED_VOORZIENINGEN);
    expect(parse({ backends: { zaak: ZAAK }, voorzieningen: VOORZIENINGEN }).useCases.voorzieningen).toEqual({
      backoffice: 'SUITE-WMO',
      zaaktypen: VOORZIENINGEN.zaaktypen,
      arrangement: { zaken: 'per-product', zaaktype: { code: 'ARR', omschrijving: 'Arrangement' } },
      iwmo: { gemeentecode: '0363', aanbieder: '12345678' },
    });
  });

  it('names every mistake: a categorie outside WMO020, codes that clash, iWmo numbers of the wrong length', () => {
    expect(
      problemen({
        backends: { zaak: ZAAK },
        voorzieningen: {
          ...VOORZIENINGEN,
          zaaktypen: { '99': { code: 'HH', omschrijving: 'x' }, '01': { code: 'GZP', omschrijving: 'gezinsplan' } },
          arrangement: { zaken: 'alles', zaaktype: { code: 'HH', omschrijving: 'y' } },
          iwmo: { gemeentecode: '363', aanbieder: '1234567X' },
        },
      }),
    ).toEqual(
      expect.arrayContaining([
        'config.voorzieningen.zaaktypen.99: is geen productcategorie (WMO020)',
        expect.stringMatching(/^config\.voorzieningen\.arrangement\.zaken: /),
        'config.voorzieningen.iwmo.gemeentecode: moet 4 cijfers zijn',
        'config.voorzieningen.iwmo.aanbieder: moet 8 cijfers zijn',
      ]),
    );
    const botsing = problemen({ backends: { zaak: ZAAK }, voorzieningen: { ...VOORZIENINGEN, zaaktypen: { '01': { code: 'GZP', omschrijving: 'gezinsplan' } } } });
    expect(botsing).toEqual(['config.voorzieningen.zaaktypen: een voorziening kan geen zaaktype van een gezinsplan of levensdomeinplan hebben']);
    const dubbel = problemen({ backends: { zaak: ZAAK }, voorzieningen: { ...VOORZIENINGEN, arrangement: { zaken: 'een', zaaktype: { code: 'HH', omschrijving: 'x' } } } });
    expect(dubbel).toEqual(['config.voorzieningen.zaaktypen: twee voorzieningen hebben dezelfde zaaktypecode']);
  });
});
