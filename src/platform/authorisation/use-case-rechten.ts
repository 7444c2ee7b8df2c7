import { FacadeError } from '../../core/domain/errors';
import type { Operatie } from '../../core/domain/identiteit';
import type { RequestContext } from '../../core/domain/request-context';
import type { RequestUseCases, UseCases } from '../../core/usecases/use-cases';
import { aanmaakWeigering } from './aanmaak-rechten';

type UseCase = Exclude<keyof RequestUseCases, 'config'>;

/**
 * The operation each use case needs (issue 11 §2; any one of those listed will do). The Record over every use
 * case makes a new one without an entry fail to compile. A mutation answers with the changed zaak as the
 * zaaksysteem now stores it (lees-terug.ts): that answer comes with `schrijven`, no `lezen` is needed for it
 * (it is still only a zaak of a zaaktype the caller may see: the port decorator decides that).
 * `dashboard` is only heeftGezinsplan's booleans, never plan content.
 */
export const OPERATIE_PER_USE_CASE: Readonly<Record<UseCase, readonly [Operatie, ...Operatie[]]>> = {
  zaak: ['lezen'],
  versie: ['lezen'],
  zaakMetSoort: ['lezen'],
  gezinsplan: ['lezen'],
  levensdomeinplan: ['lezen'],
  deelplan: ['lezen'],
  gezinsplannenVoorClient: ['lezen'],
  heeftGezinsplan: ['dashboard', 'lezen'],
  // the index's state (age, size, lag; no personal data) is for whoever may ask the question it answers
  indexStand: ['dashboard', 'lezen'],
  levensdomeinplannenVan: ['lezen'],
  deelplannenVan: ['lezen'],
  statussen: ['lezen'],
  documenten: ['lezen'],
  documentInhoud: ['lezen'],
  createGezinsplan: ['schrijven'],
  createLevensdomeinplan: ['schrijven'],
  createDeelplan: ['schrijven'],
  koppelZaakAanGezinsplan: ['schrijven'],
  wijzigPlan: ['schrijven'],
  zetStatus: ['schrijven'],
  voegDocumentToe: ['schrijven'],
  checkoutDocument: ['schrijven'],
  updateDocument: ['schrijven'],
  cancelCheckout: ['schrijven'],
  overdragenDeelplan: ['schrijven'],
  sluitZaak: ['schrijven'],
  vraagVoorzieningAan: ['schrijven'],
  voorziening: ['lezen'],
  voorzieningenVanGezinsplan: ['lezen'],
  voorzieningenVanClient: ['lezen'],
  beantwoordVerzoekOmToewijzing: ['schrijven'],
};

/**
 * Why this request may not do a use case needing one of `nodig`, or undefined when it may: the operation must be
 * in the caller's rechten AND allowed by the processing activity it named (doelbinding, AVG art. 5(1)(b)). The
 * FORBIDDEN names the operation and nothing else: not which of the two refused it.
 */
function weigering(ctx: RequestContext, nodig: readonly [Operatie, ...Operatie[]]): FacadeError | undefined {
  if (!ctx.identiteit) return new FacadeError('UNAUTHENTICATED', 'Niet geauthenticeerd');
  // the request pipeline refuses a request without a known activity first; a context without one is refused here too
  if (!ctx.verwerking) return new FacadeError('VERWERKING_ONBEKEND', 'Geen verwerkingsactiviteit genoemd');
  const { rechten } = ctx.identiteit;
  const { operaties } = ctx.verwerking;
  if (nodig.some((o) => rechten.operaties.has(o) && operaties.has(o))) return undefined;
  return new FacadeError('FORBIDDEN', `Geen toestemming voor de operatie ${nodig[0]}`);
}

/** The same rule for an operation outside the use cases (the privacy officer's protocol inzage): throws when refused. */
export function vereisOperatie(ctx: RequestContext, operatie: Operatie): void {
  const fout = weigering(ctx, [operatie]);
  if (fout) throw fout;
}

const USE_CASES = Object.keys(OPERATIE_PER_USE_CASE) as UseCase[];

function bewaakt(ctx: RequestContext, uc: RequestUseCases): RequestUseCases {
  const methoden = USE_CASES.map((naam) => {
    const methode = uc[naam] as (...args: unknown[]) => Promise<unknown>;
    const nodig = OPERATIE_PER_USE_CASE[naam];
    const gecontroleerd = (...args: unknown[]) => {
      const fout = weigering(ctx, nodig) ?? aanmaakWeigering(naam, args, ctx.identiteit!.rechten, uc.config);
      return fout ? Promise.reject(fout) : methode.apply(uc, args);
    };
    return [naam, gecontroleerd] as const;
  });
  return { ...(Object.fromEntries(methoden) as Omit<RequestUseCases, 'config'>), config: uc.config };
}

/**
 * The driving port with operation rights: every use case of a request checks, before anything else, that the
 * caller and its processing activity allow the operation it needs (OPERATIE_PER_USE_CASE), and a create use case
 * that the caller may have what it will make (aanmaak-rechten.ts).
 */
export function authorisedUseCases(useCases: UseCases): UseCases {
  return { config: useCases.config, forRequest: (ctx) => bewaakt(ctx, useCases.forRequest(ctx)) };
}
