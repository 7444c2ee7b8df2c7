import { describe, expect, it } from 'vitest';
import type { Zaak } from '../../../../src/core/domain/zaak';
import { inNieuweZaak, inWijziging, inZaak } from '../../../../src/platform/protocol/betrokkenen';
import { bsnsIn } from '../../../support/bsns-in-text';
import { DOSSIER_ZAAK } from '../../../support/zaak-dossier-fixture';

/** A blind search: every value under a `bsn` key, anywhere. The typed walk must find at least these. */
function blind(waarde: unknown, uit: string[] = []): string[] {
  if (Array.isArray(waarde)) waarde.forEach((w) => blind(w, uit));
  else if (waarde && typeof waarde === 'object') {
    for (const [k, v] of Object.entries(waarde)) {
      if (k === 'bsn' && typeof v === 'string') uit.push(v);
      else blind(v, uit);
    }
  }
  return uit;
}

const persoon = (bsn: string) => ({ bsn, geslachtsnaam: 'Test' });

/** Every field of a zaak that can hold a natuurlijk persoon, each with a BSN of its own (9999 test range). */
const VOL: Zaak = {
  ...DOSSIER_ZAAK,
  initiator: { soort: 'natuurlijkPersoon', persoon: persoon('999990007') },
  clients: [persoon('999990019')],
  belanghebbenden: [{ persoon: persoon('999990020'), omschrijving: 'Mantelzorger' }],
  uitvoerenden: [{ soort: 'medewerker', medewerker: { identificatie: 'WT-1' } }],
  verantwoordelijken: [{ soort: 'natuurlijkPersoon', persoon: persoon('999990032') }, { soort: 'medewerker', medewerker: { identificatie: 'M-1' } }],
  overigeBetrokkenen: [{ soort: 'natuurlijkPersoon', persoon: persoon('999990044') }, { soort: 'vestiging', vestiging: { vestigingsNummer: '000038509504' } }],
  statussen: [{ statustype: { code: 'INTAKE' }, gezetDoor: { identificatie: 'M-2' } }],
};

describe('the data subjects of a zaak, by a typed walk', () => {
  it('finds every natuurlijk persoon of every role, and what a blind search for bsn keys and 11-proef numbers finds', () => {
    const gevonden = new Set(inZaak(VOL));
    expect(gevonden).toEqual(new Set(['999990007', '999990019', '999990020', '999990032', '999990044']));
    expect(gevonden).toEqual(new Set([...blind(VOL), ...bsnsIn(JSON.stringify(VOL))]));
  });

  it('the dossier fixture: the client and the bewindvoerder among the overige betrokkenen', () => {
    expect(new Set(inZaak(DOSSIER_ZAAK))).toEqual(new Set(blind(DOSSIER_ZAAK)));
  });

  it('a medewerker as initiator or verantwoordelijke is no data subject', () => {
    expect(inZaak({ identificatie: 'Z', initiator: { soort: 'medewerker', medewerker: { identificatie: 'REG-1' } } })).toEqual([]);
  });

  it('a new zaak: its clients, belanghebbenden, initiator and betrokkenen as sent', () => {
    const { identificatie, zaaktype, startdatum, registratiedatum, initiator, clients, belanghebbenden, uitvoerenden, verantwoordelijken, overigeBetrokkenen } = VOL;
    const nieuw = {
      identificatie, zaaktype: zaaktype as { code: string; omschrijving: string }, omschrijving: 'x', startdatum: startdatum as never, registratiedatum: registratiedatum as never,
      initiator: initiator!, clients: clients!, belanghebbenden: belanghebbenden!, uitvoerenden: uitvoerenden!, gerelateerdeZaken: [], verantwoordelijken, overigeBetrokkenen,
    };
    expect(new Set(inNieuweZaak(nieuw))).toEqual(new Set(blind(nieuw)));
    expect(inNieuweZaak(nieuw)).toHaveLength(5);
  });

  it('a wijziging: the persons added and the BSNs of those removed', () => {
    const w = { clients: { toevoegen: [persoon('999990056')], verwijderen: ['999990068'] }, belanghebbenden: { verwijderen: ['999990081'] }, omschrijving: 'x' };
    expect(inWijziging(w).sort()).toEqual(['999990056', '999990068', '999990081']);
  });
});
