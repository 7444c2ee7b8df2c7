import type { RequestContext } from '../../core/domain/request-context';

/**
 * What a door tells the protocol about its request that only the door knows: the action's name (LDV `name`)
 * and, where the HTTP status does not say it (GraphQL answers 200 with errors), how it ended.
 */
interface Actie {
  naam?: string;
  /** the highest status the door reported for a part of the answer */
  status?: number;
}

const acties = new WeakMap<RequestContext, Actie>();

const actie = (ctx: RequestContext): Actie => {
  let a = acties.get(ctx);
  if (!a) acties.set(ctx, (a = {}));
  return a;
};

/** The name of the action this request performs: never caller-chosen text, since it is kept for years. */
export function noemActie(ctx: RequestContext, naam: string): void {
  actie(ctx).naam = naam;
}

/** A part of the answer ended as `status` would (an error in a GraphQL answer); the worst one counts. */
export function meldUitkomst(ctx: RequestContext, status: number): void {
  const a = actie(ctx);
  a.status = Math.max(a.status ?? 0, status);
}

export const actieVan = (ctx: RequestContext): Readonly<Actie> => acties.get(ctx) ?? {};
