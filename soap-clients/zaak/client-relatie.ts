import type { ClientRelatie } from '../../src/core/domain/client-relatie';
import type { NatuurlijkPersoon, Zaak, ZaakVeld } from '../../src/core/domain/zaak';

/** The StUF relation(s) that carry a client under `relatie`. */
export type ClientRelatieElement = 'heeftBetrekkingOp' | 'heeftAlsInitiator';

export const clientRelaties = (relatie: ClientRelatie): ClientRelatieElement[] =>
  relatie === 'beide' ? ['heeftBetrekkingOp', 'heeftAlsInitiator'] : [relatie];

/**
 * The scope to ask for `velden`: the field `clients` is read from the configured relation(s), so with
 * heeftAlsInitiator the initiator is asked for (the domain field `clients` stands for the scope heeftBetrekkingOp).
 */
export function scopeVelden(velden: readonly ZaakVeld[], relatie: ClientRelatie): ZaakVeld[] {
  if (!velden.includes('clients')) return [...velden];
  const uit = new Set<ZaakVeld>(velden.filter((v) => v !== 'clients'));
  for (const r of clientRelaties(relatie)) uit.add(r === 'heeftBetrekkingOp' ? 'clients' : 'initiator');
  return [...uit];
}

/**
 * A zaak as read with scopeVelden, back to `velden`: its clients are the persons of the configured relation(s),
 * each BSN once, heeftBetrekkingOp first; an initiator asked for only to find the client is left out again.
 */
export function metClients(zaak: Zaak, velden: readonly ZaakVeld[], relatie: ClientRelatie): Zaak {
  if (!velden.includes('clients') || relatie === 'heeftBetrekkingOp') return zaak;
  const relaties = clientRelaties(relatie);
  const { initiator, clients: _gelezen, ...rest } = zaak;
  const kandidaten: NatuurlijkPersoon[] = [
    ...(relaties.includes('heeftBetrekkingOp') ? (zaak.clients ?? []) : []),
    ...(relaties.includes('heeftAlsInitiator') && initiator?.soort === 'natuurlijkPersoon' ? [initiator.persoon] : []),
  ];
  const clients = kandidaten.filter((p, i) => kandidaten.findIndex((q) => q.bsn === p.bsn) === i);
  return { ...rest, ...(velden.includes('initiator') && initiator ? { initiator } : {}), clients };
}
