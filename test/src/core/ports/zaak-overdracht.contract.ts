import { describe, expect, it } from 'vitest';
import type { ZaakOverdracht, ZaakRegister } from '../../../../src/core/ports/zaak-register.port';
import { ctx, expectCode, nieuweZaak } from './contract-support';

/** The behaviour every ZaakOverdracht must show (zaak-register.port.ts), with the ZaakRegister of the zaken it hands over. */
export function zaakOverdrachtContract(name: string, setup: () => { zaken: ZaakRegister; overdracht: ZaakOverdracht }): void {
  describe(`ZaakOverdracht contract: ${name}`, () => {
    it('acknowledges the overdracht of a zaak it knows', async () => {
      const { zaken, overdracht } = setup();
      const zaak = await nieuweZaak(zaken, { zaaktype: { code: 'SHV', omschrijving: 'Schuldhulpverlening' } });
      await zaken.creeerZaak(ctx, zaak);
      await expect(overdracht.overdragenZaak(ctx, { identificatie: zaak.identificatie, zaaktype: zaak.zaaktype, ontvanger: 'SCHULDHULP' })).resolves.toBeUndefined();
    });

    it('says NOT_FOUND for a zaak it does not know', async () => {
      const { overdracht } = setup();
      await expectCode(overdracht.overdragenZaak(ctx, { identificatie: 'ONBEKEND-0000009', zaaktype: { code: 'SHV', omschrijving: 'Schuldhulp' }, ontvanger: 'SCHULDHULP' }), 'NOT_FOUND');
    });
  });
}
