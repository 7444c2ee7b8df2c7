/**
 * The facade's own relational store: the protocol (LDV) now, idempotency keys, the step journal, webhooks and
 * the index next. One port, two adapters (embedded SQLite, PostgreSQL), one contract suite
 * (test/src/platform/store/store.contract.ts).
 *
 * Portable SQL, so a module writes each statement once:
 * - placeholders are `?`, bound in order; the PostgreSQL adapter numbers them (`$1`, `$2`, …). A `?` inside a
 *   quoted literal or identifier is left alone; PostgreSQL's jsonb `?` operators cannot be used (write
 *   `jsonb_exists(...)`).
 * - values are text, numbers (integers up to 2^53: a PostgreSQL `bigint` reads back as a number, not a string),
 *   bytes (Buffer) and null; booleans are 0/1. Column names come back as written in lower case.
 * - DDL may differ per database (types, identity columns): a migration then gives one text per `soort`.
 */
export type SqlWaarde = string | number | Buffer | null;

export interface Sql {
  /** the rows a statement returns (none for a statement that returns none) */
  query<R = Record<string, unknown>>(sql: string, params?: readonly SqlWaarde[]): Promise<R[]>;
  /** the number of rows a statement changed */
  run(sql: string, params?: readonly SqlWaarde[]): Promise<number>;
  /** several statements without parameters, such as a migration's DDL */
  exec(sql: string): Promise<void>;
}

export type StoreSoort = 'sqlite' | 'postgres';

export interface TransactieOpties {
  /**
   * Work that must not interleave with other work of the same name, in this process or any other on the same
   * database (a chain append, a counter): PostgreSQL takes a transaction-scoped advisory lock on the name;
   * SQLite runs every transaction alone anyway (BEGIN IMMEDIATE, one writer per database file).
   */
  slot?: string;
}

/** One module's schema history: versions 1, 2, … each applied once, in order, at start (table `facade_migraties`). */
export interface StoreModule {
  naam: string;
  migraties: readonly Migratie[];
}

export interface Migratie {
  versie: number;
  omschrijving: string;
  sql: string | Record<StoreSoort, string>;
}

/** The statements of one transaction, and the wake-ups it sends when it commits. */
export interface Transactie extends Sql {
  /**
   * Wakes the listeners of `kanaal` (`luister`) once this transaction commits, and not when it rolls back. A
   * wake-up carries nothing and may be lost (PostgreSQL: a LISTEN connection that is down): the table stays the
   * source of truth, so a listener also polls.
   */
  meld(kanaal: string): Promise<void>;
}

export interface Store extends Sql {
  readonly soort: StoreSoort;
  /**
   * Runs `werk` in one transaction: committed (durably: the SQLite WAL is fsynced, PostgreSQL's
   * synchronous_commit as the server has it) when it resolves, rolled back when it throws. Statements outside
   * `werk` (`query`/`run` on the store itself) are transactions of their own.
   */
  transactie<T>(werk: (tx: Transactie) => Promise<T>, opties?: TransactieOpties): Promise<T>;
  /**
   * Calls `fn` after each committed `meld(kanaal)` of every instance on this database (PostgreSQL: LISTEN/NOTIFY
   * on a channel of this schema, over a connection of its own that reconnects after a loss and then calls `fn`
   * once for what it may have missed; SQLite: this instance only). Resolves with the stop once listening.
   */
  luister(kanaal: string, fn: () => void): Promise<() => Promise<void>>;
  /** Applies the module's migrations not yet applied; idempotent, safe with several processes starting at once. */
  migreer(module: StoreModule): Promise<void>;
  close(): Promise<void>;
}
