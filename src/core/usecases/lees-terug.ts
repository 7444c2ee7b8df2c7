import { FacadeError } from '../domain/errors';
import type { Zaak, ZaakVeld } from '../domain/zaak';
import { bekendePlanSoort, type PlanSoort } from './plan-soort';
import type { Runtime } from './runtime';
import { plan } from './zaak-queries';

/**
 * A mutation answers with the zaak as the zaaksysteem now stores it, never with what we sent: what the
 * caller sees is what the next reader will see. Cached answers of this request are dropped first.
 */
export function leesTerug(rt: Runtime, identificatie: string, velden: readonly ZaakVeld[]): Promise<Zaak> {
  rt.loaders.vergeet(identificatie);
  return rt.zaken.geefZaak(rt.ctx, identificatie, velden);
}

/** A referenced gezinsplan/levensdomeinplan must exist as such before anything is written (RZS §3.3). */
export async function vereisPlan(rt: Runtime, soort: 'gezinsplan' | 'levensdomeinplan', identificatie: string, param: string): Promise<void> {
  if (!(await plan(rt, soort, identificatie, []))) {
    throw FacadeError.validation(`Onbekend ${soort}`, [{ name: param, reason: `is geen bestaand ${soort}` }]);
  }
}

/** The current state of a zaak of the expected kind, with the velden a change is based on; ZAAKTYPE_UNKNOWN when that cannot be told. */
export async function basisVan(rt: Runtime, identificatie: string, soort: PlanSoort | 'elke', velden: readonly ZaakVeld[]): Promise<Zaak> {
  const basis = await rt.zaken.geefZaak(rt.ctx, identificatie, [...new Set<ZaakVeld>([...velden, 'zaaktype'])]);
  if (soort !== 'elke' && bekendePlanSoort(basis, rt.config) !== soort) throw FacadeError.notFound(`Geen ${soort} met deze identificatie`);
  return basis;
}
