import { FacadeError } from '../domain/errors';
import { ZAAK_VELDEN, type Zaak, type ZaakRelatie, type ZaakVeld, type ZaakWijziging } from '../domain/zaak';
import { VERSIE_VELDEN, vereisVersie } from '../domain/zaak-versie';
import { wijzigingOp, wijzigingVelden } from '../domain/zaak-wijziging';
import type { PlanWijziging } from './invoer';
import { basisVan, leesTerug, vereisPlan } from './lees-terug';
import { planSoort, type PlanSoort } from './plan-soort';
import type { Runtime } from './runtime';
import { checked, InputCheck } from './validation/input-check';
import {
  belanghebbende,
  datumWijziging,
  lijst,
  persoon,
  tekstWijziging,
  uitvoerende,
  uitvoerendeSleutel,
  zaakIdentificatie,
} from './validation/plan-validatie';
import { STUF_LIMITS as L } from './validation/stuf-limits';
import { checkIdentificatie } from './zaak-queries';

/**
 * RZS §4.7 / §6.12-6.13: the regisseur links a zaak a backoffice created (known through notificeerOverZaak)
 * to a gezinsplan and optionally a levensdomeinplan, by updateZaak adding heeftBetrekkingOpAndere.
 * Linking what is already linked changes nothing and sends nothing; a closed zaak is not linked any more.
 * `versies`: as for wijzigPlan.
 */
export async function koppelZaakAanGezinsplan(
  rt: Runtime,
  zaakId: string,
  gezinsplan: string,
  levensdomeinplan?: string,
  velden: readonly ZaakVeld[] = ZAAK_VELDEN,
  versies?: readonly string[],
): Promise<Zaak> {
  checked('Ongeldige koppeling', (c) => {
    zaakIdentificatie(c, 'zaak', zaakId);
    zaakIdentificatie(c, 'gezinsplan', gezinsplan);
    if (levensdomeinplan !== undefined) zaakIdentificatie(c, 'levensdomeinplan', levensdomeinplan);
    if (zaakId === gezinsplan || zaakId === levensdomeinplan) c.fail('zaak', 'kan niet aan zichzelf gekoppeld worden');
  });
  return rt.sloten.onder(rt.ctx, zaakId, async () => {
    const { gezinsplan: gzp, levensdomeinplan: ldp } = rt.config.zaaktypen;
    const basis = await basisVan(rt, zaakId, 'elke', versies ? VERSIE_VELDEN : ['gerelateerdeZaken', 'einddatum']);
    vereisVersie(basis, versies);
    if (planSoort(basis, rt.config) === 'gezinsplan') throw FacadeError.validation('Een gezinsplan hangt niet onder een ander gezinsplan', [{ name: 'zaak', reason: 'is een gezinsplan' }]);
    if (planSoort(basis, rt.config) === 'levensdomeinplan' && levensdomeinplan !== undefined) {
      throw FacadeError.validation('Een levensdomeinplan hangt alleen onder een gezinsplan', [{ name: 'levensdomeinplan', reason: 'kan niet bij een levensdomeinplan' }]);
    }
    await vereisPlan(rt, 'gezinsplan', gezinsplan, 'gezinsplan');
    if (levensdomeinplan !== undefined) await vereisPlan(rt, 'levensdomeinplan', levensdomeinplan, 'levensdomeinplan');
    const bestaand = new Set((basis.gerelateerdeZaken ?? []).map((r) => r.identificatie));
    const toevoegen: ZaakRelatie[] = [
      { identificatie: gezinsplan, zaaktype: gzp },
      ...(levensdomeinplan === undefined ? [] : [{ identificatie: levensdomeinplan, zaaktype: ldp }]),
    ].filter((r) => !bestaand.has(r.identificatie));
    if (toevoegen.length) await rt.zaken.updateZaak(rt.ctx, zaakId, wijzigingOp(basis, { gerelateerdeZaken: { toevoegen } }), basis);
    return leesTerug(rt, zaakId, velden);
  });
}

