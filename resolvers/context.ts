import type { RequestContext } from '../src/core/domain/request-context';
import type { RequestUseCases } from '../src/core/usecases/use-cases';
import type { Gebeurtenis } from '../src/platform/gebeurtenissen/gebeurtenis';
import type { AbonnementVraag } from '../src/platform/gebeurtenissen/gebeurtenis-abonnementen';
import type { Opdracht } from '../src/platform/idempotency/idempotency.service';

/** What every resolver gets: the use cases of this API request (its RequestContext, its own loaders). */
export interface GraphqlContext {
  /** the request's context, for what Apollo's plugins tell the platform about the request (its action's name) */
  ctx: RequestContext;
  uc: RequestUseCases;
  /** largest document content served as base64 through GraphQL */
  maxInhoudBytes: number;
  /** a short-lived, single-use URL of the REST stream of the document's content */
  downloadUrl(document: string): string;
  /** runs a mutation at most once per idempotencyKey of the caller's applicatie; `verzoek` is what its fingerprint covers */
  idempotent<T>(sleutel: string | null | undefined, verzoek: unknown, werk: () => Promise<T>): Promise<T>;
  /** the state of one of the caller's own keys */
  opdracht(sleutel: string): Promise<Opdracht | undefined>;
  /** the events this caller may hear (subscriptions, over graphql-ws only) */
  gebeurtenissen(vraag: AbonnementVraag): Promise<AsyncIterableIterator<Gebeurtenis>>;
}
