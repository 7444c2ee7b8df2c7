import type { ZaakDocument } from '../../core/domain/document';
import { FacadeError } from '../../core/domain/errors';
import { beperktOpVertrouwelijkheid, zaaktypeToegestaan, type Rechten } from '../../core/domain/identiteit';
import { valueOf } from '../../core/domain/no-value';
import type { RequestContext } from '../../core/domain/request-context';
import { binnenVertrouwelijkheid } from '../../core/domain/vertrouwelijkheid';
import type { Zaak, ZaakVeld } from '../../core/domain/zaak';

/**
 * What a caller may see, as predicates over what the zaaksysteem answered (Open Zaak's model: zaaktypen and a
 * maximum vertrouwelijkheidaanduiding per applicatie). The port decorators apply them; GraphQL subscriptions and
 * webhooks must apply the same ones to what they push. Everything fails closed: a zaak or relation without a
 * zaaktype code, and a document without a known vertrouwelijkAanduiding, are not visible to a restricted caller.
 */

/** The caller's rechten; a port call without an identiteit is refused (nothing is read for nobody). */
export function rechtenVan(ctx: RequestContext): Rechten {
  if (!ctx.identiteit) throw new FacadeError('UNAUTHENTICATED', 'Niet geauthenticeerd');
  return ctx.identiteit.rechten;
}

export const beperktOpZaaktype = (rechten: Rechten): boolean => rechten.zaaktypen !== 'alle';


/** Whether the caller may see this zaak: its zaaktype code must have been read and be one the caller may see. */
export const zaakZichtbaar = (rechten: Rechten, zaak: Pick<Zaak, 'zaaktype'>): boolean => zaaktypeToegestaan(rechten, zaak.zaaktype?.code);

/** Whether the caller may see this document: not more confidential than its maximum, and with a known aanduiding. */
export const documentZichtbaar = (rechten: Rechten, document: Pick<ZaakDocument, 'vertrouwelijkAanduiding'>): boolean =>
  !beperktOpVertrouwelijkheid(rechten) || binnenVertrouwelijkheid(valueOf(document.vertrouwelijkAanduiding), rechten.maxVertrouwelijkheid);


/** The FORBIDDEN of creating or adding what the caller would not see: it names what refused it, nothing of the object. */
export const nietToegestaan = (wat: 'zaaktype' | 'vertrouwelijkheid'): FacadeError =>
  new FacadeError('FORBIDDEN', wat === 'zaaktype' ? 'Geen toestemming voor zaken van dit zaaktype' : 'Geen toestemming voor documenten van deze vertrouwelijkheid');

/** The fields of a Zaak that relate it to other zaken (those whose items carry a zaaktype). */
type RelatieVeld = { [K in keyof Zaak]-?: NonNullable<Zaak[K]> extends readonly (infer E)[] ? ('zaaktype' extends keyof E ? K : never) : never }[keyof Zaak];

/** Every relation to another zaak (complete by type: a new one in Zaak does not compile without an entry). */
const RELATIES: Record<RelatieVeld, true> = { gerelateerdeZaken: true, deelzaken: true, hoofdzaken: true };
const RELATIE_VELDEN = Object.keys(RELATIES) as RelatieVeld[];

/**
 * The zaak without its relations to zaken the caller may not see. The scope of every zaak relation asks for the
 * related zaak's isVan (soap-clients/zaak/scope.ts zaakRelatie), so a legitimate relation carries its zaaktype
 * code; one that does not is left out.
 */
export function zonderVerborgenRelaties(rechten: Rechten, zaak: Zaak): Zaak {
  if (!beperktOpZaaktype(rechten)) return zaak;
  const gefilterd: Partial<Pick<Zaak, RelatieVeld>> = {};
  for (const veld of RELATIE_VELDEN) {
    const relaties = zaak[veld];
    if (relaties) gefilterd[veld] = relaties.filter((r) => zaaktypeToegestaan(rechten, r.zaaktype?.code));
  }
  return { ...zaak, ...gefilterd };
}

/** The velden with the zaaktype, which authorisation needs to decide. */
export const metZaaktype = (velden: readonly ZaakVeld[]): readonly ZaakVeld[] => (velden.includes('zaaktype') ? velden : [...velden, 'zaaktype']);

/** The zaak with only what was asked for: a zaaktype read for authorisation alone is not passed on. */
export function alsGevraagd(zaak: Zaak, velden: readonly ZaakVeld[]): Zaak {
  if (velden.includes('zaaktype')) return zaak;
  const { zaaktype: _zaaktype, ...rest } = zaak;
  return rest;
}

/**
 * The one NOT_FOUND a restricted caller gets, for an object that is absent and for one it may not see alike: no
 * StUF foutcode and no wording of the zaaksysteem (which answers an unknown zaak with StUF064, or with an empty
 * answer), so nothing tells the two apart (issue 11 §2: "indistinguishable from absent").
 */
export const verborgen = (wat: 'zaak' | 'document'): FacadeError => FacadeError.notFound(wat === 'zaak' ? 'Zaak niet gevonden' : 'Document niet gevonden');

/** A port call of a restricted caller: its NOT_FOUND becomes the one of `verborgen`. */
export async function alsVerborgen<T>(wat: 'zaak' | 'document', call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (e instanceof FacadeError && e.code === 'NOT_FOUND') throw verborgen(wat);
    throw e;
  }
}
