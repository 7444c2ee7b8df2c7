/** Valid BSNs (11-proef) for the REST tests; none is a real person's. */
export const BSN = { moeder: '111222333', kind: '123456782', mantelzorger: '999993653', zonderPlan: '999990019' } as const;

export const REGISSEUR = { identificatie: 'REG-0042', achternaam: 'Jansen', voorletters: 'P.' };

export const gezinsplanInvoer = (omschrijving = 'Gezinsplan familie De Boer') => ({
  omschrijving,
  toelichting: 'Afspraken over school, schulden en zorg',
  startdatum: '2026-11-01',
  einddatumGepland: '2027-06-30',
  regisseur: REGISSEUR,
  clients: [
    { bsn: BSN.moeder, geslachtsnaam: 'Boer', voorvoegselGeslachtsnaam: 'de', voorletters: 'A.' },
    { bsn: BSN.kind, geslachtsnaam: 'Boer', voorvoegselGeslachtsnaam: 'de', geboortedatum: '2015-03' },
  ],
  belanghebbenden: [{ persoon: { bsn: BSN.mantelzorger, geslachtsnaam: 'Smit' }, omschrijving: 'Mantelzorger' }],
  uitvoerenden: [{ medewerker: { identificatie: 'WT-0017', achternaam: 'Bakker' }, omschrijving: 'Wijkteammedewerker' }],
});

export const deelplanInvoer = (levensdomeinplan?: string) => ({
  omschrijving: 'Schuldhulpverlening',
  zaaktype: { code: 'SCHULD', omschrijving: 'Schuldhulpverlening' },
  initiator: { medewerker: REGISSEUR },
  clients: [{ bsn: BSN.moeder, geslachtsnaam: 'Boer', voorvoegselGeslachtsnaam: 'de' }],
  ...(levensdomeinplan ? { levensdomeinplan } : {}),
});
