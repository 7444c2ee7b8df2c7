import { describe, expect, it } from 'vitest';
import { FacadeError } from '../../../../src/core/domain/errors';
import { NoValue } from '../../../../src/core/domain/no-value';
import type { Zaak, ZaakWijziging } from '../../../../src/core/domain/zaak';
import { isAfgesloten, wijzigingOp, wijzigingVelden } from '../../../../src/core/domain/zaak-wijziging';

const BASIS: Zaak = {
  identificatie: 'ZAAK-1',
  omschrijving: 'Gezinsplan',
  einddatum: NoValue.of('geenWaarde'),
  clients: [{ bsn: '999991723' }],
  belanghebbenden: [{ persoon: { bsn: '999995571' } }],
  uitvoerenden: [{ soort: 'vestiging', vestiging: { vestigingsNummer: '000012345678' } }],
  gerelateerdeZaken: [{ identificatie: 'GZP-1' }],
};
const GESLOTEN: Zaak = { ...BASIS, einddatum: { iso: '2026-01-31', precision: 'dag' } };

const fout = (f: () => unknown): FacadeError => {
  try {
    f();
  } catch (e) {
    if (e instanceof FacadeError) return e;
  }
  throw new Error('expected a FacadeError');
};

describe('the rules of a zaak change', () => {
  it('names exactly the changed fields as the scope of the change', () => {
    const w: ZaakWijziging = {
      resultaat: { omschrijving: 'Doelen behaald' },
      omschrijving: 'Nieuw',
      einddatumGepland: NoValue.of('geenWaarde'),
      gerelateerdeZaken: { toevoegen: [{ identificatie: 'LDP-1' }] },
      clients: { verwijderen: ['999991723'] },
    };
    expect(wijzigingVelden(w)).toEqual(['omschrijving', 'einddatumGepland', 'resultaat', 'clients', 'gerelateerdeZaken']);
  });

  it('a zaak with an einddatum is closed; a noValue einddatum or none is open', () => {
    expect([isAfgesloten(GESLOTEN), isAfgesloten(BASIS), isAfgesloten({})]).toEqual([true, false, false]);
  });

  it('refuses any change of a closed zaak with CONFLICT, except the one that sets its einddatum', () => {
    expect(fout(() => wijzigingOp(GESLOTEN, { toelichting: 'te laat' })).code).toBe('CONFLICT');
    const sluiten = { einddatum: { iso: '2026-02-01', precision: 'dag' as const }, resultaat: { omschrijving: 'Afgerond' } };
    expect(wijzigingOp(GESLOTEN, sluiten)).toEqual(sluiten);
  });

  it('drops what is added but already there, and refuses a change that then changes nothing', () => {
    const w: ZaakWijziging = { clients: { toevoegen: [{ bsn: '999991723' }, { bsn: '999990019' }] }, gerelateerdeZaken: { toevoegen: [{ identificatie: 'GZP-1' }] } };
    expect(wijzigingOp(BASIS, w)).toEqual({ clients: { toevoegen: [{ bsn: '999990019' }] } });
    const leeg = fout(() => wijzigingOp(BASIS, { gerelateerdeZaken: { toevoegen: [{ identificatie: 'GZP-1' }] } }));
    expect([leeg.code, leeg.invalidParams?.[0]?.name]).toEqual(['VALIDATION_FAILED', 'wijziging']);
  });

  it('refuses the removal of a relation the zaak does not have, naming each one', () => {
    const e = fout(() =>
      wijzigingOp(BASIS, {
        clients: { verwijderen: ['999991723', '999990019'] },
        uitvoerenden: { verwijderen: [{ soort: 'medewerker', identificatie: 'MDW-9' }] },
      }),
    );
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.invalidParams?.map((p) => p.name)).toEqual(['clients.verwijderen.1', 'uitvoerenden.verwijderen.0']);
  });

  it('keeps attribute changes and removals of what is there as they are', () => {
    const w: ZaakWijziging = { omschrijving: 'Nieuw', belanghebbenden: { verwijderen: ['999995571'] }, uitvoerenden: { verwijderen: [{ soort: 'vestiging', vestigingsNummer: '000012345678' }] } };
    expect(wijzigingOp(BASIS, w)).toStrictEqual(w);
  });
});
