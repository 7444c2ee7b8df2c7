import { omschrijvingVan, type Codelijst } from '../domain/iwmo/codelijsten';
import type { StufDate } from '../domain/stuf-date';
import { WJ760_VAN, type Budget, type Omvang, type ProductAanvraag, type ProductBesluit, type VoorzieningProduct } from '../domain/voorziening';
import type { SignaalStand, VoorzieningStand } from '../domain/voorziening-stand';

/**
 * A voorziening as both APIs show it: dates as ISO dates, every iWmo code with its omschrijving from the shipped
 * list, so that a portal shows "Hulp bij het huishouden" rather than "01". One shape for GraphQL and REST.
 */
export interface IwmoCodeWeergave {
  code: string;
  omschrijving?: string;
}

const code = (lijst: Codelijst, c: string): IwmoCodeWeergave => {
  const omschrijving = omschrijvingVan(lijst, c);
  return omschrijving === undefined ? { code: c } : { code: c, omschrijving };
};
const datum = (d: StufDate | undefined) => d?.iso;

const product = (p: VoorzieningProduct) => ({ categorie: code('WMO020', p.categorie), ...(p.code === undefined ? {} : { code: p.code }) });
const omvang = (o: Omvang | undefined) => o && { volume: o.volume, eenheid: code('WJ756', o.eenheid), frequentie: code('WMO757', o.frequentie) };
const budget = (b: Budget | undefined) => b && { bedragInCenten: b.bedragInCenten, basis: code('WMO757', b.basis) };

const aanvraag = (a: ProductAanvraag) => ({
  leveringsvorm: a.leveringsvorm,
  product: product(a.product),
  omvang: omvang(a.omvang),
  ingangsdatum: a.ingangsdatum.iso,
  einddatum: datum(a.einddatum),
  budget: budget(a.budget),
  reden: a.reden && {
    ...(a.reden.wijziging === undefined ? {} : { wijziging: code('WMO002', a.reden.wijziging) }),
    ...(a.reden.beeindiging === undefined ? {} : { beeindiging: code('WMO588', a.reden.beeindiging) }),
  },
  toelichting: a.toelichting,
});

const besluit = (b: ProductBesluit) => ({ besluit: b.besluit, ingangsdatum: datum(b.ingangsdatum), einddatum: datum(b.einddatum), omvang: omvang(b.omvang), budget: budget(b.budget), reden: b.reden });

const signaal = (s: SignaalStand) => ({
  deelplan: s.deelplan,
  document: s.document,
  soort: s.signaal.soort,
  product: product(s.signaal.product),
  ...(s.signaal.soort === 'herindicatie' ? { einddatum: datum(s.signaal.einddatum) } : { reden: code('WJ758', s.signaal.reden), omvang: omvang(s.signaal.omvang) }),
  toelichting: s.signaal.toelichting,
  antwoord: s.antwoord && {
    besluit: s.antwoord.besluit,
    antwoord: code('WJ760', WJ760_VAN[s.antwoord.besluit]),
    ...(s.antwoord.redenAfwijzing === undefined ? {} : { redenAfwijzing: code('WJ759', s.antwoord.redenAfwijzing) }),
    toelichting: s.antwoord.toelichting,
  },
});

/** JSON drops the undefined fields: an absent value is absent, as everywhere in the APIs. */
export const voorzieningWeergave = (v: VoorzieningStand) => ({
  identificatie: v.identificatie,
  gezinsplan: v.gezinsplan,
  client: v.client,
  toelichting: v.toelichting,
  arrangement: v.producten.length > 1,
  deelplannen: v.deelplannen,
  status: v.status,
  overdracht: v.overdracht,
  beschikking: v.beschikking && { beschikkingsnummer: v.beschikking.beschikkingsnummer, beschikkingsdatum: v.beschikking.beschikkingsdatum.iso },
  producten: v.producten.map((p) => ({ index: p.index, deelplan: p.deelplan, aanvraag: aanvraag(p.aanvraag), status: p.status, overdracht: p.overdracht, besluit: p.besluit && besluit(p.besluit) })),
  historie: v.historie.map((h) => ({
    deelplan: h.deelplan,
    statustypeCode: h.status.statustype.code,
    statustypeOmschrijving: h.status.statustype.omschrijving,
    datumStatusGezet: h.status.datumStatusGezet,
    toelichting: h.status.toelichting,
  })),
  signalen: v.signalen.map(signaal),
});

/** For the doors' event shapes (herindicatieNodig, verzoekOmToewijzing): the same code and product form. */
export { code as iwmoCode, product as productWeergave };

export type VoorzieningWeergave = ReturnType<typeof voorzieningWeergave>;
