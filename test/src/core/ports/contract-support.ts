import { expect } from 'vitest';
import { FacadeError } from '../../../../src/core/domain/errors';
import { systemContext } from '../../../../src/core/domain/request-context';
import { fullDate } from '../../../../src/core/domain/stuf-date';
import type { NieuweZaak } from '../../../../src/core/domain/zaak';
import type { ZaakRegister } from '../../../../src/core/ports/zaak-register.port';

/** What the port contracts share: a request context, test BSNs, a complete new zaak, and an error check. */
export const ctx = systemContext('contract');

// Test BSNs (11-proef, test range) that exist nowhere else in this suite.
export const CONTRACT_BSNS = ['999990044', '999990068', '999990081'] as const;

export async function nieuweZaak(zaken: ZaakRegister, over: Partial<NieuweZaak> = {}): Promise<NieuweZaak> {
  const identificatie = await zaken.genereerZaakIdentificatie(ctx);
  return {
    identificatie,
    zaaktype: { code: 'GZP', omschrijving: 'Opstellen en uitvoeren gezinsplan' },
    omschrijving: 'Gezinsplan contract',
    toelichting: 'Contracttest',
    startdatum: fullDate('2026-01-05'),
    registratiedatum: fullDate('2026-01-05'),
    einddatumGepland: fullDate('2026-12-31'),
    initiator: { soort: 'medewerker', medewerker: { identificatie: 'MDW-C1', achternaam: 'Regisseur' }, omschrijving: 'Regisseur' },
    clients: [{ bsn: CONTRACT_BSNS[0], geslachtsnaam: 'Contract', voorletters: 'A' }],
    belanghebbenden: [{ persoon: { bsn: CONTRACT_BSNS[1], geslachtsnaam: 'Zorg' }, omschrijving: 'mantelzorger' }],
    uitvoerenden: [
      { soort: 'medewerker', medewerker: { identificatie: 'MDW-C2', achternaam: 'Wijkteam' }, omschrijving: 'Wijkteam' },
      { soort: 'vestiging', vestiging: { vestigingsNummer: '000012345678', handelsnaam: 'Zorg BV' } },
    ],
    gerelateerdeZaken: [],
    ...over,
  };
}

export async function expectCode(p: Promise<unknown>, code: FacadeError['code']): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FacadeError);
  expect((err as FacadeError).code).toBe(code);
}

