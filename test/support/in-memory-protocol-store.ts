import type { InzageRegel, InzageVraag, LdvRegel, ProtocolBatch, ProtocolStore, Verificatie } from '../../src/platform/protocol/protocol-store.port';

/**
 * A ProtocolStore in memory for the tests of what is protocolled and when: every batch as written, and a
 * switch to make it fail (`schrijf`, `gereed` or both), to prove that the facade fails closed.
 */
export class InMemoryProtocolStore implements ProtocolStore {
  readonly batches: ProtocolBatch[] = [];
  /** calls of schrijf, also the failed ones */
  schrijfPogingen = 0;
  gereedPogingen = 0;
  faalt: { schrijf: boolean; gereed: boolean } = { schrijf: false, gereed: false };

  async schrijf(batch: ProtocolBatch): Promise<void> {
    this.schrijfPogingen++;
    if (this.faalt.schrijf) throw new Error('protocol store unavailable');
    this.batches.push(structuredClone(batch));
  }

  async gereed(): Promise<void> {
    this.gereedPogingen++;
    if (this.faalt.gereed) throw new Error('protocol store unavailable');
  }

  /** every LDV line written, in order */
  get geschreven(): LdvRegel[] {
    return this.batches.flatMap((b) => b.regels);
  }

  async inzage(vraag: InzageVraag): Promise<InzageRegel[]> {
    return this.batches.flatMap((b) =>
      b.regels
        .filter((r) => r.dataSubjectId === vraag.dataSubjectId && (vraag.van ?? -Infinity) <= r.startTime && r.startTime <= (vraag.tot ?? Infinity))
        .map((regel) => ({ regel, audit: b.audit })),
    );
  }

  async verifieer(): Promise<Verificatie> {
    return { ok: true, records: this.batches.reduce((n, b) => n + 1 + b.regels.length, 0) };
  }

  async regels(vanaf: number, max: number): Promise<{ positie: number; regel: LdvRegel }[]> {
    return this.geschreven.map((regel, i) => ({ positie: i + 1, regel })).slice(vanaf, vanaf + max);
  }

  async close(): Promise<void> {}
}
