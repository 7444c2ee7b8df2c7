import { fullDate } from '../../src/core/domain/stuf-date';
import type { NieuweZaak, Zaak } from '../../src/core/domain/zaak';

/**
 * Deterministic benchmark data. BSNs are generated from the 999950000+ part of the test range (clear of the demo data's 9999000xx) and pass the 11-proef, so the
 * facade's input validation accepts them; they cannot belong to real people.
 */
export function testBsns(count: number, offset = 0): string[] {
  const out: string[] = [];
  for (let prefix = 99_995_000 + offset; out.length < count && prefix <= 99_999_999; prefix++) {
    const digits = String(prefix);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
    const check = sum % 11;
    if (check <= 9) out.push(`${digits}${check}`);
  }
  if (out.length < count) throw new RangeError(`only ${out.length} test BSNs available from offset ${offset}`);
  return out;
}

export const BENCH_ZAAKTYPE = { code: 'BENCHGZP', omschrijving: 'Gezinsplan (benchmark)' };

/** A gezinsplan the size of a realistic one: two clients, a belanghebbende, two uitvoerenden, a relation. */
export function benchGezinsplan(identificatie: string, i: number, bsns: readonly string[]): NieuweZaak {
  const bsn = (k: number) => bsns[k % bsns.length]!;
  return {
    identificatie,
    zaaktype: BENCH_ZAAKTYPE,
    omschrijving: `Gezinsplan gezin ${i}`,
    toelichting: 'Afspraken over wonen, werk en inkomen, opvoeding en zorg; evaluatie elk kwartaal.',
    startdatum: fullDate('2026-01-05'),
    registratiedatum: fullDate('2026-01-05'),
    einddatumGepland: fullDate('2026-12-31'),
    initiator: { soort: 'medewerker', medewerker: { identificatie: `MDW-${100 + (i % 7)}`, achternaam: 'Regisseur', voorletters: 'R' }, omschrijving: 'Regisseur' },
    clients: [
      { bsn: bsn(2 * i), geslachtsnaam: 'Jansen', voorletters: 'A', voornamen: 'Anna' },
      { bsn: bsn(2 * i + 1), geslachtsnaam: 'Jansen', voorletters: 'B', voornamen: 'Bram' },
    ],
    belanghebbenden: [{ persoon: { bsn: bsn(2 * i + 2), geslachtsnaam: 'De Vries', voorletters: 'C' }, omschrijving: 'mantelzorger' }],
    uitvoerenden: [
      { soort: 'medewerker', medewerker: { identificatie: `MDW-${200 + (i % 5)}`, achternaam: 'Wijkteam', voorletters: 'W' }, omschrijving: 'Wijkteam' },
      { soort: 'vestiging', vestiging: { vestigingsNummer: '000012345678', handelsnaam: 'Zorg en Welzijn BV' }, omschrijving: 'Zorgaanbieder' },
    ],
    gerelateerdeZaken: [],
  };
}

/** The same gezinsplan as the zaaksysteem would answer it, with a status history. */
export function benchZaak(identificatie: string, i: number, bsns: readonly string[]): Zaak {
  const z = benchGezinsplan(identificatie, i, bsns);
  return {
    ...z,
    gerelateerdeZaken: [{ identificatie: `${identificatie}-D1`, zaaktype: { code: 'BENCHDP', omschrijving: 'Deelplan (benchmark)' } }],
    statussen: [
      { statustype: { code: 'ONTV', omschrijving: 'Ontvangen', volgnummer: '1' }, datumStatusGezet: '20260105090000000', indicatieLaatsteStatus: false },
      { statustype: { code: 'UITV', omschrijving: 'In uitvoering', volgnummer: '2' }, datumStatusGezet: '20260201100000000', indicatieLaatsteStatus: true },
    ],
  };
}
