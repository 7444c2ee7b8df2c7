import type { RequestContext } from '../../src/core/domain/request-context';
import type { OverdrachtVerzoek, ZaakOverdracht } from '../../src/core/ports/zaak-register.port';
import type { StufClient } from '../stuf/stuf-client';
import { buildOverdragenZaakDi01 } from './overdragen-zaak.mapper';

/**
 * overdragenZaak over StUF: ZDS 1.2 backends get ZDS:overdragenZaak_Di01, ZDS 1.1 (RZS 1.0) backends the RZS
 * koppelvlak message (RZS §6.8.2). The backoffice's applicatie named in the request is the ontvanger; the
 * organisatie and administratie stay those configured for the backend. Resolves on the Bv03; the functional
 * answer arrives later as overdragenZaak_Du01 (readOverdragenZaakDu01).
 */
export class StufZaakOverdracht implements ZaakOverdracht {
  constructor(private readonly client: StufClient) {}

  overdragenZaak(ctx: RequestContext, verzoek: OverdrachtVerzoek, referentie?: string): Promise<void> {
    const bericht = buildOverdragenZaakDi01(this.client.dialect, verzoek);
    return this.client.sendBevestigd(ctx, bericht, 'Bv03', { ontvangerApplicatie: verzoek.ontvanger, referentienummer: referentie });
  }
}
