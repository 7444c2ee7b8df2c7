import path from 'node:path';
import type { ConfigCheck } from '../../core/config/config-check';

/** Config key `journaal` (issue 12 §3; README "Exactly once"). */
export interface JournaalConfig {
  /** how long an entry stays held by the process running it without a sign of life; after that another may resume it */
  leaseMs: number;
  /** how often the resume worker looks for entries nobody runs */
  hervatMs: number;
  /** the directory document content is spooled to; instances sharing one PostgreSQL share it too (README) */
  spoolPad: string;
}

export const defaultJournaalConfig = (dataDir: string): JournaalConfig => ({ leaseMs: 10_000, hervatMs: 5_000, spoolPad: path.join(dataDir, 'spool') });

export function parseJournaalConfig(c: ConfigCheck, v: unknown, naam: string, dataDir: string): JournaalConfig {
  const d = defaultJournaalConfig(dataDir);
  const o = c.object(v, naam, { optional: true });
  if (!o) return d;
  const { spoolPad, ...getallen } = o;
  const g = c.numbers(getallen, naam, { leaseMs: d.leaseMs, hervatMs: d.hervatMs });
  // a sign of life goes out every third of the lease: shorter than a second would be mostly signs of life
  if (g.leaseMs < 1000) c.fail(`${naam}.leaseMs`, 'moet minstens 1000 zijn');
  if (g.hervatMs < 100) c.fail(`${naam}.hervatMs`, 'moet minstens 100 zijn');
  return { ...g, spoolPad: c.text(spoolPad, `${naam}.spoolPad`, { optional: true, min: 1 }) ?? d.spoolPad };
}
