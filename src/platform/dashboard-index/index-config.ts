import type { ConfigCheck } from '../../core/config/config-check';
import { sleutelUitTekst } from '../protocol/pseudoniem';

/** Config key `index` (issue 13 §5; src/app/config/README.md "The dashboard index"). */
export interface IndexConfig {
  /** keep the index and answer heeftGezinsplan from it when fresh; off: always the live searches (default: on in development) */
  aan: boolean;
  /** the index answers only while its last completed full sync is at most this old */
  versheidMs: number;
  /** ... and while the oldest event it has not handled yet is at most this old */
  maxAchterstandMs: number;
  /** a full sync (reconciliation) starts when the last one completed longer ago than this */
  reconcileMs: number;
  /** StUF maximumAantal of each page of the full sync */
  paginaGrootte: number;
  /** the processing activity (register id) under which the index reads the zaaksysteem, for the protocol */
  verwerking: string;
  /** the HMAC key of the client keys; absent: one generated and kept in the store (development only) */
  sleutel?: Buffer;
}

export const DEFAULT_INDEX_CONFIG: IndexConfig = {
  aan: false,
  versheidMs: 60 * 60_000,
  maxAchterstandMs: 60_000,
  reconcileMs: 15 * 60_000,
  paginaGrootte: 100,
  verwerking: 'dashboard-signalering',
};

export function parseIndexConfig(c: ConfigCheck, v: unknown, naam: string, d: IndexConfig = DEFAULT_INDEX_CONFIG): IndexConfig {
  const o = c.object(v, naam, { optional: true });
  if (!o) return d;
  const { sleutel, verwerking, ...getallen } = o;
  const { sleutel: _s, verwerking: _v, ...standaard } = d;
  const g = c.numbers(getallen, naam, standaard);
  for (const k of ['versheidMs', 'maxAchterstandMs', 'reconcileMs'] as const) if (g[k] < 100) c.fail(`${naam}.${k}`, 'moet minstens 100 zijn');
  if (!Number.isInteger(g.paginaGrootte) || g.paginaGrootte < 1 || g.paginaGrootte > 10_000) c.fail(`${naam}.paginaGrootte`, 'moet een geheel getal van 1 tot 10000 zijn');
  // a reconciliation that comes later than the freshness bound would leave the index stale every time in between
  if (g.reconcileMs >= g.versheidMs) c.fail(`${naam}.reconcileMs`, 'moet kleiner zijn dan versheidMs');
  const tekst = c.text(sleutel, `${naam}.sleutel`, { optional: true });
  const k = tekst === undefined ? undefined : sleutelUitTekst(c, tekst, `${naam}.sleutel`);
  return { ...g, verwerking: c.text(verwerking, `${naam}.verwerking`, { optional: true, min: 1 }) ?? d.verwerking, ...(k ? { sleutel: k } : {}) };
}
