import { FacadeError } from '../../core/domain/errors';
import type { Verwerking } from '../../core/domain/identiteit';
import type { Zaak } from '../../core/domain/zaak';
import { isOpen } from '../../core/domain/zaak-wijziging';
import type { ZaakRegister } from '../../core/ports/zaak-register.port';
import type { GebeurtenisLog } from '../gebeurtenissen/gebeurtenis-log';
import type { Leiderschap } from '../leiderschap/leiderschap';
import { buitenVerzoek, type BuitenVerzoekOpties } from '../protocol/buiten-verzoek';
import { indexContext, INDEX_LEZER } from './dashboard-index';
import type { IndexConfig } from './index-config';
import type { GelezenPlan, IndexOpslag } from './index-opslag';

interface Log {
  warn(o: object, msg: string): void;
  info(o: object, msg: string): void;
}

export interface IndexWerkerOpties {
  opslag: IndexOpslag;
  log: GebeurtenisLog;
  /** the ports as the facade reads for itself: protocolled, not limited to a caller's zaaktypen */
  zaken: Pick<ZaakRegister, 'geefZaak' | 'zoekZakenPagina'>;
  protocol: BuitenVerzoekOpties;
  config: IndexConfig;
  verwerking: Verwerking;
  /** the gezinsplan zaaktype code */
  zaaktype: string;
  sleutelVan: (bsn: string) => string;
  /** this process, as owner of a sync's claim */
  eigenaar: string;
  logger: Log;
  nu?: () => number;
  /** the full sync runs only while this process leads (seam: once across instances); absent: always */
  leiderschap?: Pick<Leiderschap, 'leider'>;
}

/** A sync's claim lasts this long past its last page; a process that dies leaves it to another after that. */
const SYNC_LEASE_MS = 60_000;
const PER_RONDE = 100;
const VELDEN = ['clients', 'einddatum', 'zaaktype'] as const;

const plan = (z: Zaak, gelezenOp: number, sleutelVan: (bsn: string) => string): GelezenPlan => ({
  gezinsplan: z.identificatie,
  sleutels: (z.clients ?? []).map((c) => sleutelVan(c.bsn)),
  open: isOpen(z),
  gelezenOp,
});

/**
 * The index's work, on unref'd timers stopped by `stop`:
 * - the notification reader: every zaak-gewijzigd of the gezinsplan zaaktype after its durable position is read
 *   again (clients, einddatum) and written to the live generations; woken by each append in this process and
 *   polling for appends by others. Two processes on one PostgreSQL may both read an event: the write keeps the
 *   later read (index-opslag.ts) and the position never moves back, so doing it twice is harmless.
 * - the full sync (reconciliation): when none completed within `reconcileMs`, one process claims it, pages
 *   through every gezinsplan (zoekZakenPagina) into a new generation and switches to it when complete.
 * Every read is protocolled as work outside a request (buitenVerzoek) under the configured activity.
 */
export function startIndexWerker(o: IndexWerkerOpties): { stop(): Promise<void>; sync(): Promise<boolean>; lees(): Promise<number> } {
  const nu = o.nu ?? Date.now;
  let leest: Promise<number> | undefined;
  let opnieuw = false;
  let synct: Promise<boolean> | undefined;
  const fout = (wat: string) => (e: unknown) => o.logger.warn({ code: FacadeError.from(e).code }, wat);
  const lees = (): Promise<number> => {
    if (leest) {
      opnieuw = true;
      return leest;
    }
    leest = leesRonde(o, nu).finally(() => {
      leest = undefined;
      if (opnieuw) {
        opnieuw = false;
        void lees().catch(fout('dashboard index: reading events failed'));
      }
    });
    return leest;
  };
  const sync = (): Promise<boolean> => (synct ??= volledigeSync(o, nu).finally(() => (synct = undefined)));
  const misschienSync = async () => {
    if (o.leiderschap?.leider === false) return;
    const s = await o.opslag.stand();
    if (s.gesynct_op === null || nu() - s.gesynct_op >= o.config.reconcileMs) await sync();
  };
  const uit = o.log.abonneer(() => void lees().catch(fout('dashboard index: reading events failed')));
  const timers = [
    setInterval(() => void lees().catch(fout('dashboard index: reading events failed')), Math.min(1000, Math.max(100, o.config.maxAchterstandMs / 4))),
    setInterval(() => void misschienSync().catch(fout('dashboard index: full sync failed')), Math.min(5000, o.config.reconcileMs)),
  ];
  timers.forEach((t) => t.unref());
  void lees().catch(fout('dashboard index: reading events failed'));
  void misschienSync().catch(fout('dashboard index: full sync failed'));
  return {
    sync,
    lees,
    stop: async () => {
      uit();
      timers.forEach(clearInterval);
      await Promise.allSettled([leest, synct]);
    },
  };
}

