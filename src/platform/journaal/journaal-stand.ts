import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { JournaalStand, JournaalVraag, Sleutel } from '../idempotency/idempotency.service';
import type { Sql } from '../store/store.port';
import type { Journaal, Toestand } from './journaal';

const OPDRACHT: Record<Toestand, JournaalStand['opdracht']> = { bezig: 'bezig', wacht: 'bezig', klaar: 'klaar', mislukt: 'mislukt', onbekend: 'onbekend' };

/** What the journal knows of a key's mutation, for the Idempotency-Key records (idempotency.service.ts). */
export function journaalStand(journaal: Journaal): JournaalVraag {
  const vraag = async (sql: Sql, s: Sleutel): Promise<JournaalStand | undefined> => {
    const e = await journaal.opSleutel(s.applicatie, s.sleutel, sql);
    if (!e) return undefined;
    return { toestand: journaal.levend(e) ? 'levend' : 'hervatbaar', opdracht: OPDRACHT[e.toestand] };
  };
  return Object.assign(vraag, { leaseMs: journaal.leaseMs });
}

/** This process as an entry's holder: host and pid for an operator, and a random part, since pids are reused. */
export const procesNaam = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
