import type { DocumentCheckout, GelezenDocument, ZaakDocument } from '../domain/document';
import type { RequestContext } from '../domain/request-context';
import type { Status, Zaak, ZaakVeld } from '../domain/zaak';
import type { DocumentRegister } from '../ports/document-register.port';
import type { GezinsplanIndex } from '../ports/gezinsplan-index.port';
import type { IwmoBerichten } from '../ports/iwmo-berichten.port';
import type { OverdrachtAntwoorden } from '../ports/overdracht-antwoorden.port';
import type { VoorzieningStand } from '../domain/voorziening-stand';
import type { ZaakOverdracht, ZaakRegister } from '../ports/zaak-register.port';
import type { ZaakSloten } from '../ports/zaak-sloten.port';
import { VERSIE_VELDEN, versieVan } from '../domain/zaak-versie';
import * as docs from './documenten';
import type { DeelplanInvoer, DocumentInvoer, DocumentWijzigingInvoer, GezinsplanInvoer, LevensdomeinplanInvoer, PlanWijziging, SluitInvoer, StatusInvoer } from './invoer';
import * as aanmaken from './plan-aanmaken';
import type { PlanSoort } from './plan-soort';
import { RequestLoaders } from './request-loaders';
import type { Runtime } from './runtime';
import { DEFAULT_USE_CASE_CONFIG, type UseCaseConfig } from './use-case-config';
import * as afronden from './zaak-afronden';
import * as wijzigen from './zaak-wijzigen';
import type { VerzoekAntwoordInvoer, VoorzieningAanvraagInvoer } from './voorziening-invoer';
import * as voorzieningAanvragen from './voorzieningen-aanvragen';
import * as voorzieningLezen from './voorzieningen-lezen';
import * as q from './zaak-queries';

export interface UseCaseDeps {
  zaken: ZaakRegister;
  documenten: DocumentRegister;
  overdracht: ZaakOverdracht;
  /** the writer of the iWmo-shaped documents; needed, and only then, when `config.voorzieningen` is set */
  iwmo?: IwmoBerichten;
  /** the backoffices' answers to overdrachten (the facade's event log), shown with a voorziening */
  overdrachtAntwoorden?: OverdrachtAntwoorden;
  /** per-zaak locks around fresh read, version check and update (src/platform/zaak-sloten) */
  sloten: ZaakSloten;
  /** the dashboard index heeftGezinsplan asks first (src/platform/dashboard-index) */
  index?: GezinsplanIndex;
  config?: Partial<UseCaseConfig>;
}

/**
 * The use cases of one API request. Every API edge (GraphQL, REST) creates one per request with
 * `useCases.forRequest(ctx)` and calls only these. `velden` is the StUF scope the caller needs (identificatie
 * is always included); mutations default to every veld. Every failure is a FacadeError.
 */