/** Handles events until the log has no more; returns how many it handled. */
async function leesRonde(o: IndexWerkerOpties, nu: () => number): Promise<number> {
  let gehandeld = 0;
  for (;;) {
    const begin = nu();
    const positie = await o.log.positie(INDEX_LEZER);
    const gebeurtenissen = await o.log.lees(positie, PER_RONDE);
    const zaken = [
      ...new Set(gebeurtenissen.filter((g) => g.inhoud.soort === 'zaak-gewijzigd' && g.inhoud.zaaktype === o.zaaktype).map((g) => g.inhoud.zaak)),
    ];
    if (zaken.length > 0) {
      const ctx = indexContext(o.verwerking);
      const plannen = await buitenVerzoek(o.protocol, ctx, 'dashboard-index bijwerken', () => Promise.all(zaken.map((id) => leesPlan(o, ctx, id, nu))));
      await o.opslag.schrijf(plannen);
    }
    if (gebeurtenissen.length > 0) await o.log.bewaarPositie(INDEX_LEZER, gebeurtenissen.at(-1)!.id);
    gehandeld += gebeurtenissen.length;
    if (gebeurtenissen.length < PER_RONDE) {
      // everything logged before this round began is in the index now
      await o.opslag.lezerBij(begin);
      return gehandeld;
    }
  }
}

/** The gezinsplan as it is now; one that is gone or no longer a gezinsplan has no clients in the index. */
async function leesPlan(o: IndexWerkerOpties, ctx: ReturnType<typeof indexContext>, id: string, nu: () => number): Promise<GelezenPlan> {
  const gelezenOp = nu();
  try {
    const z = await o.zaken.geefZaak(ctx, id, VELDEN);
    return z.zaaktype?.code === o.zaaktype ? plan(z, gelezenOp, o.sleutelVan) : { gezinsplan: id, sleutels: [], open: false, gelezenOp };
  } catch (e) {
    if (e instanceof FacadeError && e.code === 'NOT_FOUND') return { gezinsplan: id, sleutels: [], open: false, gelezenOp };
    throw e;
  }
}

/** One full sync into a new generation; false when another process holds the claim or this one lost it. */
async function volledigeSync(o: IndexWerkerOpties, nu: () => number): Promise<boolean> {
  const generatie = await o.opslag.claimSync(o.eigenaar, nu(), nu() + SYNC_LEASE_MS);
  if (generatie === null) return false;
  const begin = nu();
  let pagina = 0;
  try {
    let na: string | undefined;
    do {
      const ctx = indexContext(o.verwerking);
      const gelezenOp = nu();
      const antwoord = await buitenVerzoek(o.protocol, ctx, 'dashboard-index synchroniseren', () =>
        o.zaken.zoekZakenPagina(ctx, { zaaktypeCode: o.zaaktype }, ['clients', 'einddatum'], o.config.paginaGrootte, na),
      );
      await o.opslag.schrijf(antwoord.zaken.map((z) => plan(z, gelezenOp, o.sleutelVan)), generatie);
      if (!(await o.opslag.verlengSync(o.eigenaar, generatie, nu() + SYNC_LEASE_MS))) return false;
      na = antwoord.volgende;
      pagina++;
    } while (na !== undefined);
    const klaar = await o.opslag.voltooiSync(o.eigenaar, generatie, nu());
    if (klaar) o.logger.info({ generatie, paginas: pagina, ms: nu() - begin }, 'dashboard index: full sync completed');
    return klaar;
  } catch (e) {
    await o.opslag.geefSyncOp(o.eigenaar, generatie).catch(() => undefined);
    throw e;
  }
}
