import { randomUUID } from 'node:crypto';
import { FacadeError } from '../../core/domain/errors';
import type { RequestContext } from '../../core/domain/request-context';
import { vereisOperatie } from '../authorisation/use-case-rechten';
import type { GebeurtenisLog } from '../gebeurtenissen/gebeurtenis-log';
import type { Store } from '../store/store.port';
import { ABONNEMENT_KOLOMMEN, AFLEVER_SLOT, naarAbonnement, type Abonnement, type AbonnementRij, type Kanaal } from './abonnement';
import { nieuwGeheim } from './handtekening';
import type { Notificatie } from './notificatie';
import type { WebhookConfig } from './webhook-config';

export interface AbonnementInvoer {
  callbackUrl: string;
  /** the Authorization header value sent with every delivery */
  auth?: string;
  kanalen: Kanaal[];
}

export interface DeadLetter {
  id: number;
  notificatie: Notificatie;
  pogingen: number;
  laatsteFout?: string;
  aangemaakt: number;
  opgegeven: number;
}

interface DeadLetterRij {
  id: number;
  payload: string;
  pogingen: number;
  laatste_fout: string | null;
  aangemaakt: number;
  opgegeven: number;
}

/** W3C Secure Contexts §3.1 calls these potentially trustworthy over plain http; IPv6 loopback as URL gives it. */
const isLoopback = (host: string): boolean => host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/**
 * The abonnementen of the webhooks (issue 13 §4) as a caller manages them: each belongs to the applicatie that
 * made it, and another applicatie's is not there for a caller (404, as absent). Managing them needs `lezen`:
 * what an abonnement brings is what the applicatie may read. The secret is made here and shown once.
 */
export class Abonnementen {
  constructor(
    private readonly store: Store,
    private readonly log: GebeurtenisLog,
    private readonly config: WebhookConfig,
    private readonly nu: () => number = Date.now,
  ) {}

  async maak(ctx: RequestContext, invoer: AbonnementInvoer): Promise<{ abonnement: Abonnement; geheim: string }> {
    const applicatie = this.applicatieVan(ctx);
    this.controleerUrl(invoer.callbackUrl);
    const [telling] = await this.store.query<{ n: number }>('SELECT COUNT(*) AS n FROM facade_abonnement WHERE applicatie = ?', [applicatie]);
    if (Number(telling?.n ?? 0) >= this.config.maxPerApplicatie) {
      throw FacadeError.validation(`Deze applicatie heeft al ${this.config.maxPerApplicatie} abonnementen (het maximum)`);
    }
    const id = randomUUID();
    const geheim = nieuwGeheim();
    const aangemaakt = this.nu();
    await this.store.run(
      'INSERT INTO facade_abonnement (id, applicatie, callback_url, auth, geheim, kanalen, verwerking, operaties, vanaf, status, aangemaakt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [id, applicatie, invoer.callbackUrl, invoer.auth ?? null, geheim, JSON.stringify(invoer.kanalen), ctx.verwerking!.id, JSON.stringify([...ctx.identiteit!.rechten.operaties]), await this.log.laatste(), 'actief', aangemaakt],
    );
    return { abonnement: await this.lees(ctx, id), geheim };
  }

  async lijst(ctx: RequestContext): Promise<Abonnement[]> {
    const rijen = await this.store.query<AbonnementRij>(`SELECT ${ABONNEMENT_KOLOMMEN} FROM facade_abonnement WHERE applicatie = ? ORDER BY aangemaakt, id`, [this.applicatieVan(ctx)]);
    return rijen.map(naarAbonnement);
  }

  async lees(ctx: RequestContext, id: string): Promise<Abonnement> {
    const [r] = await this.store.query<AbonnementRij>(`SELECT ${ABONNEMENT_KOLOMMEN} FROM facade_abonnement WHERE id = ? AND applicatie = ?`, [id, this.applicatieVan(ctx)]);
    if (!r) throw FacadeError.notFound('Abonnement niet gevonden');
    return naarAbonnement(r);
  }

