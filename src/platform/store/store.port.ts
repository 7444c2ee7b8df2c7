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

export interface Store extends Sql {
  readonly soort: StoreSoort;
  /**
   * Runs `werk` in one transaction: committed (durably: the SQLite WAL is fsynced, PostgreSQL's
   * synchronous_commit as the server has it) when it resolves, rolled back when it throws. Statements outside
   * `werk` (`query`/`run` on the store itself) are transactions of their own.
   */
  transactie<T>(werk: (tx: Sql) => Promise<T>, opties?: TransactieOpties): Promise<T>;
  /** Applies the module's migrations not yet applied; idempotent, safe with several processes starting at once. */
  migreer(module: StoreModule): Promise<void>;
  close(): Promise<void>;
}
