import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The Idempotency-Key of the mutation running now (both doors set it around the work they claimed the key for),
 * so that the step journal files the mutation under it and a repeat of the key finds that entry (issue 12 §3).
 * Asynchronous context rather than an argument: the key belongs to the request's edge, the use cases never see it.
 */
export const lopendeOpdracht = new AsyncLocalStorage<{ applicatie: string; sleutel: string }>();
