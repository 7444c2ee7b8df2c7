import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import type { Store } from '../store/store.port';
import { AFLEVER_SLOT } from './abonnement';
import { ondertekend } from './handtekening';
import type { WebhookConfig } from './webhook-config';

interface Log {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
}

interface Kandidaat {
  id: number;
}

interface Aflevering {
  id: number;
  abonnement: string;
  gebeurtenis: number;
  payload: string;
  pogingen: number;
  deadline: number;
  callback_url: string;
  auth: string | null;
  geheim: string;
}

/** How an attempt ended: delivered, the receiver said it is gone for good, or a failure to retry (maybe after a wait it asked for). */
type Uitkomst = { soort: 'afgeleverd' } | { soort: 'weg' } | { soort: 'mislukt'; fout: string; wachtMs?: number };

/**
 * Due and claimable: waiting and due, or held by a process whose lease ran out (it died mid-attempt); and the
 * first of its abonnement still to go, so one abonnement's deliveries go out one at a time in event order.
 */
const OPEN = "((a.status = 'wachtend' AND a.volgende <= ?) OR (a.status = 'bezig' AND a.lease_tot < ?))";
const EERSTE = "NOT EXISTS (SELECT 1 FROM facade_aflevering e WHERE e.abonnement = a.abonnement AND e.id < a.id AND e.status IN ('wachtend', 'bezig'))";

/** RFC 9110 §10.2.3: delay-seconds or an HTTP-date; undefined when absent or unreadable. */
function retryAfterMs(waarde: string | string[] | undefined, nu: number): number | undefined {
  const v = Array.isArray(waarde) ? waarde[0] : waarde;
  if (v === undefined) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - nu);
}

export interface BezorgerOpties {
  store: Store;
  config: WebhookConfig;
  log: Log;
  nu?: () => number;
}

/**
 * Sends the enqueued deliveries (at-least-once): each claimed by a conditional UPDATE with a lease and a claim
 * id, so of two processes on one store only one sends it, and a process that dies mid-attempt leaves it to
 * another after `leaseMs`. Success (2xx) removes it; 410 Gone ends the abonnement and drops what it still had
 * to receive; anything else (other status, network error, timeout) is retried with exponential backoff and
 * jitter, or after the Retry-After of a 429 or 503, until `herhaalPeriodeMs` after it was enqueued, then it
 * is a dead letter. Redirects are not followed: the receiver is the URL that was registered.
 */
export class Bezorger {
  private readonly agent: Agent;
  private readonly lopend = new Set<Promise<void>>();
  private readonly stoppen = new AbortController();
  private ronde: Promise<void> | undefined;
  private nogmaals = false;

  constructor(private readonly o: BezorgerOpties) {
    this.agent = new Agent({ connect: { timeout: o.config.timeoutMs }, headersTimeout: o.config.timeoutMs, bodyTimeout: o.config.timeoutMs });
  }

  private get nu(): number {
    return (this.o.nu ?? Date.now)();
  }

  /** Looks for due deliveries now (after an enqueue, or when a slot frees up). */
  wek(): void {
    if (this.stoppen.signal.aborted) return;
    if (this.ronde) {
      this.nogmaals = true;
      return;
    }
    this.ronde = this.claimRonde()
      .catch((e: unknown) => this.o.log.warn({ errorType: e instanceof Error ? e.name : typeof e }, 'webhook delivery round failed'))
      .finally(() => {
        this.ronde = undefined;
        if (this.nogmaals) {
          this.nogmaals = false;
          this.wek();
        }
      });
  }

  /** Stops claiming; attempts in flight are aborted and given back unsettled, for the next start or another process. */
  async stop(): Promise<void> {
    this.stoppen.abort();
    await this.ronde;
    await Promise.all(this.lopend);
    await this.agent.close();
  }

  private async claimRonde(): Promise<void> {
    const ruimte = this.o.config.gelijktijdig - this.lopend.size;
    if (ruimte <= 0) return;
    const nu = this.nu;
    const kandidaten = await this.o.store.query<Kandidaat>(`SELECT a.id FROM facade_aflevering a WHERE ${OPEN} AND ${EERSTE} ORDER BY a.volgende, a.id LIMIT ?`, [nu, nu, ruimte]);
    for (const k of kandidaten) {
      if (this.stoppen.signal.aborted) return;
      const claim = randomUUID();
      // the state is tested on the row itself: PostgreSQL re-checks that after waiting for another process's
      // claim of the same row (a subquery would still see the row as it was), so only one claim wins
      const n = await this.o.store.run(
        `UPDATE facade_aflevering SET status = 'bezig', lease_tot = ?, claim = ? WHERE id = ? AND ${OPEN.replaceAll('a.', '')} AND ${EERSTE.replaceAll('a.', 'facade_aflevering.')}`,
        [nu + this.o.config.leaseMs, claim, k.id, nu, nu],
      );
      if (n === 0) continue;
      const p = this.bezorg(Number(k.id), claim).finally(() => {
        this.lopend.delete(p);
        this.wek();
      });
      this.lopend.add(p);
    }
  }

