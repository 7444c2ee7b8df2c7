import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../core/domain/request-context';

interface Uitgifte {
  document: string;
  gebruiker: string;
  verloopt: number;
}

/**
 * Short-lived, single-use download tokens: how a GraphQL answer hands out a document without carrying it
 * whole. A token is 256 random bits (unguessable, RFC 4086 §8), names only the document (never a BSN), holds
 * for `ttlMs`, and is bound to the caller who got it (RequestContext.gebruiker, the user seam): another caller,
 * a second use or a late one finds nothing. Held in this process, as the REST stream that redeems it.
 */
export class DownloadTokens {
  private readonly uitgegeven = new Map<string, Uitgifte>();

  constructor(
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  geefUit(ctx: RequestContext, document: string): string {
    this.ruimOp();
    const token = randomBytes(32).toString('base64url');
    this.uitgegeven.set(token, { document, gebruiker: ctx.gebruiker ?? '', verloopt: this.now() + this.ttlMs });
    return token;
  }

  /** The document of a valid token, which is then used up; undefined for an unknown, used, late or other caller's token. */
  wisselIn(ctx: RequestContext, token: string): string | undefined {
    const u = this.uitgegeven.get(token);
    if (!u || u.gebruiker !== (ctx.gebruiker ?? '')) return undefined;
    this.uitgegeven.delete(token);
    return u.verloopt > this.now() ? u.document : undefined;
  }

  /** Expired tokens go when new ones are handed out, so the table stays as large as the tokens in use. */
  private ruimOp(): void {
    const nu = this.now();
    for (const [token, u] of this.uitgegeven) if (u.verloopt <= nu) this.uitgegeven.delete(token);
  }
}
