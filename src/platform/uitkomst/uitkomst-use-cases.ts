import { ERROR_CODES, FacadeError } from '../../core/domain/errors';
import type { RequestContext } from '../../core/domain/request-context';
import type { RequestUseCases, UseCases } from '../../core/usecases/use-cases';
import type { WijzigingenPerVerzoek } from './wijzigingen-per-verzoek';

/**
 * A use case that fails retryably after one of its writes was (or may have been) applied: the zaak was created but
 * a document could not be added, or the status was set but reading the zaak back failed. A retry would make the
 * change again (a second zaak, a second status), so the failure becomes APPLIED_INCOMPLETE, not retryable (issue
 * 12 §4: no write is reported as a retryable failure after it happened). Failures that are not retryable stay as
 * they are: OUTCOME_UNKNOWN, APPLIED_NOT_SHOWN and the caller's own mistakes already tell not to repeat blindly.
 */
function bewaakt(ctx: RequestContext, uc: RequestUseCases, telling: WijzigingenPerVerzoek): RequestUseCases {
  const methoden = Object.entries(uc).flatMap(([naam, methode]) => {
    if (typeof methode !== 'function') return [];
    const eerlijk = async (...args: unknown[]) => {
      const voor = telling.aantal(ctx);
      try {
        return await (methode as (...a: unknown[]) => Promise<unknown>).apply(uc, args);
      } catch (e) {
        const fout = FacadeError.from(e);
        if (!fout.retryable || telling.aantal(ctx) === voor) throw e;
        throw new FacadeError('APPLIED_INCOMPLETE', ERROR_CODES.APPLIED_INCOMPLETE.title, { cause: e, internal: `${naam}: ${fout.code} after a change was made` });
      }
    };
    return [[naam, eerlijk] as const];
  });
  return { ...(Object.fromEntries(methoden) as Omit<RequestUseCases, 'config'>), config: uc.config };
}

/**
 * The driving port over eerlijkeUitkomstPorts (the same `telling`): a use case's writes are counted per request,
 * and a retryable failure after the count went up during that use case is not retryable any more. The count is
 * taken per use-case call, so that one GraphQL request's second mutation is not blamed for its first.
 * Wiring: `authorisedUseCases(eerlijkeUitkomstUseCases(createUseCases(...), telling))`.
 */
export function eerlijkeUitkomstUseCases(useCases: UseCases, telling: WijzigingenPerVerzoek): UseCases {
  return { config: useCases.config, forRequest: (ctx) => bewaakt(ctx, useCases.forRequest(ctx), telling) };
}
