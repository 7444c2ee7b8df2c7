import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PostgresConfig } from './store-config';
import { Wekkers } from './wekkers';

/** How long after a lost LISTEN connection the next attempt starts, doubling up to the maximum. */
const HERSTEL_MS = { eerste: 200, max: 5_000 };

/**
 * The PostgreSQL channel of a store channel: per schema, so two deployments on one database do not wake each
 * other; hashed, as a channel name is an identifier of at most 63 bytes.
 */
export const pgKanaal = (schema: string | undefined, kanaal: string): string =>
  `facade_${createHash('sha256').update(`${schema ?? ''}\0${kanaal}`).digest('hex').slice(0, 40)}`;

/**
 * LISTEN for one store instance (store.port.ts `luister`): a connection of its own, not from the pool (a pooled
 * connection is handed to others and would lose its LISTENs), opened at the first listener. After a loss it
 * reconnects, LISTENs again and wakes every listener once, as notifications sent meanwhile are gone.
 * `afzender` is the instance's id, sent as the payload: its own notifications are skipped, as `meld` already woke
 * this instance's listeners at commit.
 */
export class PostgresLuisteraar {
  readonly afzender = randomUUID();
  readonly wekkers = new Wekkers();
  private readonly kanalen = new Map<string, string>();
  private client: pg.Client | undefined;
  private verbinding: Promise<pg.Client> | undefined;
  private herstel: NodeJS.Timeout | undefined;
  private wacht = HERSTEL_MS.eerste;
  private gesloten = false;

  constructor(private readonly config: PostgresConfig) {}

  async luister(kanaal: string, fn: () => void): Promise<() => Promise<void>> {
    const { stop, eerste } = this.wekkers.voegToe(kanaal, fn);
    const naam = pgKanaal(this.config.schema, kanaal);
    this.kanalen.set(naam, kanaal);
    try {
      const client = await this.verbind();
      if (eerste) await client.query(`LISTEN "${naam}"`);
    } catch {
      // not listening yet: the reconnect LISTENs every channel, and the listener's poll covers the gap
      this.planHerstel();
    }
    return async () => {
      if (!stop()) return;
      this.kanalen.delete(naam);
      await this.client?.query(`UNLISTEN "${naam}"`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.gesloten = true;
    clearTimeout(this.herstel);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private verbind(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.verbinding ??= this.open().finally(() => (this.verbinding = undefined));
    return this.verbinding;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.config.url });
    client.on('notification', (m) => {
      const kanaal = this.kanalen.get(m.channel);
      if (kanaal !== undefined && m.payload !== this.afzender) this.wekkers.wek(kanaal);
    });
    client.on('error', () => this.verloren(client));
    client.on('end', () => this.verloren(client));
    await client.connect();
    try {
      for (const naam of this.kanalen.keys()) await client.query(`LISTEN "${naam}"`);
    } catch (e) {
      await client.end().catch(() => undefined);
      throw e;
    }
    if (this.gesloten) {
      await client.end();
      throw new Error('store closed');
    }
    this.client = client;
    this.wacht = HERSTEL_MS.eerste;
    return client;
  }

  private verloren(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.planHerstel();
  }

  private planHerstel(): void {
    if (this.gesloten || this.herstel || this.kanalen.size === 0) return;
    this.herstel = setTimeout(() => {
      this.herstel = undefined;
      this.verbind().then(
        () => this.wekkers.wekAlle(),
        () => {
          this.wacht = Math.min(this.wacht * 2, HERSTEL_MS.max);
          this.planHerstel();
        },
      );
    }, this.wacht);
    this.herstel.unref();
  }
}
