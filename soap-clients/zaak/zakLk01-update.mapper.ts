import { FacadeError } from '../../src/core/domain/errors';
import { NoValue } from '../../src/core/domain/no-value';
import { uitvoerendeSleutel, type Initiator, type Zaak, type ZaakWijziging } from '../../src/core/domain/zaak';
import { WIJZIGING_ATTRIBUTEN as ATTRIBUTEN, WIJZIGING_RELATIES as RELATIES } from '../../src/core/domain/zaak-wijziging';
import type { Dialect } from '../stuf/operations';
import type { XEl } from '../xml/xml-parser';
import type { StufBericht } from '../stuf/stuf-bericht';
import { decodeKop, objecten, zakLk01, type ZaakBerichtKop } from './zak-bericht';
import { stripUndefined } from './zak-gerelateerden.mapper';
import { readZakObject, zaakVan, zakObjectElement, type Rel, type ZaakAttributen, type ZakObject } from './zak.mapper';

/**
 * updateZaak: ZAK Lk01, mutatiesoort W, two objects - 'oud' (the state the change is based on) and 'nieuw' - both
 * with verwerkingssoort W (ZDS 1.2 §4.4; StUF 03.01 §5.2.5 and §5.2.7). Only what changes is in the pair:
 *  - an attribute: its old value in oud (geenWaarde when it had none), the new one in nieuw; NoValue('geenWaarde')
 *    in the wijziging clears it (StUF 03.01 §3.3.4);
 *  - an added relation (§5.2.7 rule 2): in oud the empty relation with verwerkingssoort T and noValue geenWaarde,
 *    in nieuw the relation with verwerkingssoort T;
 *  - a removed relation (§5.2.7 rule 5, 'niet langer relevant'): in oud the relation with verwerkingssoort V and its
 *    kerngegevens, in nieuw the empty relation with verwerkingssoort V and noValue geenWaarde;
 *  - the other relations of a kind that changes, as held now: in oud and in nieuw with verwerkingssoort I (the
 *    entity only identifies, it does not change), so oud names the whole list the change is based on and a
 *    relation added or removed meanwhile shows (issue 12 §5). A kind without any relation now has no I entry.
 * A zaaksysteem compares oud with its stored state, so a change made meanwhile is refused, not overwritten.
 * The wijziging is one that fits `huidig` (wijzigingOp in the domain): what it removes is there, what it adds is not.
 */

interface Paar<T> {
  oud: Rel<T>[];
  nieuw: Rel<T>[];
}

function relatiePaar<T, K>(
  huidig: readonly T[] | undefined,
  toevoegen: readonly T[] = [],
  verwijderen: readonly K[] = [],
  sleutel: (t: T) => K,
): Paar<T> {
  const same = (a: K, b: K) => JSON.stringify(a) === JSON.stringify(b);
  if (toevoegen.length === 0 && verwijderen.length === 0) return { oud: [], nieuw: [] };
  // the oud half of a removal carries the relation's kerngegevens as stored (StUF 03.01 §5.2.7 rule 5)
  const isWeg = (b: T) => verwijderen.some((k) => same(sleutel(b), k));
  const weg = (huidig ?? []).filter(isWeg);
  const blijft = (huidig ?? []).filter((b) => !isWeg(b)).map((waarde) => ({ waarde, verwerkingssoort: 'I' as const }));
  return {
    oud: [...blijft, ...weg.map((waarde) => ({ waarde, verwerkingssoort: 'V' as const })), ...toevoegen.map(() => ({ verwerkingssoort: 'T' as const }))],
    nieuw: [...blijft, ...weg.map(() => ({ verwerkingssoort: 'V' as const })), ...toevoegen.map((waarde) => ({ waarde, verwerkingssoort: 'T' as const }))],
  };
}

/**
 * `huidig`: the current state (or the caller's basis), holding at least the fields in wijzigingVelden(wijziging);
 * a field missing there counts as "no value" in oud, so a zaaksysteem that has one refuses the change.
 */
