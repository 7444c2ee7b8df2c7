import { randomUUID } from 'node:crypto';
import { FacadeError } from '../../core/domain/errors';
import type { Verwerking } from '../../core/domain/identiteit';
import type { RzsGebeurtenis, InkomendBericht } from '../../core/domain/notificatie';
import type { RequestContext } from '../../core/domain/request-context';
import { startTrace } from '../../core/domain/trace-context';
import type { Zaak } from '../../core/domain/zaak';
import type { ZaakRegister } from '../../core/ports/zaak-register.port';
import type { UseCaseConfig } from '../../core/usecases/use-case-config';
import { planSoort } from '../../core/usecases/plan-soort';
import type { GebeurtenisInhoud } from '../gebeurtenissen/gebeurtenis';
import type { GebeurtenisLog } from '../gebeurtenissen/gebeurtenis-log';
import { buitenVerzoek, type BuitenVerzoekOpties } from '../protocol/buiten-verzoek';
import type { NotificatieConfig } from './notificatie-config';
import type { NotificatieOpslag, OpgeslagenNotificatie } from './notificatie-opslag';

interface Log {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
}

/** Which port writes make each gebeurtenis (RZS §6.9.1 "Trigger"), to find our own caller of it in the journal. */
const OPERATIES: Readonly<Record<RzsGebeurtenis, readonly string[]>> = {
  'Creeer zaak': ['creeerZaak'],
  'Update zaak': ['updateZaak'],
  'Actualiseer zaakstatus': ['actualiseerZaakstatus'],
  'Voeg zaakdocument toe': ['voegZaakdocumentToe', 'maakZaakdocument'],
  'Update zaakdocument': ['updateZaakdocument'],
};

/** How far back a change of ours may lie before its notification arrives. */
const VEROORZAKER_VENSTER_MS = 3_600_000;
const LEASE_MS = 60_000;
const PER_RONDE = 20;

export interface VerwerkerOpties {
  opslag: NotificatieOpslag;
  gebeurtenissen: GebeurtenisLog;
  /** the decorated zaak port (retries, limits, protocol, authorisation), as a request uses it */
  zaken: Pick<ZaakRegister, 'geefZaak'>;
  protocol: BuitenVerzoekOpties;
  /** the facade's own StUF applicatie (its stuurgegevens zender) and the processing activity it reads under */
  eigen: { applicatie: string; verwerking: Verwerking };
  /** who made one of our changes to a zaak (the step journal, Journaal.applicatieVanWijziging) */
  veroorzaker(zaak: string, operaties: readonly string[], sinds: number): Promise<string | undefined>;
  /** who sent the overdragenZaak whose referentienummer an overdragenZaak_Du01 answers (Journaal.applicatieVanOverdracht) */
  overdrachtDoor(kenmerk: string): Promise<string | undefined>;
  useCases: UseCaseConfig;
  config: NotificatieConfig;
  log: Log;
  /** the process's name, as the claim's holder */
  eigenaar: string;
}

/**
 * The processor (issue 13 §1): takes stored notifications, reads each zaak itself with geefZaakdetails (RZS
 * §6.9.1 "Vervolgactie": a notification is thin), under the facade's own context and processing activity,
 * protocolled as work outside a request, and appends one event per notification in the transaction that marks
 * it processed: exactly once, also when two instances share the store (the claim) or one dies midway (the lease).
 * A read that fails is retried with doubling waits; after `pogingen` the notification is marked failed, kept and
 * counted. Woken by each arrival, and every `intervalMs` for retries and for what another instance stored.
 */
export function startNotificatieVerwerker(o: VerwerkerOpties): { ronde(): Promise<number>; stop(): Promise<void> } {
  let lopend: Promise<number> | undefined;
  let nogEens = false;
  let gestopt = false;
  const ronde = (): Promise<number> => {
    if (lopend) {
      nogEens = true;
      return lopend;
    }
    lopend = verwerkRonde(o).finally(() => {
      lopend = undefined;
      if (nogEens && !gestopt) {
        nogEens = false;
        void ronde().catch(fout);
      }
    });
    return lopend;
  };
  const fout = (e: unknown) => o.log.warn({ code: FacadeError.from(e).code }, 'notification round failed');
  const timer = setInterval(() => void ronde().catch(fout), o.config.intervalMs);
  timer.unref();
  const stopAbonnement = o.opslag.abonneer(() => void ronde().catch(fout));
  void ronde().catch(fout);
  return {
    ronde,
    stop: async () => {
      gestopt = true;
      clearInterval(timer);
      stopAbonnement();
      await lopend?.catch(() => undefined);
    },
  };
}

async function verwerkRonde(o: VerwerkerOpties): Promise<number> {
  let verwerkt = 0;
  for (let werk = await o.opslag.claim(o.eigenaar, LEASE_MS, PER_RONDE); werk.length > 0; werk = await o.opslag.claim(o.eigenaar, LEASE_MS, PER_RONDE)) {
    for (const n of werk) if (await verwerkEen(o, n)) verwerkt++;
  }
  return verwerkt;
}

