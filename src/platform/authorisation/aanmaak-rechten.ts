import type { FacadeError } from '../../core/domain/errors';
import type { Rechten } from '../../core/domain/identiteit';
import { isVertrouwelijkAanduiding } from '../../core/domain/vertrouwelijkheid';
import type { UseCaseConfig } from '../../core/usecases/use-case-config';
import type { RequestUseCases } from '../../core/usecases/use-cases';
import { toevoegenToegestaan, zaaktypeToegestaan } from '../../core/domain/identiteit';
import { beperktOpZaaktype, nietToegestaan } from './zichtbaarheid';

type Aanmaak = Extract<keyof RequestUseCases, 'createGezinsplan' | 'createLevensdomeinplan' | 'createDeelplan' | 'voegDocumentToe'>;

/** What a create use case will make, as the caller gave it: the zaaktype code of a new zaak and the new documents. */
interface Nieuw {
  zaaktype?: unknown;
  documenten?: unknown;
}

/** The caller's invoer, unchecked: the use case validates it; a missing or malformed one is its VALIDATION_FAILED. */
const invoer = (a: unknown) => (typeof a === 'object' && a !== null ? a : {}) as { zaaktype?: { code?: unknown }; documenten?: unknown; vertrouwelijkAanduiding?: unknown };

const NIEUW: Record<Aanmaak, (config: UseCaseConfig, args: readonly unknown[]) => Nieuw> = {
  createGezinsplan: (config, [i]) => ({ zaaktype: config.zaaktypen.gezinsplan.code, documenten: invoer(i).documenten }),
  createLevensdomeinplan: (config, [i]) => ({ zaaktype: config.zaaktypen.levensdomeinplan.code, documenten: invoer(i).documenten }),
  createDeelplan: (_config, [i]) => ({ zaaktype: invoer(i).zaaktype?.code, documenten: invoer(i).documenten }),
  voegDocumentToe: (_config, [, document]) => ({ documenten: [document] }),
};

const isAanmaak = (naam: string): naam is Aanmaak => Object.hasOwn(NIEUW, naam);

/**
 * Why the caller may not make what this create use case will make, before it reserves an identificatie or sends
 * anything: a reserved identificatie is never handed out again, and a zaak created before one of its documents is
 * refused would stay half made. FORBIDDEN for a zaaktype the caller may not see, and for a document above its
 * maximum vertrouwelijkheid (one without aanduiding gets STANDAARD_VERTROUWELIJKHEID, as the adapter writes it).
 * What is no zaaktype code or aanduiding at all is left to the use case's validation (VALIDATION_FAILED); the
 * driven-port decorator checks what is sent again (authorised-ports.ts).
 */
export function aanmaakWeigering(naam: string, args: readonly unknown[], rechten: Rechten, config: UseCaseConfig): FacadeError | undefined {
  if (!isAanmaak(naam)) return undefined;
  const { zaaktype, documenten } = NIEUW[naam](config, args);
  if (beperktOpZaaktype(rechten) && typeof zaaktype === 'string' && zaaktype !== '' && !zaaktypeToegestaan(rechten, zaaktype)) return nietToegestaan('zaaktype');
  for (const d of Array.isArray(documenten) ? documenten : []) {
    const aanduiding = invoer(d).vertrouwelijkAanduiding;
    if (aanduiding !== undefined && !(typeof aanduiding === 'string' && isVertrouwelijkAanduiding(aanduiding))) continue;
    if (!toevoegenToegestaan(rechten, aanduiding)) return nietToegestaan('vertrouwelijkheid');
  }
  return undefined;
}
