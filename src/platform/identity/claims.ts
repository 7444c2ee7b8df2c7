import { characterLength, isXmlText } from '../../core/domain/xml-tekst';
import type { JWTPayload } from 'jose';
import type { GeverifieerdToken } from './token-verifier';
import { unauthenticated } from './token-verifier';

/** StUF:gebruiker (stuf0301.xsd, max 100) */
const GEBRUIKER_MAX = 100;

export interface TokenIdentiteit {
  readonly applicatie: string;
  readonly gebruiker?: string;
  readonly rollen: readonly string[];
}

const eerste = (payload: JWTPayload, namen: readonly string[]): string | undefined =>
  namen.map((n) => payload[n]).find((v): v is string => typeof v === 'string' && v !== '');

/** A space-separated string (OAuth `scope`, RFC 8693 §4.2) or an array of strings (`roles`). */
function rollenVan(v: unknown): string[] {
  if (typeof v === 'string') return v.split(' ').filter((r) => r !== '');
  return Array.isArray(v) ? v.filter((r): r is string => typeof r === 'string') : [];
}

/**
 * The user goes into StUF:gebruiker as the zaaksysteem's protocol records it. One longer than 100 characters is
 * refused, not cut: two users whose names share the first 100 characters would become one in that protocol.
 */
function gebruiker(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (characterLength(v) > GEBRUIKER_MAX) throw unauthenticated(`de gebruiker in het token is langer dan ${GEBRUIKER_MAX} tekens`, 'invalid_token');
  if (!isXmlText(v)) throw unauthenticated('de gebruiker in het token bevat tekens die een StUF-bericht niet kan bevatten', 'invalid_token');
  return v;
}

/**
 * Who the token names, by the issuer's claims mapping. An issuer with a list of `clients` only speaks for
 * those: its token's applicatie, and its `azp` when present (the party the token was issued to, NL GOV OAuth
 * profile), must be on it. A ZGW client JWT names its client and, in `user_id`, the user; it has no roles.
 */
export function tokenIdentiteit(t: GeverifieerdToken): TokenIdentiteit {
  if (t.soort === 'zgw') return { applicatie: t.clientId, gebruiker: gebruiker(eerste(t.payload, ['user_id'])), rollen: [] };
  const { claims, clients } = t.issuer;
  const applicatie = eerste(t.payload, claims.applicatie);
  if (applicatie === undefined) throw unauthenticated(`het token noemt geen applicatie (${claims.applicatie.join(' of ')})`, 'invalid_token');
  const azp = typeof t.payload.azp === 'string' ? t.payload.azp : undefined;
  if (clients && (!clients.includes(applicatie) || (azp !== undefined && !clients.includes(azp)))) {
    throw unauthenticated('het token is uitgegeven aan een client die deze uitgever hier niet mag vertegenwoordigen', 'invalid_token');
  }
  return { applicatie, gebruiker: gebruiker(eerste(t.payload, claims.gebruiker)), rollen: rollenVan(t.payload[claims.rollen]) };
}
