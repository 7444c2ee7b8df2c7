import { FacadeError } from '../../../core/domain/errors';
import { uitvoerendeSleutel, ZAAK_VELDEN, type Zaak, type ZaakVeld } from '../../../core/domain/zaak';
import { afwijkendeVelden } from './oud-vergelijking';
import type { UpdateZaakVerzoek, ZaakRelaties } from '../../../../soap-clients/zaak/zakLk01-update.mapper';

/** The attributes an updateZaak may change (ZDS 1.2 §4.1.5: all but identificatie and zaaktype); relations apart. */
const NIET_ATTRIBUUT = [
  'zaaktype',
  'initiator',
  'clients',
  'belanghebbenden',
  'uitvoerenden',
  'gerelateerdeZaken',
  'statussen',
  'verantwoordelijken',
  'overigeBetrokkenen',
  'deelzaken',
  'hoofdzaken',
  'besluiten',
] as const;
type Attribuut = Exclude<ZaakVeld, (typeof NIET_ATTRIBUUT)[number]>;
const ATTRIBUTEN = ZAAK_VELDEN.filter((v): v is Attribuut => !(NIET_ATTRIBUUT as readonly string[]).includes(v));

const sleutels: { [K in keyof Omit<ZaakRelaties, 'initiator'>]-?: (r: NonNullable<Zaak[K]>[number]) => string } = {
  clients: (c) => c.bsn,
  belanghebbenden: (b) => b.persoon.bsn,
  uitvoerenden: (u) => JSON.stringify(uitvoerendeSleutel(u)),
  gerelateerdeZaken: (z) => z.identificatie,
};

/**
 * Applies an updateZaak to the stored zaak. Lost update detection (StUF 03.01 §5.3.2: `oud` is the state the
 * sender based the change on): every attribute in `oud` must equal the stored value, every relation `oud`
 * removes must exist and every relation added as new must not, and where `oud` names the relations of a kind
 * that stay (verwerkingssoort I), those and the removed ones must be exactly the stored ones (a relation added or
 * removed meanwhile, issue 12 §5); otherwise CONFLICT and nothing changes. Then `nieuw` attributes are set (NoValue clears),
 * relations removed and added.
 */
export function pasWijzigingToe(opgeslagen: Zaak, verzoek: UpdateZaakVerzoek): Zaak {
  const { oud, nieuw } = verzoek;
  if (nieuw.zaaktype && opgeslagen.zaaktype && nieuw.zaaktype.code !== opgeslagen.zaaktype.code) {
    throw FacadeError.validation('het zaaktype van een zaak kan niet gewijzigd worden (ZDS 1.2 §4.1.5)');
  }
  const afwijkend: string[] = afwijkendeVelden(opgeslagen, oud, ATTRIBUTEN);
  const volgend: Zaak = { ...opgeslagen };
  for (const [veld, sleutel] of Object.entries(sleutels) as [keyof typeof sleutels, (r: unknown) => string][]) {
    const huidig = (opgeslagen[veld] ?? []) as unknown[];
    const weg = new Set(((verzoek.verwijderen[veld] ?? []) as unknown[]).map(sleutel));
    const bestaand = new Set(huidig.map(sleutel));
    for (const k of weg) if (!bestaand.has(k)) afwijkend.push(veld);
    const ongewijzigd = ((verzoek.ongewijzigd[veld] ?? []) as unknown[]).map(sleutel);
    if (ongewijzigd.length && !zelfde(new Set([...ongewijzigd, ...weg]), bestaand)) afwijkend.push(veld);
    const erbij = (verzoek.toevoegen[veld] ?? []) as unknown[];
    const nieuweSleutels = new Set(erbij.map(sleutel));
    // a relation added with T (oud: none) that the zaak already has: oud did not describe the stored state
    for (const k of nieuweSleutels) if (bestaand.has(k) && !weg.has(k)) afwijkend.push(veld);
    const blijft = huidig.filter((r) => !weg.has(sleutel(r)) && !nieuweSleutels.has(sleutel(r)));
    if (weg.size || erbij.length) Object.assign(volgend, { [veld]: [...blijft, ...erbij] });
  }
  if (afwijkend.length) {
    throw new FacadeError('CONFLICT', `oud komt niet overeen met de registratie: ${[...new Set(afwijkend)].join(', ')}`);
  }
  for (const a of ATTRIBUTEN) {
    if (nieuw[a] !== undefined) Object.assign(volgend, { [a]: nieuw[a] });
  }
  if (verzoek.toevoegen.initiator) volgend.initiator = verzoek.toevoegen.initiator;
  else if (verzoek.verwijderen.initiator) delete volgend.initiator;
  return volgend;
}

const zelfde = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((k) => b.has(k));
