import type { RequestContext } from '../domain/request-context';

/**
 * Per-zaak mutual exclusion for "fresh read, compare with the version the caller based the change on, update"
 * (issue 12 §5, atomic If-Match): while one request holds a zaak, another request for the same zaak waits, in this
 * process and, where the implementation says so, in every process sharing it (src/platform/zaak-sloten).
 * Without it two requests based on the same version could both pass the check before either writes.
 *
 * `onder` runs `werk` while holding the zaak and releases it when `werk` settles. Waiting ends early when the
 * request's signal aborts (with its reason), so a caller that went away does not keep a place in the queue.
 */
export interface ZaakSloten {
  onder<T>(ctx: RequestContext, identificatie: string, werk: () => Promise<T>): Promise<T>;
}