async function verwerkEen(o: VerwerkerOpties, n: OpgeslagenNotificatie): Promise<boolean> {
  const ctx: RequestContext = {
    requestId: `notificatie-${randomUUID()}`,
    identiteit: { applicatie: o.eigen.applicatie, rechten: { operaties: new Set(['lezen']), zaaktypen: 'alle', maxVertrouwelijkheid: 'ZEER GEHEIM' } },
    verwerking: o.eigen.verwerking,
    trace: startTrace(),
  };
  try {
    const inhoud = await buitenVerzoek(o.protocol, ctx, 'notificatie verwerken', () => gebeurtenisVan(o, ctx, n));
    await o.gebeurtenissen.voegToe(inhoud, (tx) => o.opslag.markeerVerwerkt(tx, n.id, o.eigenaar));
    return true;
  } catch (e) {
    const code = FacadeError.from(e).code;
    const poging = n.pogingen + 1;
    const laatste = poging >= o.config.pogingen;
    const wacht = Math.min(o.config.maxWachtMs, o.config.eersteWachtMs * 2 ** (poging - 1));
    await o.opslag.mislukt(n.id, o.eigenaar, code, laatste ? undefined : Date.now() + wacht);
    o.log.warn({ notificatie: n.id, zaak: n.bericht.zaak, poging, code }, laatste ? 'notification failed for good: the zaak could not be read' : 'notification not processed yet, retried later');
    return false;
  }
}

async function gebeurtenisVan(o: VerwerkerOpties, ctx: RequestContext, n: OpgeslagenNotificatie): Promise<GebeurtenisInhoud> {
  const b: InkomendBericht = n.bericht;
  const zaak = await o.zaken.geefZaak(ctx, b.zaak, ['zaaktype', 'gerelateerdeZaken', 'statussen']);
  const zaaktype = zaak.zaaktype?.code ?? (b.soort === 'notificatie' ? b.zaaktype.code : undefined);
  if (!zaaktype) throw new FacadeError('ZAAKTYPE_UNKNOWN', `zaak ${b.zaak} heeft geen zaaktypecode`);
  const gezinsplan = gezinsplanVan({ ...zaak, zaaktype: { ...zaak.zaaktype, code: zaaktype } }, o.useCases);
  if (b.soort === 'overdracht-antwoord') {
    // the overdragenZaak it answers (crossRefnummer = its referentienummer, RZS §6.8.4) was sent for one of our callers
    const veroorzaaktDoor = await o.overdrachtDoor(b.crossRefnummer);
    return {
      soort: 'overdracht-bevestigd',
      zaak: b.zaak,
      zaaktype,
      ...(gezinsplan ? { gezinsplan } : {}),
      kenmerk: b.crossRefnummer,
      geaccepteerd: b.geaccepteerd,
      ...(!b.geaccepteerd && b.meldingen.length ? { melding: b.meldingen.join(' ') } : {}),
      ...(veroorzaaktDoor ? { veroorzaaktDoor } : {}),
      notificatie: n.id,
    };
  }
  const ons = b.zendendeApplicatie ?? b.zender.applicatie;
  // RZS §5.2.6, §6.10.1: the notification names the originator of the change; when that is us, one of our callers made it
  const veroorzaaktDoor = ons === o.eigen.applicatie ? await o.veroorzaker(b.zaak, OPERATIES[b.gebeurtenis], Date.now() - VEROORZAKER_VENSTER_MS) : undefined;
  if (b.signaal) {
    const { document, inhoud: i } = b.signaal;
    const basis = { zaak: b.zaak, zaaktype, ...(gezinsplan ? { gezinsplan } : {}), product: i.product, document, ...(veroorzaaktDoor ? { veroorzaaktDoor } : {}), notificatie: n.id };
    if (i.soort === 'verzoek-om-toewijzing') return { soort: 'verzoek-om-toewijzing', ...basis, reden: i.reden };
    return { soort: 'herindicatie-nodig', ...basis, ...(i.einddatum?.iso ? { einddatum: i.einddatum.iso } : {}) };
  }
  const status = b.status ?? laatsteStatus(zaak);
  return {
    soort: 'zaak-gewijzigd',
    zaak: b.zaak,
    zaaktype,
    ...(gezinsplan ? { gezinsplan } : {}),
    gebeurtenis: b.gebeurtenis,
    ...(status ? { status } : {}),
    ...(veroorzaaktDoor ? { veroorzaaktDoor } : {}),
    notificatie: n.id,
  };
}

/** Itself for a gezinsplan; the gezinsplan it is related to for a levensdomeinplan or deelplan (RZS §3.3), when it is. */
function gezinsplanVan(zaak: Zaak, config: UseCaseConfig): string | undefined {
  if (planSoort(zaak, config) === 'gezinsplan') return zaak.identificatie;
  return zaak.gerelateerdeZaken?.find((r) => r.zaaktype?.code === config.zaaktypen.gezinsplan.code)?.identificatie;
}

function laatsteStatus(zaak: Zaak): { code: string; omschrijving?: string; datumStatusGezet?: string } | undefined {
  const s = zaak.statussen?.find((x) => x.indicatieLaatsteStatus) ?? zaak.statussen?.at(-1);
  if (!s) return undefined;
  return { code: s.statustype.code, ...(s.statustype.omschrijving ? { omschrijving: s.statustype.omschrijving } : {}), ...(s.datumStatusGezet ? { datumStatusGezet: s.datumStatusGezet } : {}) };
}
