import { FacadeError } from '../../core/domain/errors';
import type { Sql, Store, StoreModule } from './store.port';

const TABEL = `CREATE TABLE IF NOT EXISTS facade_migraties (
  module TEXT NOT NULL,
  versie INTEGER NOT NULL,
  omschrijving TEXT NOT NULL,
  toegepast_op BIGINT NOT NULL,
  PRIMARY KEY (module, versie)
)`;

/**
 * Applies a module's migrations that `facade_migraties` does not list yet, each with its row, in one
 * transaction under one slot (after the table itself, in one of its own): two processes starting on one PostgreSQL at once apply each migration once, and
 * a failing migration leaves the schema as it was. A database that has a version this code does not know (a
 * newer facade ran on it) is refused rather than used with a schema it does not understand.
 */
export async function migreer(store: Store, module: StoreModule): Promise<void> {
  module.migraties.forEach((m, i) => {
    if (m.versie !== i + 1) throw new FacadeError('INTERNAL', `migraties van ${module.naam}: versie ${m.versie} op plaats ${i + 1}`);
  });
  await store.transactie((tx) => tx.exec(TABEL), { slot: 'facade_migraties' });
  await store.transactie(
    async (tx) => {
      const rows = await tx.query<{ versie: number }>('SELECT MAX(versie) AS versie FROM facade_migraties WHERE module = ?', [module.naam]);
      const hoogste = rows[0]?.versie ?? 0;
      if (hoogste > module.migraties.length) {
        throw new FacadeError(
          'CONFIG_INVALID',
          `opslag: module ${module.naam} staat op schemaversie ${hoogste}, deze versie van de facade kent er ${module.migraties.length}; start een nieuwere versie`,
        );
      }
      for (const m of module.migraties.slice(hoogste)) await pasToe(tx, store.soort, module.naam, m);
    },
    { slot: 'facade_migraties' },
  );
}

async function pasToe(tx: Sql, soort: Store['soort'], module: string, m: StoreModule['migraties'][number]): Promise<void> {
  await tx.exec(typeof m.sql === 'string' ? m.sql : m.sql[soort]);
  await tx.run('INSERT INTO facade_migraties (module, versie, omschrijving, toegepast_op) VALUES (?, ?, ?, ?)', [module, m.versie, m.omschrijving, Date.now()]);
}
