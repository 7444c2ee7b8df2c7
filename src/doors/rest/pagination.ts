import { type Static, type TSchema, Type } from '@sinclair/typebox';

/**
 * Page-number pagination as in the ZGW APIs: `?page=` and `?pageSize=`, answered with count, next and previous
 * links and the results. StUF ZDS has no continuation for a zakLv01 (maximumAantal only), so the facade pages
 * over the answer it got: a page link is a link to the same request with another page number.
 */
export const MAX_PAGE_SIZE = 100;

export const PaginaQuery = Type.Object(
  {
    // optional for the caller: the validator fills in the default (useDefaults), so a route always has both
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1, description: 'Paginanummer, vanaf 1' })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20, description: 'Resultaten per pagina' })),
  },
  { additionalProperties: false },
);
export type PaginaVraag = Required<Static<typeof PaginaQuery>>;

export const Pagina = <T extends TSchema>(item: T, description: string) =>
  Type.Object(
    {
      count: Type.Integer({ minimum: 0, description: 'Totaal aantal resultaten' }),
      next: Type.Union([Type.String(), Type.Null()], { description: 'Link naar de volgende pagina' }),
      previous: Type.Union([Type.String(), Type.Null()], { description: 'Link naar de vorige pagina' }),
      results: Type.Array(item),
    },
    { description },
  );

export interface PaginaAntwoord<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** `url` is the request's own path and query (request.url); links stay relative, so no Host header goes in them. */
export function pagineer<T>(items: readonly T[], vraag: PaginaVraag, url: string): PaginaAntwoord<T> {
  const { page, pageSize } = vraag;
  const start = (page - 1) * pageSize;
  const link = (p: number): string => {
    const [path, query = ''] = url.split('?', 2) as [string, string?];
    const params = new URLSearchParams(query);
    params.set('page', String(p));
    params.set('pageSize', String(pageSize));
    return `${path}?${params.toString()}`;
  };
  const lastPage = Math.max(1, Math.ceil(items.length / pageSize));
  return {
    count: items.length,
    next: page < lastPage ? link(page + 1) : null,
    previous: page > 1 ? link(Math.min(page - 1, lastPage)) : null,
    results: items.slice(start, start + pageSize),
  };
}