function wijzigingVan(c: InputCheck, w: PlanWijziging): ZaakWijziging {
  const omschrijving = c.text('omschrijving', w.omschrijving, { max: L.omschrijving });
  if (w.omschrijving !== undefined && w.omschrijving.trim() === '') c.fail('omschrijving', 'mag niet leeg zijn');
  return {
    omschrijving,
    toelichting: tekstWijziging(c, 'toelichting', w.toelichting, L.toelichting),
    startdatum: c.date('startdatum', w.startdatum),
    einddatumGepland: datumWijziging(c, 'einddatumGepland', w.einddatumGepland),
    uiterlijkeEinddatum: datumWijziging(c, 'uiterlijkeEinddatum', w.uiterlijkeEinddatum),
    clients: w.clients && {
      toevoegen: lijst(c, 'clients.toevoegen', w.clients.toevoegen, persoon),
      verwijderen: lijst(c, 'clients.verwijderen', w.clients.verwijderen, (c, n, b: string) => c.bsn(n, b) ?? ''),
    },
    belanghebbenden: w.belanghebbenden && {
      toevoegen: lijst(c, 'belanghebbenden.toevoegen', w.belanghebbenden.toevoegen, belanghebbende),
      verwijderen: lijst(c, 'belanghebbenden.verwijderen', w.belanghebbenden.verwijderen, (c, n, b: string) => c.bsn(n, b) ?? ''),
    },
    uitvoerenden: w.uitvoerenden && {
      toevoegen: lijst(c, 'uitvoerenden.toevoegen', w.uitvoerenden.toevoegen, uitvoerende),
      verwijderen: lijst(c, 'uitvoerenden.verwijderen', w.uitvoerenden.verwijderen, uitvoerendeSleutel),
    },
  };
}

/** A plan keeps at least one client (RZS §6.3.2: clients 1..N); `w` is a wijziging that fits `basis` (wijzigingOp). */
function checkClients(w: ZaakWijziging, basis: Zaak): void {
  const over = (basis.clients ?? []).length - (w.clients?.verwijderen?.length ?? 0) + (w.clients?.toevoegen?.length ?? 0);
  if (w.clients && over < 1) throw FacadeError.validation('Wijziging past niet bij de zaak', [{ name: 'clients', reason: 'een plan houdt minstens 1 client' }]);
}

/**
 * RZS §6.11-6.13 updateZaak of a plan. Under the zaak's lock (issue 12 §5) the state is read fresh and, when the
 * caller names the versions it based the change on (`versies`: REST If-Match, GraphQL `versie`), compared with
 * them (PRECONDITION_FAILED when stale); updateZaak sends that state as `oud`, so a change another facade made in
 * between makes the zaaksysteem refuse it (CONFLICT) instead of losing it. A closed plan is not changed
 * (CONFLICT); what is added is added once, what is removed must be there (wijzigingOp).
 */
export async function wijzigPlan(
  rt: Runtime,
  soort: PlanSoort,
  identificatie: string,
  invoer: PlanWijziging,
  velden: readonly ZaakVeld[] = ZAAK_VELDEN,
  versies?: readonly string[],
): Promise<Zaak> {
  checkIdentificatie(identificatie);
  const wijziging = checked('Ongeldige wijziging', (c) => wijzigingVan(c, invoer));
  const gewijzigd = wijzigingVelden(wijziging);
  if (gewijzigd.length === 0) throw FacadeError.validation('Lege wijziging', [{ name: 'wijziging', reason: 'bevat geen enkele wijziging' }]);
  return rt.sloten.onder(rt.ctx, identificatie, async () => {
    const huidig = await basisVan(rt, identificatie, soort, versies ? VERSIE_VELDEN : [...gewijzigd, 'einddatum']);
    vereisVersie(huidig, versies);
    const passend = wijzigingOp(huidig, wijziging);
    checkClients(passend, huidig);
    await rt.zaken.updateZaak(rt.ctx, identificatie, passend, huidig);
    return leesTerug(rt, identificatie, velden);
  });
}
