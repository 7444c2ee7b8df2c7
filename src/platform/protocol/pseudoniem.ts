import { createHmac, randomBytes } from 'node:crypto';
import type { ConfigCheck } from '../../core/config/config-check';
import type { Store } from '../store/store.port';
import { PROTOCOL_MODULE } from './protocol-tabellen';

/** Config key `protocol`. */
export interface ProtocolConfig {
  /** the HMAC key of the pseudonyms; absent: one generated and kept in the store (development only) */
  sleutel?: Buffer;
}

/** A key shorter than the hash it keys adds nothing an attacker must guess beyond its own length (RFC 2104 §3). */
const MIN_SLEUTEL_BYTES = 32;

/** `{ "sleutel": "<base64, at least 32 bytes decoded>" }` */
export function parseProtocolConfig(c: ConfigCheck, raw: unknown, naam: string): ProtocolConfig {
  const o = c.object(raw, naam, { optional: true });
  if (!o) return {};
  c.unknownKeys(o, naam, ['sleutel']);
  const tekst = c.text(o.sleutel, `${naam}.sleutel`, { optional: true });
  const sleutel = tekst === undefined ? undefined : sleutelUitTekst(c, tekst, `${naam}.sleutel`);
  return sleutel ? { sleutel } : {};
}

/** An HMAC key in configuration: base64 of at least MIN_SLEUTEL_BYTES bytes (also the dashboard index's). */
export function sleutelUitTekst(c: ConfigCheck, tekst: string, naam: string): Buffer | undefined {
  const sleutel = Buffer.from(tekst, 'base64');
  if (sleutel.toString('base64').replace(/=+$/, '') !== tekst.replace(/=+$/, '')) return c.fail(naam, 'is geen base64');
  if (sleutel.length < MIN_SLEUTEL_BYTES) return c.fail(naam, `moet minstens ${MIN_SLEUTEL_BYTES} bytes zijn (base64 van ${MIN_SLEUTEL_BYTES} willekeurige bytes)`);
  return sleutel;
}

/**
 * dpl.core.data_subject_id: the BSN as keyed HMAC-SHA-256 (hex). LDV asks for the subject id "versleuteld";
 * a plain hash of a nine-digit number is reversed by trying all 10^9, a keyed one only with the key.
 */
export function pseudonimiseerder(sleutel: Buffer): (bsn: string) => string {
  return (bsn) => createHmac('sha256', sleutel).update(bsn).digest('hex');
}

/**
 * The configured key, or else the one kept in the store (table `protocol_sleutel`), generated at the first
 * start, so pseudonyms stay the same over restarts and the inzage finds older lines. A key beside the
 * pseudonyms protects them only from who cannot read the database: production configures its own.
 */
export async function protocolSleutel(store: Store, config: ProtocolConfig): Promise<Buffer> {
  if (config.sleutel) return config.sleutel;
  await store.migreer(PROTOCOL_MODULE);
  return bewaardeSleutel(store, 'protocol_sleutel');
}

/** The key in `tabel` (id 1, sleutel base64), generated at the first start; the dashboard index keeps its own so. */
export function bewaardeSleutel(store: Store, tabel: 'protocol_sleutel' | 'index_sleutel'): Promise<Buffer> {
  return store.transactie(async (tx) => {
    // two processes starting at once: the first insert wins, both read the same key
    await tx.run(`INSERT INTO ${tabel} (id, sleutel) VALUES (1, ?) ON CONFLICT (id) DO NOTHING`, [randomBytes(MIN_SLEUTEL_BYTES).toString('base64')]);
    const [rij] = await tx.query<{ sleutel: string }>(`SELECT sleutel FROM ${tabel} WHERE id = 1`);
    return Buffer.from(rij!.sleutel, 'base64');
  });
}
