import { FacadeError, type InvalidParam } from './errors';
import { isNoValue, valueOf } from './no-value';
import { uitvoerendeSleutel, type Zaak, type ZaakVeld, type ZaakWijziging } from './zaak';

/** RGBZ: a zaak whose einddatum has a value is afgehandeld. */
export const isAfgesloten = (z: Pick<Zaak, 'einddatum'>): boolean => z.einddatum !== undefined && !isNoValue(z.einddatum);

export const isOpen = (z: Pick<Zaak, 'einddatum'>): boolean => !isAfgesloten(z);

/** What a wijziging can set (a value, or NoValue to clear it) and which relations it can add to or remove from. */
export const WIJZIGING_ATTRIBUTEN = ['omschrijving', 'toelichting', 'startdatum', 'einddatumGepland', 'uiterlijkeEinddatum', 'einddatum', 'resultaat'] as const;
export const WIJZIGING_RELATIES = ['clients', 'belanghebbenden', 'uitvoerenden', 'gerelateerdeZaken'] as const;

/** The velden a wijziging touches: what its basis must hold, and so the scope of updateZaak's `oud`. */
export function wijzigingVelden(w: ZaakWijziging): ZaakVeld[] {
  return [...WIJZIGING_ATTRIBUTEN, ...WIJZIGING_RELATIES].filter((k) => w[k] !== undefined);
}

type Relatie = (typeof WIJZIGING_RELATIES)[number];

/** How a relation is named in a wijziging, and how the caller sees it in an error. */
const SLEUTEL: { [K in Relatie]: { van: (r: NonNullable<Zaak[K]>[number]) => unknown; wat: string } } = {
  clients: { van: (p) => p.bsn, wat: 'client' },
  belanghebbenden: { van: (b) => b.persoon.bsn, wat: 'belanghebbende' },
  uitvoerenden: { van: uitvoerendeSleutel, wat: 'uitvoerende' },
  gerelateerdeZaken: { van: (z) => z.identificatie, wat: 'gerelateerde zaak' },
};

const gelijk = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function relatieOp<K extends Relatie>(k: K, basis: Zaak, w: ZaakWijziging, fouten: InvalidParam[]): ZaakWijziging[K] {
  const wijziging = w[k] as { toevoegen?: unknown[]; verwijderen?: unknown[] } | undefined;
  if (!wijziging) return undefined;
  const { van, wat } = SLEUTEL[k] as { van: (r: unknown) => unknown; wat: string };
  const bestaand = ((basis[k] ?? []) as unknown[]).map(van);
  wijziging.verwijderen?.forEach((s, i) => {
    if (!bestaand.some((b) => gelijk(b, s))) fouten.push({ name: `${k}.verwijderen.${i}`, reason: `is geen ${wat} van deze zaak` });
  });
  // adding what is already there changes nothing, and a zaaksysteem would refuse the duplicate relation
  const toevoegen = wijziging.toevoegen?.filter((r) => !bestaand.some((b) => gelijk(b, van(r))));
  if (!toevoegen?.length && !wijziging.verwijderen?.length) return undefined;
  const { toevoegen: _gevraagd, ...rest } = wijziging;
  return (toevoegen?.length ? { ...rest, toevoegen } : rest) as ZaakWijziging[K];
}

/**
 * The part of `w` that changes `basis`, which holds at least einddatum and wijzigingVelden(w). Refused:
 * - a change of a closed zaak (CONFLICT), other than the one that sets its einddatum;
 * - the removal of a relation the zaak does not have, and a change that changes nothing (VALIDATION_FAILED).
 * A relation to add that is there already is dropped.
 */
export function wijzigingOp(basis: Zaak, w: ZaakWijziging): ZaakWijziging {
  if (isAfgesloten(basis) && w.einddatum === undefined) {
    throw new FacadeError('CONFLICT', 'De zaak is afgesloten en kan niet meer worden gewijzigd');
  }
  const fouten: InvalidParam[] = [];
  const uit: ZaakWijziging = {};
  for (const k of WIJZIGING_ATTRIBUTEN) if (w[k] !== undefined) Object.assign(uit, { [k]: w[k] });
  for (const k of WIJZIGING_RELATIES) {
    const r = relatieOp(k, basis, w, fouten);
    if (r) Object.assign(uit, { [k]: r });
  }
  if (fouten.length) throw FacadeError.validation('Wijziging past niet bij de zaak', fouten);
  if (wijzigingVelden(uit).length === 0) {
    throw FacadeError.validation('Lege wijziging', [{ name: 'wijziging', reason: 'verandert niets aan de zaak' }]);
  }
  return uit;
}

/** Equal as a caller reads them: absent and NoValue both mean "no value" (a cleared attribute may read back either way). */
const zelfde = (a: unknown, b: unknown): boolean => gelijk(valueOf(a) ?? null, valueOf(b) ?? null);

/**
 * What `zaak` (read after an updateZaak whose answer was lost; it holds at least wijzigingVelden(w)) says about
 * `w`, sent on `basis`: 'ja' when it shows all of `w`, 'nee' when it shows none of it (every attribute as in
 * `basis`, nothing added or removed), otherwise 'onbekend' (someone else changed it meanwhile, or only part shows).
 * Issue 12 §4: an update is proven applied or not applied by comparing against the intended state.
 */
export function doorgevoerd(zaak: Zaak, w: ZaakWijziging, basis?: Zaak): 'ja' | 'nee' | 'onbekend' {
  const delen: { ja: boolean; nee: boolean }[] = [];
  for (const k of WIJZIGING_ATTRIBUTEN) {
    if (w[k] !== undefined) delen.push({ ja: zelfde(zaak[k], w[k]), nee: basis !== undefined && zelfde(zaak[k], basis[k]) });
  }
  for (const k of WIJZIGING_RELATIES) {
    const wijziging = w[k] as { toevoegen?: unknown[]; verwijderen?: unknown[] } | undefined;
    if (!wijziging) continue;
    const { van } = SLEUTEL[k] as { van: (r: unknown) => unknown };
    const er = (sleutel: unknown) => ((zaak[k] ?? []) as unknown[]).some((r) => gelijk(van(r), sleutel));
    for (const r of wijziging.toevoegen ?? []) delen.push({ ja: er(van(r)), nee: !er(van(r)) });
    for (const s of wijziging.verwijderen ?? []) delen.push({ ja: !er(s), nee: er(s) });
  }
  if (delen.every((d) => d.ja)) return 'ja';
  return delen.every((d) => d.nee) ? 'nee' : 'onbekend';
}
