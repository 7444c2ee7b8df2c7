import type { ZaakDocument } from '../../core/domain/document';
import type { RequestContext } from '../../core/domain/request-context';

/**
 * What the answers of one request told about zaaktypen and documents, so that a later call of the same request
 * about the same zaak or document needs no extra question to be authorised. Keyed by the RequestContext object
 * (the request pipeline makes one per request), so nothing outlives the request or crosses to another caller.
 */
export class VerzoekKennis {
  /** zaak identificatie -> its zaaktype code as answered (undefined: answered without code) */
  private readonly zaaktypen = new Map<string, string | undefined>();
  /** document identificatie -> its metadata and zaak, as geefLijstZaakdocumenten listed it */
  private readonly documenten = new Map<string, { zaak: string; document: ZaakDocument }>();

  zaaktypeGelezen(zaak: string, code: string | undefined): void {
    this.zaaktypen.set(zaak, code);
  }

  /** `{ code }` when an answer of this request gave the zaak's zaaktype, else undefined */
  zaaktypeVan(zaak: string): { code: string | undefined } | undefined {
    return this.zaaktypen.has(zaak) ? { code: this.zaaktypen.get(zaak) } : undefined;
  }

  documentGelezen(zaak: string, document: ZaakDocument): void {
    this.documenten.set(document.identificatie, { zaak, document });
  }

  documentVan(document: string): { zaak: string; document: ZaakDocument } | undefined {
    return this.documenten.get(document);
  }
}

const perVerzoek = new WeakMap<RequestContext, VerzoekKennis>();

export function kennisVan(ctx: RequestContext): VerzoekKennis {
  let kennis = perVerzoek.get(ctx);
  if (!kennis) perVerzoek.set(ctx, (kennis = new VerzoekKennis()));
  return kennis;
}