  private async bezorg(id: number, claim: string): Promise<void> {
    const [a] = await this.o.store.query<Aflevering>(
      `SELECT f.id, f.abonnement, f.gebeurtenis, f.payload, f.pogingen, f.deadline, b.callback_url, b.auth, b.geheim
       FROM facade_aflevering f JOIN facade_abonnement b ON b.id = f.abonnement WHERE f.id = ? AND f.claim = ?`,
      [id, claim],
    );
    if (!a) return;
    const uitkomst = await this.probeer(a);
    if (uitkomst === undefined) {
      await this.o.store.run("UPDATE facade_aflevering SET status = 'wachtend', claim = NULL, lease_tot = NULL WHERE id = ? AND claim = ?", [id, claim]);
      return;
    }
    await this.verwerk(a, claim, uitkomst);
  }

  /** One attempt; undefined when this process is stopping (the attempt counts for nothing). */
  private async probeer(a: Aflevering): Promise<Uitkomst | undefined> {
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'stuf-zkn-facade-webhooks',
      ...ondertekend(a.geheim, String(a.gebeurtenis), a.payload, this.nu),
      ...(a.auth !== null ? { authorization: a.auth } : {}),
    };
    try {
      const res = await request(a.callback_url, {
        method: 'POST',
        headers,
        body: a.payload,
        dispatcher: this.agent,
        signal: AbortSignal.any([this.stoppen.signal, AbortSignal.timeout(this.o.config.timeoutMs)]),
      });
      await res.body.dump();
      if (res.statusCode >= 200 && res.statusCode < 300) return { soort: 'afgeleverd' };
      if (res.statusCode === 410) return { soort: 'weg' };
      const wachtMs = res.statusCode === 429 || res.statusCode === 503 ? retryAfterMs(res.headers['retry-after'], this.nu) : undefined;
      return { soort: 'mislukt', fout: `HTTP ${res.statusCode}`, ...(wachtMs !== undefined ? { wachtMs } : {}) };
    } catch (e) {
      if (this.stoppen.signal.aborted) return undefined;
      const code = (e as { code?: unknown }).code;
      return { soort: 'mislukt', fout: (e as Error).name === 'TimeoutError' ? 'timeout' : `netwerk: ${typeof code === 'string' ? code : 'fout'}` };
    }
  }

  private async verwerk(a: Aflevering, claim: string, u: Uitkomst): Promise<void> {
    const log = { abonnement: a.abonnement, gebeurtenis: Number(a.gebeurtenis), poging: Number(a.pogingen) + 1 };
    const nu = this.nu;
    if (u.soort === 'afgeleverd') {
      await this.o.store.transactie(async (tx) => {
        if (await tx.run('DELETE FROM facade_aflevering WHERE id = ? AND claim = ?', [a.id, claim])) {
          await tx.run('UPDATE facade_abonnement SET afgeleverd = afgeleverd + 1 WHERE id = ?', [a.abonnement]);
        }
      });
      return;
    }
    if (u.soort === 'weg') {
      await this.o.store.transactie(async (tx) => {
        await tx.run("UPDATE facade_abonnement SET status = 'beeindigd', reden = ?, beeindigd = ? WHERE id = ? AND status = 'actief'", ['410 Gone van de ontvanger', nu, a.abonnement]);
        await tx.run("DELETE FROM facade_aflevering WHERE abonnement = ? AND status <> 'dood'", [a.abonnement]);
      }, { slot: AFLEVER_SLOT });
      this.o.log.info(log, 'webhook receiver answered 410 Gone: abonnement ended');
      return;
    }
    if (nu >= Number(a.deadline)) {
      await this.o.store.transactie(async (tx) => {
        const n = await tx.run("UPDATE facade_aflevering SET status = 'dood', pogingen = pogingen + 1, laatste_fout = ?, opgegeven = ?, claim = NULL, lease_tot = NULL WHERE id = ? AND claim = ?", [u.fout, nu, a.id, claim]);
        if (n) await tx.run('UPDATE facade_abonnement SET dead_letters = dead_letters + 1 WHERE id = ?', [a.abonnement]);
      });
      this.o.log.warn({ ...log, fout: u.fout }, 'webhook delivery given up: dead letter');
      return;
    }
    // equal jitter over an exponential backoff: never two receivers' retries in lock-step, never a retry at once
    const grens = Math.min(this.o.config.backoffMaxMs, this.o.config.backoffBasisMs * 2 ** Math.min(30, Number(a.pogingen)));
    const wacht = u.wachtMs ?? grens / 2 + Math.random() * (grens / 2);
    // the last attempt is at the end of the period, so a receiver back just before it still gets the event
    const volgende = Math.min(nu + wacht, Number(a.deadline));
    await this.o.store.run(
      "UPDATE facade_aflevering SET status = 'wachtend', pogingen = pogingen + 1, volgende = ?, laatste_fout = ?, claim = NULL, lease_tot = NULL WHERE id = ? AND claim = ?",
      [Math.ceil(volgende), u.fout, a.id, claim],
    );
    this.o.log.info({ ...log, fout: u.fout, wachtMs: Math.round(volgende - nu) }, 'webhook delivery failed, retried later');
  }
}
