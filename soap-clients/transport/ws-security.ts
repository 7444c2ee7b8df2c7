import { createHash, randomBytes } from 'node:crypto';
import { el, leaf, type XmlElement } from '../xml/xml-writer';

/**
 * WS-Security UsernameToken (OASIS Username Token Profile 1.0), the credential some zaaksystemen want in the SOAP
 * Header. Written with our own XML builder instead of `soap`'s WSSecurity, which returns an XML string with its own
 * prefixes that cannot be placed into a streamed envelope. PasswordDigest = Base64(SHA-1(nonce + created + password))
 * (profile §3.1); a fresh nonce and Created on every message let the server refuse replays.
 */
export interface WsSecurityConfig {
  username: string;
  password: string;
  passwordType: 'PasswordText' | 'PasswordDigest';
}

const PROFILE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0';
const BASE64_BINARY = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';

export function passwordDigest(nonce: Buffer, created: string, password: string): string {
  return createHash('sha1')
    .update(Buffer.concat([nonce, Buffer.from(created, 'utf8'), Buffer.from(password, 'utf8')]))
    .digest('base64');
}

export function usernameTokenHeader(
  cfg: WsSecurityConfig,
  now: Date = new Date(),
  nonce: Buffer = randomBytes(16),
): XmlElement {
  const created = now.toISOString();
  const password = cfg.passwordType === 'PasswordDigest' ? passwordDigest(nonce, created, cfg.password) : cfg.password;
  return el('wsse:Security', { 'soap11:mustUnderstand': '1' }, [
    el('wsse:UsernameToken', undefined, [
      leaf('wsse:Username', cfg.username),
      leaf('wsse:Password', password, { Type: `${PROFILE}#${cfg.passwordType}` }),
      leaf('wsse:Nonce', nonce.toString('base64'), { EncodingType: BASE64_BINARY }),
      leaf('wsu:Created', created),
    ]),
  ]);
}
