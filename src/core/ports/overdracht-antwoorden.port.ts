import type { OverdrachtAntwoord } from '../domain/voorziening';

/**
 * The backoffices' answers to our overdrachten (RZS §6.8.4 overdragenZaak_Du01), which arrive at the facade's
 * inbound endpoint and not through the zaaksysteem: the zaak itself does not show a technical refusal.
 */
export interface OverdrachtAntwoorden {
  /** per zaak asked that has one, the latest answer received */
  laatste(zaken: readonly string[]): Promise<ReadonlyMap<string, OverdrachtAntwoord>>;
}
