import type { IncomingMessage, ServerResponse } from 'node:http';
import { TLSSocket } from 'node:tls';
import type { Aanmelding } from '../../src/core/domain/notificatie';
import type { InkomendeBerichten } from '../../src/core/ports/inkomende-berichten.port';
import type { AnswerTap } from '../provider/answer-writer';
import { endpoint, endpointPath, type EndpointTable, type ProvidedOperation } from '../provider/endpoints';
import { soapProvider, type SoapHandler } from '../provider/soap-provider';
import { encodeBv03 } from '../stuf/bevestiging.codec';
import { DIALECTS, type Dialect } from '../stuf/operations';
import { readUsernameToken } from '../transport/ws-security';
import type { XEl } from '../xml/xml-parser';
import { decodeNotificeerOverZaakDi01, decodeOverdragenZaakDu01 } from './notificeer-over-zaak.mapper';

const RZS_ACTION = 'http://www.egem.nl/StUF/sector/rzs/0310';
const ZDS_ACTION = 'http://www.stufstandaarden.nl/koppelvlak/zds0120';

interface InkomendeOperatie extends ProvidedOperation {
  readonly name: 'notificeerOverZaak' | 'bevestigOverdragenZaak';
}

/**
 * What the regiesysteem provides on its OntvangAsynchroon port (RZS 1.0 rzs0310_ontvangAsynchroon_rzsberichten.wsdl):
 * notificeerOverZaak (§6.9) and bevestigOverdragenZaak, whose input is the overdragenZaak_Du01 (§6.8.4); ZDS 1.2
 * senders answer an overdracht with ZDS:overdragenZaak_Du01 (zds0120_ontvangAsynchroon_mutatie_zs-dms.wsdl). ZDS 1.1
 * systems may still send the ZDS 1.1.02 copy of the RZS messages (namespace sectormodel/rzs0310).
 */
const NOTIFICEER: InkomendeOperatie = {
  name: 'notificeerOverZaak',
  bindings: {
    'zds-1.1': { request: 'RZS:notificeerOverZaak_Di01', ookRequest: ['RZSSM:notificeerOverZaak_Di01'], soapAction: `${RZS_ACTION}/notificeerOverZaak` },
    'zds-1.2': { request: 'RZS:notificeerOverZaak_Di01', ookRequest: ['RZSSM:notificeerOverZaak_Di01'], soapAction: `${RZS_ACTION}/notificeerOverZaak` },
  },
};
const BEVESTIG: InkomendeOperatie = {
  name: 'bevestigOverdragenZaak',
  bindings: {
    'zds-1.1': { request: 'RZS:overdragenZaak_Du01', ookRequest: ['RZSSM:overdragenZaak_Du01'], soapAction: `${RZS_ACTION}/bevestigOverdragenZaak` },
    'zds-1.2': { request: 'ZDS:overdragenZaak_Du01', ookRequest: ['RZS:overdragenZaak_Du01'], soapAction: `${ZDS_ACTION}/overdragenZaak_Du01` },
  },
};

/** The facade's inbound paths: `/stuf` before the zaaksysteem's own names, one per dialect. */
export const inkomendPad = (d: Dialect): string => `/stuf${endpointPath(d, 'ontvangAsynchroon')}`;

const INKOMEND: EndpointTable<InkomendeOperatie> = new Map(DIALECTS.map((d) => [inkomendPad(d), endpoint(d, 'ontvangAsynchroon', [NOTIFICEER, BEVESTIG])]));

export const INKOMENDE_PADEN: readonly string[] = [...INKOMEND.keys()];

interface Context {
  readonly certificaat: Aanmelding['certificaat'];
}

/** The TLS client certificate, only when the server verified it against its client CA. */
function certificaat(req: IncomingMessage): Aanmelding['certificaat'] {
  const s = req.socket;
  if (!(s instanceof TLSSocket) || !s.authorized) return undefined;
  const c = s.getPeerCertificate();
  if (!c?.fingerprint256) return undefined;
  const subject = Object.entries(c.subject ?? {}).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`).join(', ');
  return { fingerprint256: c.fingerprint256, subject };
}

const envelopeVan = (bericht: XEl): XEl | undefined => bericht.parent?.parent;

export interface InkomendProviderOpties {
  berichten: InkomendeBerichten;
  maxBodyBytes: number;
  answerTap?: AnswerTap;
}

/**
 * The inbound endpoint as an HTTP handler on the SOAP provider kit: decode, hand over with the sender's
 * credentials, and answer Bv03 only once the port has stored the message (RZS §6.9.3, §6.8.5); anything else
 * is a SOAP Fault with a Fo03 and its StUF foutcode (stuf-fout.ts).
 */
export function inkomendProvider(o: InkomendProviderOpties): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const ontvang =
    (decode: (root: XEl) => Parameters<InkomendeBerichten['ontvang']>[0]): SoapHandler<InkomendeOperatie, Context> =>
    async (r) => {
      const bericht = decode(r.bericht);
      await o.berichten.ontvang(bericht, { usernameToken: readUsernameToken(envelopeVan(r.bericht)), certificaat: r.certificaat });
      return encodeBv03(r.antwoordbaar({ stuurgegevens: r.stuurgegevens }).stuurgegevens);
    };
  return soapProvider<InkomendeOperatie, Context>({
    endpoints: INKOMEND,
    handlers: { notificeerOverZaak: ontvang(decodeNotificeerOverZaakDi01), bevestigOverdragenZaak: ontvang(decodeOverdragenZaakDu01) },
    systeem: o.berichten.eigen,
    maxBodyBytes: o.maxBodyBytes,
    answerTap: o.answerTap,
    exchange: async (req) => ({ context: { certificaat: certificaat(req) } }),
  });
}
