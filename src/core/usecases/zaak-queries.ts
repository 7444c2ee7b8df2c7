import { FacadeError } from '../domain/errors';
import type { Zaak, ZaakVeld } from '../domain/zaak';
import type { IndexStand } from '../ports/gezinsplan-index.port';
import { isOpen } from '../domain/zaak-wijziging';
import { bekendePlanSoort, planSoort, type PlanSoort } from './plan-soort';
import type { Runtime } from './runtime';
import { checked } from './validation/input-check';
import { zaakIdentificatie } from './validation/plan-validatie';

const zaaktypeVan = (rt: Runtime, soort: 'gezinsplan' | 'levensdomeinplan') => rt.config.zaaktypen[soort];

export const checkIdentificatie = (id: string, name = 'identificatie'): string =>
  checked('Ongeldige zaakidentificatie', (c) => zaakIdentificatie(c, name, id) ?? id);

/** Any zaak by identificatie with exactly `velden` in scope; NOT_FOUND when the zaaksysteem does not know it. */
export function zaak(rt: Runtime, identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak> {
  return rt.loaders.zaak.load({ identificatie: checkIdentificatie(identificatie), velden });
}

/** The zaak with its zaaktype in scope (to tell its kind), or null when the zaaksysteem does not know it. */
async function metZaaktype(rt: Runtime, identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak | null> {
  try {
    return await zaak(rt, identificatie, [...velden, 'zaaktype']);
  } catch (e) {
    if (e instanceof FacadeError && e.code === 'NOT_FOUND') return null;
    throw e;
  }
}

/** The zaaktype was read to tell the kind of zaak; the caller gets only what it selected. */
function gevraagd(z: Zaak, velden: readonly ZaakVeld[]): Zaak {
  if (velden.includes('zaaktype')) return z;
  const { zaaktype: _zaaktype, ...rest } = z;
  return rest;
}

/**
 * The zaak `identificatie` when it is a plan of `soort`, else null. Read as that one zaak (geefZaakdetails, which
 * the port checks is about the zaak asked for), never as a search whose first hit could be another zaak.
 */
async function planVanSoort(rt: Runtime, soort: PlanSoort, identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak | null> {
  const z = await metZaaktype(rt, identificatie, velden);
  if (z === null) return null;
  // a deelplan is told by its zaaktype: one without code is ZAAKTYPE_UNKNOWN, so the caller learns why there is none
  const gelezen = soort === 'deelplan' ? bekendePlanSoort(z, rt.config) : planSoort(z, rt.config);
  return gelezen === soort ? gevraagd(z, velden) : null;
}

export interface ZaakMetSoort {
  zaak: Zaak;
  /** undefined when the zaaktype came without a code: the zaak is returned all the same, as no plan. */
  soort: PlanSoort | undefined;
}

/** Any zaak by identificatie, whatever its zaaktype, with the kind of plan it is; null when not known. */
export async function zaakMetSoort(rt: Runtime, identificatie: string, velden: readonly ZaakVeld[]): Promise<ZaakMetSoort | null> {
  const z = await metZaaktype(rt, identificatie, velden);
  return z && { zaak: gevraagd(z, velden), soort: planSoort(z, rt.config) };
}

/** A gezinsplan or levensdomeinplan by identificatie; a zaak of another zaaktype is not found. */
export function plan(rt: Runtime, soort: 'gezinsplan' | 'levensdomeinplan', identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak | null> {
  return planVanSoort(rt, soort, identificatie, velden);
}

/** A deelplan: any zaak that is neither gezinsplan nor levensdomeinplan (RZS §1.2). Needs the zaaktype to tell. */
export function deelplan(rt: Runtime, identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak | null> {
  return planVanSoort(rt, 'deelplan', identificatie, velden);
}

/** RZS §6.3: the gezinsplannen in which this person is a client (heeftBetrekkingOp 'Client'). */
export function gezinsplannenVoorClient(rt: Runtime, bsn: string, velden: readonly ZaakVeld[]): Promise<Zaak[]> {
  checked('Ongeldig BSN', (c) => c.bsn('bsn', bsn));
  const vraag = { clientBsn: bsn, zaaktypeCode: zaaktypeVan(rt, 'gezinsplan').code };
  return rt.loaders.zoek.load({ vraag, velden, maximumAantal: rt.config.maxZoekResultaten });
}

/**
 * The zaken related to a gezinsplan through heeftBetrekkingOpAndere (RZS §6.4.3, §6.6.3), whether the
 * regiesysteem created them so or a backoffice created them and the regisseur linked them later (§4.7):
 * both end up as the same relation in the zaaksysteem. One search serves levensdomeinplannen and deelplannen
 * alike; the zaaktype (always in scope here) tells them apart.
 */
export async function gerelateerdePlannen(rt: Runtime, gezinsplan: string, soort: Exclude<PlanSoort, 'gezinsplan'>, velden: readonly ZaakVeld[]): Promise<Zaak[]> {
  const vraag = { gerelateerdeZaak: checkIdentificatie(gezinsplan, 'gezinsplan') };
  const zaken = await rt.loaders.zoek.load({ vraag, velden: [...velden, 'zaaktype'], maximumAantal: rt.config.maxZoekResultaten });
  return zaken.filter((z) => planSoort(z, rt.config) === soort && z.identificatie !== gezinsplan);
}

export interface HeeftGezinsplanAntwoord {
  bsn: string;
  heeftGezinsplan: boolean;
  /** as of when this is known (ISO 8601): the index's bijgewerktOp, or the moment the live searches began */
  bijgewerktOp: string;
}

/** The dashboard index's admin view, its moments in ISO 8601. */
export interface IndexStandAntwoord extends Omit<IndexStand, 'laatsteSync' | 'bijgewerktOp'> {
  laatsteSync?: string;
  bijgewerktOp?: string;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** The dashboard index's state for its admin view; without an index: none. */
export async function indexStand(rt: Runtime): Promise<IndexStandAntwoord | null> {
  if (!rt.index) return null;
  const { laatsteSync, bijgewerktOp, ...rest } = await rt.index.stand(rt.ctx);
  return { ...rest, ...(laatsteSync !== undefined ? { laatsteSync: iso(laatsteSync) } : {}), ...(bijgewerktOp !== undefined ? { bijgewerktOp: iso(bijgewerktOp) } : {}) };
}

/**
 * The dashboard question for up to `maxBsnsPerVraag` persons: from the index when it is fresh, else one zakLv01 per DISTINCT BSN with the smallest
 * scope that answers it (identificatie, plus einddatum when only open plans count), run with bounded
 * concurrency by the limited ports. Answers come back in the order asked, duplicates included.
 */
export async function heeftGezinsplan(rt: Runtime, bsns: readonly string[], alleenOpen: boolean): Promise<HeeftGezinsplanAntwoord[]> {
  checked('Ongeldige BSN-lijst', (c) => {
    c.list('bsns', bsns, rt.config.maxBsnsPerVraag, 1);
    bsns.forEach((b, i) => c.bsn(`bsns.${i}`, b));
  });
  const distinct = [...new Set(bsns)];
  // the index when it is fresh (it also notes every BSN asked for the protocol); else one search per BSN
  const uitIndex = await rt.index?.heeftGezinsplan(rt.ctx, distinct, alleenOpen);
  if (uitIndex) {
    const bijgewerktOp = new Date(uitIndex.bijgewerktOp).toISOString();
    return bsns.map((bsn) => ({ bsn, heeftGezinsplan: uitIndex.heeft.get(bsn) ?? false, bijgewerktOp }));
  }
  const bijgewerktOp = new Date().toISOString();
  const velden: ZaakVeld[] = alleenOpen ? ['einddatum'] : [];
  const maximumAantal = alleenOpen ? rt.config.maxZoekResultaten : 1;
  const code = zaaktypeVan(rt, 'gezinsplan').code;
  // Settle every question before failing, so that no call is left running unobserved after an error.
  const settled = await Promise.allSettled(
    distinct.map(async (bsn) => {
      const zaken = await rt.zaken.zoekZaken(rt.ctx, { clientBsn: bsn, zaaktypeCode: code }, velden, maximumAantal);
      return alleenOpen ? zaken.some(isOpen) : zaken.length > 0;
    }),
  );
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  const antwoord = new Map(distinct.map((bsn, i) => [bsn, (settled[i] as PromiseFulfilledResult<boolean>).value]));
  return bsns.map((bsn) => ({ bsn, heeftGezinsplan: antwoord.get(bsn)!, bijgewerktOp }));
}
