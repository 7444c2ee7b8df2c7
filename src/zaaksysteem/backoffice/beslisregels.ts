import type { StufDate } from '../../core/domain/stuf-date';
import type { Beschikking, Budget, ProductBesluit } from '../../core/domain/voorziening';
import type { AanvraagDocument } from '../../core/domain/voorziening-document';
import type { BackofficeConfig } from './backoffice-config';

/** WMO757 frequentie -> times a year; "6 Totaal binnen geldigheidsduur" counts as it is (iWmo 3.2 codelijst WMO757). */
const PER_JAAR: Readonly<Record<string, number>> = { '1': 365, '2': 52, '4': 12, '6': 1 };

/** A budget counted per jaar; an unknown basis counts as a total, which a strict maximum then judges as it is. */
const perJaar = (b: Budget): number => b.bedragInCenten * (PER_JAAR[b.basis] ?? 1);

/**
 * The technical feedback (RZS §6.8.4): why the backoffice cannot take up this aanvraag, or undefined when it can.
 * It handles only its own productcategorieën.
 */
export function weigering(aanvraag: AanvraagDocument, config: BackofficeConfig): string | undefined {
  const vreemd = aanvraag.producten.map((p) => p.aanvraag.product.categorie).filter((c) => !config.categorieen.includes(c));
  return vreemd.length > 0 ? `productcategorie ${[...new Set(vreemd)].join(', ')} wordt door deze backoffice niet behandeld` : undefined;
}

/**
 * One beschikking for every product of the deelplan's aanvraag. An arrangement over several zaken shares its
 * beschikkingsnummer, derived from the arrangement reference (seed 004: one beschikking for several products).
 * A grant is what was asked: omvang, budget and dates.
 */
export function beslis(deelplan: string, aanvraag: AanvraagDocument, config: BackofficeConfig, vandaag: StufDate): Beschikking {
  return {
    beschikkingsnummer: `BS-${aanvraag.arrangement ?? deelplan}`,
    beschikkingsdatum: vandaag,
    besluiten: aanvraag.producten.map(({ index, aanvraag: p }): ProductBesluit => {
      const reden = config.geweigerdeCategorieen.includes(p.product.categorie)
        ? `productcategorie ${p.product.categorie} wordt niet toegekend`
        : p.budget && config.maxPgbPerJaarInCenten !== undefined && perJaar(p.budget) > config.maxPgbPerJaarInCenten
          ? 'PGB-budget boven het maximum per jaar'
          : undefined;
      if (reden) return { product: index, besluit: 'afgewezen', reden };
      return { product: index, besluit: 'toegekend', ingangsdatum: p.ingangsdatum, einddatum: p.einddatum, omvang: p.omvang, budget: p.budget };
    }),
  };
}
