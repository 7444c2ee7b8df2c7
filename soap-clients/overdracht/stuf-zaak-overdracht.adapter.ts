import type { RequestContext } from '../../src/core/domain/request-context';
import type { OverdrachtVerzoek, ZaakOverdracht } from '../../src/core/ports/zaak-register.port';
import { expectBevestiging } from '../stuf/bevestiging.codec';
import { OPERATIONS } from '../stuf/operations';
import { requestStuurgegevens } from '../stuf/stuurgegevens';
import type { ZdsBackend } from '../transport/soap-transport';
import { buildOverdragenZaakDi01 } from './overdragen-zaak.mapper';

/**
 * overdragenZaak over StUF: ZDS 1.2 backends get ZDS:overdragenZaak_Di01, ZDS 1.1 (RZS 1.0) backends the RZS
 * koppelvlak message (RZS §6.8.2). The backoffice's applicatie named in the request is the ontvanger; the
 * organisatie and administratie stay those configured for the backend. Resolves on the Bv03; the functional
 * answer arrives later as overdragenZaak_Du01 (readOverdragenZaakDu01).
 */
export class StufZaakOverdracht implements ZaakOverdracht {
  constructor(private readonly backend: ZdsBackend) {}

  async overdragenZaak(ctx: RequestContext, verzoek: OverdrachtVerzoek): Promise<void> {
    const op = OPERATIONS.overdragenZaak;
    const { dialect, transport } = this.backend;
    const zender = ctx.gebruiker ? { ...this.backend.zender, gebruiker: ctx.gebruiker } : this.backend.zender;
    const sg = requestStuurgegevens(op, dialect, zender, { ...this.backend.ontvanger, applicatie: verzoek.ontvanger });
    const body = buildOverdragenZaakDi01(dialect, sg, verzoek);
    expectBevestiging(await transport.send({ ctx, operation: op, body }), 'Bv03');
  }
}