export interface RequestUseCases {
  readonly config: UseCaseConfig;
  zaak(identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak>;
  /** The zaak's current version (zaak-versie.ts), as REST's ETag and GraphQL's `versie`. */
  versie(identificatie: string): Promise<string>;
  /** Any zaak, whatever its zaaktype (also one that cannot be classified), with its kind; null when not known. */
  zaakMetSoort(identificatie: string, velden: readonly ZaakVeld[]): Promise<q.ZaakMetSoort | null>;
  gezinsplan(identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak | null>;
  levensdomeinplan(identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak | null>;
  deelplan(identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak | null>;
  gezinsplannenVoorClient(bsn: string, velden: readonly ZaakVeld[]): Promise<Zaak[]>;
  heeftGezinsplan(bsns: readonly string[], alleenOpen: boolean): Promise<q.HeeftGezinsplanAntwoord[]>;
  /** The dashboard index's admin view; null when the facade keeps no index. */
  indexStand(): Promise<q.IndexStandAntwoord | null>;
  levensdomeinplannenVan(gezinsplan: string, velden: readonly ZaakVeld[]): Promise<Zaak[]>;
  deelplannenVan(gezinsplan: string, velden: readonly ZaakVeld[]): Promise<Zaak[]>;
  statussen(zaak: string): Promise<Status[]>;
  documenten(zaak: string): Promise<ZaakDocument[]>;
  documentInhoud(document: string): Promise<GelezenDocument>;

  createGezinsplan(invoer: GezinsplanInvoer, velden?: readonly ZaakVeld[]): Promise<Zaak>;
  createLevensdomeinplan(invoer: LevensdomeinplanInvoer, velden?: readonly ZaakVeld[]): Promise<Zaak>;
  createDeelplan(invoer: DeelplanInvoer, velden?: readonly ZaakVeld[]): Promise<Zaak>;
  /**
   * `versies`, here and below: the versions the caller based the change on (REST If-Match, GraphQL `versie`),
   * checked under the zaak's lock against a fresh read (PRECONDITION_FAILED when stale); absent: no condition.
   */
  koppelZaakAanGezinsplan(zaak: string, gezinsplan: string, levensdomeinplan?: string, velden?: readonly ZaakVeld[], versies?: readonly string[]): Promise<Zaak>;
  wijzigPlan(soort: PlanSoort, identificatie: string, wijziging: PlanWijziging, velden?: readonly ZaakVeld[], versies?: readonly string[]): Promise<Zaak>;
  zetStatus(zaak: string, status: StatusInvoer, velden?: readonly ZaakVeld[]): Promise<Zaak>;
  voegDocumentToe(zaak: string, document: DocumentInvoer): Promise<ZaakDocument>;
  checkoutDocument(document: string): Promise<DocumentCheckout>;
  updateDocument(document: string, checkoutId: string, wijziging: DocumentWijzigingInvoer): Promise<void>;
  cancelCheckout(document: string, checkoutId: string): Promise<void>;
  overdragenDeelplan(deelplan: string, ontvanger: string, velden?: readonly ZaakVeld[]): Promise<Zaak>;
  sluitZaak(zaak: string, invoer: SluitInvoer, velden?: readonly ZaakVeld[], versies?: readonly string[]): Promise<Zaak>;

  /** Voorzieningen (seed 004): one product or an arrangement to the backoffice, and what became of it. */
  vraagVoorzieningAan(invoer: VoorzieningAanvraagInvoer): Promise<VoorzieningStand>;
  /** the voorziening one of its deelplannen (or its arrangement reference, the first of them) belongs to */
  voorziening(deelplan: string): Promise<VoorzieningStand>;
  voorzieningenVanGezinsplan(gezinsplan: string): Promise<VoorzieningStand[]>;
  /** the BSN comes from the request body, never from a URL */
  voorzieningenVanClient(bsn: string): Promise<VoorzieningStand[]>;
  beantwoordVerzoekOmToewijzing(deelplan: string, verzoek: string, antwoord: VerzoekAntwoordInvoer): Promise<VoorzieningStand>;
}

export interface UseCases {
  readonly config: UseCaseConfig;
  /** The use cases of one API request, with its own loaders. */
  forRequest(ctx: RequestContext): RequestUseCases;
}

export function useCaseConfig(partial: Partial<UseCaseConfig> = {}): UseCaseConfig {
  return {
    ...DEFAULT_USE_CASE_CONFIG,
    ...partial,
    zaaktypen: { ...DEFAULT_USE_CASE_CONFIG.zaaktypen, ...partial.zaaktypen },
  };
}

function bind(rt: Runtime): RequestUseCases {
  return {
    config: rt.config,
    zaak: (id, velden) => q.zaak(rt, id, velden),
    versie: async (id) => versieVan(await q.zaak(rt, id, VERSIE_VELDEN)),
    zaakMetSoort: (id, velden) => q.zaakMetSoort(rt, id, velden),
    gezinsplan: (id, velden) => q.plan(rt, 'gezinsplan', id, velden),
    levensdomeinplan: (id, velden) => q.plan(rt, 'levensdomeinplan', id, velden),
    deelplan: (id, velden) => q.deelplan(rt, id, velden),
    gezinsplannenVoorClient: (bsn, velden) => q.gezinsplannenVoorClient(rt, bsn, velden),
    heeftGezinsplan: (bsns, alleenOpen) => q.heeftGezinsplan(rt, bsns, alleenOpen),
    indexStand: () => q.indexStand(rt),
    levensdomeinplannenVan: (id, velden) => q.gerelateerdePlannen(rt, id, 'levensdomeinplan', velden),
    deelplannenVan: (id, velden) => q.gerelateerdePlannen(rt, id, 'deelplan', velden),
    statussen: (id) => rt.loaders.statussen.load(q.checkIdentificatie(id, 'zaak')),
    documenten: (id) => docs.documenten(rt, id),
    documentInhoud: (id) => docs.documentInhoud(rt, id),
    createGezinsplan: (invoer, velden) => aanmaken.createGezinsplan(rt, invoer, velden),
    createLevensdomeinplan: (invoer, velden) => aanmaken.createLevensdomeinplan(rt, invoer, velden),
    createDeelplan: (invoer, velden) => aanmaken.createDeelplan(rt, invoer, velden),
    koppelZaakAanGezinsplan: (zaak, gzp, ldp, velden, versies) => wijzigen.koppelZaakAanGezinsplan(rt, zaak, gzp, ldp, velden, versies),
    wijzigPlan: (soort, id, w, velden, versies) => wijzigen.wijzigPlan(rt, soort, id, w, velden, versies),
    zetStatus: (id, status, velden) => afronden.zetStatus(rt, id, status, velden),
    voegDocumentToe: (id, doc) => docs.voegDocumentToe(rt, id, doc),
    checkoutDocument: (id) => docs.checkoutDocument(rt, id),
    updateDocument: (id, checkoutId, w) => docs.updateDocument(rt, id, checkoutId, w),
    cancelCheckout: (id, checkoutId) => docs.cancelCheckout(rt, id, checkoutId),
    overdragenDeelplan: (id, ontvanger, velden) => afronden.overdragenDeelplan(rt, id, ontvanger, velden),
    sluitZaak: (id, invoer, velden, versies) => afronden.sluitZaak(rt, id, invoer, velden, versies),
    vraagVoorzieningAan: (invoer) => voorzieningAanvragen.vraagVoorzieningAan(rt, invoer),
    voorziening: (id) => voorzieningLezen.voorziening(rt, id),
    voorzieningenVanGezinsplan: (id) => voorzieningLezen.voorzieningenVanGezinsplan(rt, id),
    voorzieningenVanClient: (bsn) => voorzieningLezen.voorzieningenVanClient(rt, bsn),
    beantwoordVerzoekOmToewijzing: (id, verzoek, antwoord) => voorzieningAanvragen.beantwoordVerzoekOmToewijzing(rt, id, verzoek, antwoord),
  };
}

/**
 * The use-case layer over the three ports. Bounds on the load they put on the zaaksysteem are decorators
 * around the ports, applied by the wiring (src/platform/limits); each request gets its own loaders.
 */
export function createUseCases(deps: UseCaseDeps): UseCases {
  const config = useCaseConfig(deps.config);
  const { zaken, documenten, overdracht, iwmo, overdrachtAntwoorden, sloten, index } = deps;
  if (config.voorzieningen && !iwmo) throw new Error('voorzieningen configured without an iWmo document writer');
  const runtime = (ctx: RequestContext): Runtime => ({ ctx, zaken, documenten, overdracht, iwmo, overdrachtAntwoorden, sloten, index, config, loaders: new RequestLoaders(ctx, zaken, documenten) });
  return { config, forRequest: (ctx) => bind(runtime(ctx)) };
}
