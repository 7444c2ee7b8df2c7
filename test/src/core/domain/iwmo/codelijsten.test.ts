import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODELIJSTEN, omschrijvingVan, type Codelijst } from '../../../../../src/core/domain/iwmo/codelijsten';
import { IWMO } from '../../../../support/shared';

const DIR = path.join(IWMO, 'codelijsten');

/**
 * The code table of one list as ../shared holds it: the first table under "## Codes" or "## Codelijst", code in
 * the first column, omschrijving in the second (WMO002 and WMO588 have more columns; one WMO002 row misses its
 * last separator, which changes neither).
 */
function gedeeld(lijst: Codelijst): [string, string][] {
  const file = readdirSync(DIR).find((f) => f.startsWith(`${lijst}_`));
  if (!file) throw new Error(`no code list ${lijst} in ${DIR}`);
  const lines = readFileSync(path.join(DIR, file), 'utf8').split('\n');
  const start = lines.findIndex((l) => /^##\s+(Codes|Codelijst)\s*$/.test(l));
  if (start < 0) throw new Error(`${file}: no code table`);
  const rest = lines.slice(start + 1);
  const first = rest.findIndex((l) => l.startsWith('|'));
  const end = rest.findIndex((l, i) => i > first && !l.startsWith('|'));
  const table = rest.slice(first, end < 0 ? undefined : end);
  // the header row and the |---| row
  return table.slice(2).map((row) => {
    const cells = row.split('|').map((c) => c.trim());
    return [cells[1]!, cells[2]!];
  });
}

const LIJSTEN = Object.keys(CODELIJSTEN) as Codelijst[];
const sorted = (e: Iterable<readonly [string, string]>) => [...e].map(([c, o]) => `${c} ${o}`).sort();

describe('iWmo code lists', () => {
  it('ship the eight lists a voorziening uses', () => {
    expect([...LIJSTEN].sort()).toEqual(['WJ756', 'WJ758', 'WJ759', 'WJ760', 'WMO002', 'WMO020', 'WMO588', 'WMO757']);
  });

  it.each(LIJSTEN)('%s holds exactly the codes and omschrijvingen of the standard', (lijst) => {
    const theirs = gedeeld(lijst);
    expect(theirs.length).toBeGreaterThan(1);
    expect(sorted(CODELIJSTEN[lijst].codes)).toEqual(sorted(theirs));
  });

  it('look a code up as text, so that a code of another width or another list is unknown', () => {
    expect(omschrijvingVan('WMO020', '07')).toBe('Dagbesteding');
    expect(omschrijvingVan('WMO020', '7')).toBeUndefined();
    expect(omschrijvingVan('WMO757', '4')).toBe('Per maand');
    expect(omschrijvingVan('WMO757', '3')).toBeUndefined();
    expect(omschrijvingVan('WJ759', '7')).toBe('Zorginhoudelijke afkeur');
    expect(omschrijvingVan('WMO588', '03')).toBeUndefined();
    expect(omschrijvingVan('WJ756', 'constructor')).toBeUndefined();
    expect(omschrijvingVan('WJ756', '__proto__')).toBeUndefined();
  });
});
