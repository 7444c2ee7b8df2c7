import { FacadeError, type StufFout } from '../../src/core/domain/errors';
import { systemContext } from '../../src/core/domain/request-context';
import type { BackendConfig } from '../config/backend-config';
import { buildGeefLijstZaakdocumentenLv01 } from '../document/geef-lijst-zaakdocumenten.mapper';
import type { Dialect, Role } from '../stuf/operations';
import type { StufBericht } from '../stuf/stuf-bericht';
import { StufClient } from '../stuf/stuf-client';
import { HttpSoapTransport } from '../transport/http-soap-transport';
import { buildGeefZaakdetailsLv01, buildZoekZakenLv01 } from '../zaak/zakLv01.mapper';

/**
 * Questions that change nothing in the zaaksysteem, sent through the facade's own StUF client and transport so
 * that the configured stuurgegevens, TLS and WS-Security are what is tried. The answer's content is never kept:
 * only whether it was accepted, and the StUF foutcode when it was not.
 */
export type ProefUitkomst =
  | { soort: 'geaccepteerd' }
  /** a Fo0x about the stuurgegevens (StUF 03.01 Tabel 4.1): the message was read, its addressing refused */
  | { soort: 'stuurgegevens'; fout: StufFout }
  | { soort: 'fout'; code: string; fout?: StufFout };

/** an identificatie no zaak has: a question about it is answered StUF064 by a system that understood it */
const ONBEKENDE_ZAAK = 'DOCTOR-GEEN-ZAAK';

/**
 * StUF 03.01 Tabel 4.1: the codes with which a system refuses who sent a message or to whom it was sent, i.e.
 * the zender, ontvanger or the sender's authorisation, not the question itself.
 */
const STUURGEGEVENS_CODES = new Set(['StUF010', 'StUF013', 'StUF052']);

async function stuur(config: BackendConfig, role: Role, dialect: Dialect, bericht: (d: Dialect) => StufBericht): Promise<ProefUitkomst> {
  const transport = new HttpSoapTransport({ ...config, dialect });
  const client = new StufClient({ role, dialect, zender: config.zender, ontvanger: config.ontvanger, transport });
  try {
    await client.send(systemContext('doctor'), bericht(dialect));
    return { soort: 'geaccepteerd' };
  } catch (e) {
    const err = FacadeError.from(e);
    // StUF064 'Object niet gevonden' (Tabel 5.8): the question was understood and answered
    if (err.code === 'NOT_FOUND') return { soort: 'geaccepteerd' };
    if (err.stuf && STUURGEGEVENS_CODES.has(err.stuf.code)) return { soort: 'stuurgegevens', fout: err.stuf };
    return { soort: 'fout', code: err.code, ...(err.stuf ? { fout: err.stuf } : {}) };
  } finally {
    await transport.close();
  }
}

/**
 * Whether the backend understands `dialect`: a question in that dialect's own form (ZDS 1.2 geefZaakdetails_ZakLv01
 * or the ZDS 1.1 ZKN:zakLv01 with the geefZaakdetails_Lv01 soapAction; for a DMS geefLijstZaakdocumenten) about a
 * zaak that does not exist. A system of the other dialect refuses the soapAction or the root element.
 */
export const vraagInDialect = (config: BackendConfig, role: Role, dialect: Dialect): Promise<ProefUitkomst> =>
  stuur(config, role, dialect, (d) =>
    role === 'zaak' ? buildGeefZaakdetailsLv01(d, ONBEKENDE_ZAAK, []) : buildGeefLijstZaakdocumentenLv01(d, ONBEKENDE_ZAAK),
  );

/**
 * The one harmless read of issue 14 §7: a zakLv01 search with maximumAantal 1, in the configured dialect, on a
 * zaaktype code no gemeente uses, so the answer is at most one zaak and nothing of it is shown. A DMS answers no
 * zaak search: it gets the geefLijstZaakdocumenten question of `vraagInDialect`.
 */
export const proefLezing = (config: BackendConfig, role: Role): Promise<ProefUitkomst> =>
  role === 'zaak'
    ? stuur(config, role, config.dialect, (d) => buildZoekZakenLv01(d, { zaaktypeCode: 'DOCTOR' }, [], 1))
    : vraagInDialect(config, role, config.dialect);
