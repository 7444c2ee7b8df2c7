import { randomBytes } from 'node:crypto';
import { passwordDigest } from '../../src/core/domain/password-digest';
import type { Aanmelding } from '../../src/core/domain/notificatie';
import { NS } from '../xml/namespaces';
import { child, type XEl } from '../xml/xml-parser';
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

/**
 * The UsernameToken of a received envelope's wsse:Security header (the receiving side of the profile), as sent:
 * checking it against the configured senders is not the XML side's business. Undefined without one.
 */
export function readUsernameToken(envelope: XEl | undefined): NonNullable<Aanmelding['usernameToken']> | undefined {
  const header = envelope?.children.find((c) => c.local === 'Header' && c.uri === envelope.uri);
  const token = child(child(header, NS.wsse, 'Security'), NS.wsse, 'UsernameToken');
  if (!token) return undefined;
  const wachtwoord = child(token, NS.wsse, 'Password');
  const type = wachtwoord?.attrs.get('Type')?.endsWith('#PasswordDigest') ? 'PasswordDigest' : 'PasswordText';
  const nonce = child(token, NS.wsse, 'Nonce')?.text.trim();
  const created = child(token, NS.wsu, 'Created')?.text.trim();
  return {
    username: child(token, NS.wsse, 'Username')?.text.trim() ?? '',
    password: wachtwoord?.text.trim() ?? '',
    type,
    ...(nonce ? { nonce } : {}),
    ...(created ? { created } : {}),
  };
}
