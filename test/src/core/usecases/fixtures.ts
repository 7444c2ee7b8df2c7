import { systemContext } from '../../../../src/core/domain/request-context';
import { fullDate } from '../../../../src/core/domain/stuf-date';
import type { GelezenZaaktype, Zaak } from '../../../../src/core/domain/zaak';
import type { GezinsplanInvoer } from '../../../../src/core/usecases/invoer';
import { createUseCases } from '../../../../src/core/usecases/use-cases';
import type { UseCaseConfig } from '../../../../src/core/usecases/use-case-config';
import { FakeRegisters } from './fake-registers';
import { inProcesSloten } from '../../../../src/platform/zaak-sloten/in-proces-sloten.adapter';

/** Test BSNs that pass the 11-proef. */
export const BSN = ['999993653', '999990019', '999990020', '999990032', '999990044'] as const;

export const GZP = { code: 'GZP', omschrijving: 'Opstellen en uitvoeren gezinsplan' };
export const LDP = { code: 'LDP', omschrijving: 'Opstellen en uitvoeren levensdomeinplan' };
export const WMO = { code: 'WMO', omschrijving: 'Wmo-maatwerkvoorziening' };

export function setup(config: Partial<UseCaseConfig> = {}) {
  const fake = new FakeRegisters();
  const useCases = createUseCases({ zaken: fake.zaken, documenten: fake.documenten, overdracht: fake.overdracht, sloten: inProcesSloten(), config });
  return { fake, useCases, uc: useCases.forRequest(systemContext('test')) };
}

export function gezinsplanInvoer(over: Partial<GezinsplanInvoer> = {}): GezinsplanInvoer {
  return {
    omschrijving: 'Gezinsplan fam. Jansen',
    regisseur: { identificatie: 'MDW-1', achternaam: 'Regisseur' },
    clients: [{ bsn: BSN[0], geslachtsnaam: 'Jansen' }],
    ...over,
  };
}

export function bestaandeZaak(identificatie: string, zaaktype: GelezenZaaktype = GZP, over: Partial<Zaak> = {}): Zaak {
  return {
    identificatie,
    zaaktype,
    omschrijving: `zaak ${identificatie}`,
    startdatum: fullDate('2026-01-05'),
    clients: [{ bsn: BSN[0], geslachtsnaam: 'Jansen' }],
    belanghebbenden: [],
    uitvoerenden: [],
    gerelateerdeZaken: [],
    statussen: [],
    ...over,
  };
}