  /** Removes it with everything still to deliver and its dead letters. */
  async verwijder(ctx: RequestContext, id: string): Promise<void> {
    await this.lees(ctx, id);
    await this.store.transactie(async (tx) => {
      await tx.run('DELETE FROM facade_aflevering WHERE abonnement = ?', [id]);
      await tx.run('DELETE FROM facade_abonnement WHERE id = ?', [id]);
    }, { slot: AFLEVER_SLOT });
  }

  async deadLetters(ctx: RequestContext, id: string): Promise<DeadLetter[]> {
    await this.lees(ctx, id);
    const rijen = await this.store.query<DeadLetterRij>(
      "SELECT id, payload, pogingen, laatste_fout, aangemaakt, opgegeven FROM facade_aflevering WHERE abonnement = ? AND status = 'dood' ORDER BY id",
      [id],
    );
    return rijen.map((r) => ({
      id: Number(r.id),
      notificatie: JSON.parse(r.payload) as Notificatie,
      pogingen: Number(r.pogingen),
      ...(r.laatste_fout !== null ? { laatsteFout: r.laatste_fout } : {}),
      aangemaakt: Number(r.aangemaakt),
      opgegeven: Number(r.opgegeven),
    }));
  }

  /**
   * Sends a dead letter again, with a fresh retry period. It keeps its place in the abonnement's order, so
   * events after it wait until it is delivered or given up again. Only for an abonnement that is still active.
   */
  async herbezorg(ctx: RequestContext, id: string, deadLetter: number): Promise<void> {
    const a = await this.lees(ctx, id);
    if (a.status !== 'actief') throw new FacadeError('CONFLICT', 'Dit abonnement is beëindigd: er wordt niets meer bezorgd');
    const nu = this.nu();
    const n = await this.store.run(
      "UPDATE facade_aflevering SET status = 'wachtend', pogingen = 0, volgende = ?, deadline = ?, opgegeven = NULL, claim = NULL, lease_tot = NULL WHERE id = ? AND abonnement = ? AND status = 'dood'",
      [nu, nu + this.config.herhaalPeriodeMs, deadLetter, id],
    );
    if (n === 0) throw FacadeError.notFound('Dead letter niet gevonden');
  }

  async verwijderDeadLetter(ctx: RequestContext, id: string, deadLetter: number): Promise<void> {
    await this.lees(ctx, id);
    const n = await this.store.run("DELETE FROM facade_aflevering WHERE id = ? AND abonnement = ? AND status = 'dood'", [deadLetter, id]);
    if (n === 0) throw FacadeError.notFound('Dead letter niet gevonden');
  }

  private applicatieVan(ctx: RequestContext): string {
    vereisOperatie(ctx, 'lezen');
    return ctx.identiteit!.applicatie;
  }

  /**
   * https only (http only to a loopback host when `webhooks.httpLoopback`), no user or password in it (it would
   * be logged and shown; credentials go in `auth`), no fragment, and a host of `webhooks.hosts` when that lists any.
   */
  private controleerUrl(callbackUrl: string): void {
    const fout = (reason: string) => FacadeError.validation('De callbackUrl is niet toegestaan', [{ name: 'callbackUrl', reason }]);
    let u: URL;
    try {
      u = new URL(callbackUrl);
    } catch {
      throw fout('is geen geldige URL');
    }
    const http = u.protocol === 'http:' && this.config.httpLoopback && isLoopback(u.hostname);
    if (u.protocol !== 'https:' && !http) throw fout(this.config.httpLoopback ? 'moet https gebruiken (http alleen naar localhost of 127.0.0.1)' : 'moet https gebruiken');
    if (u.username || u.password) throw fout('mag geen gebruikersnaam of wachtwoord bevatten (gebruik auth)');
    if (u.hash) throw fout('mag geen fragment (#) bevatten');
    if (this.config.hosts.length && !this.config.hosts.includes(u.hostname.toLowerCase())) throw fout('deze host staat niet in de lijst van toegestane hosts');
  }
}