export function updatePaar(identificatie: string, huidig: Zaak, w: ZaakWijziging): { oud: ZakObject; nieuw: ZakObject } {
  const oud: ZakObject = { identificatie, verwerkingssoort: 'W' };
  const nieuw: ZakObject = { identificatie, verwerkingssoort: 'W' };
  const set = (k: string, o: unknown, n: unknown) => {
    (oud as unknown as Record<string, unknown>)[k] = o;
    (nieuw as unknown as Record<string, unknown>)[k] = n;
  };
  for (const k of ATTRIBUTEN) {
    const n = w[k];
    if (n !== undefined) set(k, huidig[k] ?? NoValue.of('geenWaarde'), n);
  }
  const paren = {
    clients: relatiePaar(huidig.clients, w.clients?.toevoegen, w.clients?.verwijderen, (p) => p.bsn),
    belanghebbenden: relatiePaar(huidig.belanghebbenden, w.belanghebbenden?.toevoegen, w.belanghebbenden?.verwijderen, (b) => b.persoon.bsn),
    uitvoerenden: relatiePaar(huidig.uitvoerenden, w.uitvoerenden?.toevoegen, w.uitvoerenden?.verwijderen, uitvoerendeSleutel),
    gerelateerdeZaken: relatiePaar(huidig.gerelateerdeZaken, w.gerelateerdeZaken?.toevoegen, w.gerelateerdeZaken?.verwijderen, (z) => z.identificatie),
  };
  for (const k of RELATIES) {
    if (paren[k].oud.length === 0) continue;
    set(k, paren[k].oud, paren[k].nieuw);
  }
  return { oud, nieuw };
}

export function buildUpdateZaakLk01(
  dialect: Dialect,
  identificatie: string,
  huidig: Zaak,
  wijziging: ZaakWijziging,
): StufBericht {
  const { oud, nieuw } = updatePaar(identificatie, huidig, wijziging);
  return zakLk01('updateZaak', dialect, 'W', [zakObjectElement(oud, 'kennisgeving'), zakObjectElement(nieuw, 'kennisgeving')]);
}

/** Relations named by what happens to them; initiator included because a ZDS updateZaak may replace it. */
export type ZaakRelaties = Pick<Zaak, 'clients' | 'belanghebbenden' | 'uitvoerenden' | 'gerelateerdeZaken'> & {
  initiator?: Initiator;
};

export interface UpdateZaakVerzoek extends ZaakBerichtKop {
  identificatie: string;
  /** oud: attribute values the change is based on (to compare with the stored state) */
  oud: Zaak;
  /** nieuw: the attribute values to store; NoValue clears */
  nieuw: Zaak;
  toevoegen: ZaakRelaties;
  verwijderen: ZaakRelaties;
  /** the relations oud names as unchanged (verwerkingssoort I): with `verwijderen`, the list the change is based on */
  ongewijzigd: ZaakRelaties;
}

const TOEVOEGEN = new Set(['T', 'R', 'W']);
const VERWIJDEREN = new Set(['V', 'E', 'R', 'W']);
const ONGEWIJZIGD = new Set(['I']);

function metSoort(o: ZakObject, soorten: Set<string>): ZaakRelaties {
  const kies = <T>(rs: Rel<T>[] | undefined): T[] | undefined => {
    const ts = (rs ?? []).flatMap((r) => (r.waarde !== undefined && soorten.has(r.verwerkingssoort ?? '') ? [r.waarde] : []));
    return ts.length ? ts : undefined;
  };
  return stripUndefined({
    clients: kies(o.clients),
    belanghebbenden: kies(o.belanghebbenden),
    uitvoerenden: kies(o.uitvoerenden),
    gerelateerdeZaken: kies(o.gerelateerdeZaken),
    initiator: kies(o.initiator ? [o.initiator] : [])?.[0],
  });
}

/**
 * Provider side: an updateZaak Lk01 of either dialect. A relation with verwerkingssoort T (or R/W) in nieuw is
 * added; with V, E (or R/W) in oud it is removed (StUF 03.01 §5.2.7 rules 2-7; W = its data changed: replace).
 */
export function decodeUpdateZaakLk01(root: XEl): UpdateZaakVerzoek {
  const kop = decodeKop(root, 'updateZaak');
  const [oudEl, nieuwEl, ...meer] = objecten(root);
  if (!oudEl || !nieuwEl || meer.length) throw FacadeError.validation('updateZaak bevat precies twee objecten (oud en nieuw)');
  const oud = readZakObject(oudEl);
  const nieuw = readZakObject(nieuwEl);
  if (oud.identificatie !== nieuw.identificatie) throw FacadeError.validation('oud en nieuw betreffen verschillende zaken');
  return {
    ...kop,
    identificatie: nieuw.identificatie,
    oud: zaakVan(oud),
    nieuw: zaakVan(nieuw),
    toevoegen: metSoort(nieuw, TOEVOEGEN),
    verwijderen: metSoort(oud, VERWIJDEREN),
    ongewijzigd: metSoort(oud, ONGEWIJZIGD),
  };
}
