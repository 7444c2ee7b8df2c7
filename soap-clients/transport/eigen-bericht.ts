import { expectBevestiging } from '../stuf/bevestiging.codec';
import { parseXml } from '../xml/xml-parser';
import { toXml, type XmlElement } from '../xml/xml-writer';
import { readSoapEnvelope, soapEnvelope } from './soap-envelope';
import { usernameTokenHeader, type WsSecurityConfig } from './ws-security';

/** Where a message sent of one's own accord goes: an OntvangAsynchroon endpoint, with the UsernameToken it wants. */
export interface Bestemming {
  url: string;
  wsSecurity?: WsSecurityConfig;
}

const TIMEOUT_MS = 10_000;

/**
 * Sends one StUF message a system sends of its own accord, not as a configured backend's client: a notification
 * (RZS §6.9) or a backoffice's overdragenZaak_Du01 (§6.8.4). The receiver stores it and acknowledges with Bv03;
 * a Fo03 or anything else is an Error for the sender to retry. `tap` sees the message as sent.
 */
export async function verstuurEigenBericht(doel: Bestemming, soapAction: string, bericht: XmlElement, tap?: (xml: string) => void): Promise<void> {
  const header = doel.wsSecurity ? [usernameTokenHeader(doel.wsSecurity)] : [];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>${toXml(soapEnvelope(bericht, header))}`;
  tap?.(xml);
  const res = await fetch(doel.url, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${soapAction}"` },
    body: xml,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const antwoord = readSoapEnvelope(parseXml(await res.text()));
  if ('fault' in antwoord) throw new Error(`Fo03 ${antwoord.fault.stuf?.code ?? ''} ${antwoord.fault.stuf?.details?.slice(0, 200) ?? ''}`.trim());
  expectBevestiging(antwoord.body, 'Bv03');
}
