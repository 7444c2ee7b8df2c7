import type { JWK } from 'jose';
import type { Operatie } from '../../core/domain/identiteit';
import type { VertrouwelijkAanduiding } from '../../core/domain/vertrouwelijkheid';

/**
 * The `auth` section of the configuration (checked by auth-config-check.ts; format in this folder's README):
 * which tokens the facade accepts, which applicaties may do what, and the register of processing activities.
 */
export interface AuthConfig {
  /** OAuth 2.0 / OIDC issuers whose bearer JWTs (RS/ES/PS, verified against their keys) are accepted */
  readonly issuers: readonly IssuerConfig[];
  /** ZGW-style HS256 client JWTs (the Open Zaak way of many gemeenten); empty: none are accepted */
  readonly zgw: ZgwConfig;
  /** per applicatie id (the client the token names) */
  readonly applicaties: ReadonlyMap<string, ApplicatieConfig>;
  /** the register of processing activities (AVG art. 30), by id as the X-Verwerking header names it */
  readonly verwerkingen: ReadonlyMap<string, VerwerkingConfig>;
}

export const ASYMMETRISCHE_ALGORITMEN = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;
export type AsymmetrischAlgoritme = (typeof ASYMMETRISCHE_ALGORITMEN)[number];

export interface IssuerConfig {
  /** the exact `iss` of its tokens */
  readonly issuer: string;
  /** one of these must be in the token's `aud` */
  readonly audience: readonly string[];
  /** where its JWKS is fetched (cached; refetched for an unknown kid at most once per `jwksCooldownMs`) */
  readonly jwksUri?: string;
  /** or the keys themselves, for an issuer without a JWKS endpoint */
  readonly jwks?: { keys: JWK[] };
  readonly jwksTimeoutMs: number;
  readonly jwksCooldownMs: number;
  /** never `none`, never HS*: an HMAC key would have to be shared with every resource server */
  readonly algorithms: readonly AsymmetrischAlgoritme[];
  readonly clockToleranceS: number;
  /**
   * the clients of this issuer that may call the facade (their `azp`, or the applicatie claim); absent: any.
   * Applicatie ids are one name space over all issuers, so a list keeps another issuer from using a name.
   */
  readonly clients?: readonly string[];
  readonly claims: ClaimsConfig;
}

export interface ClaimsConfig {
  /** the first of these claims that is present names the applicatie */
  readonly applicatie: readonly string[];
  /** the first of these claims that is present names the user (StUF gebruiker) */
  readonly gebruiker: readonly string[];
  /** the claim with the roles: a space-separated string (`scope`, RFC 8693 §4.2) or an array of strings */
  readonly rollen: string;
}

export const DEFAULT_CLAIMS: ClaimsConfig = { applicatie: ['azp', 'client_id'], gebruiker: ['preferred_username', 'sub'], rollen: 'scope' };
export const DEFAULT_ALGORITMEN: readonly AsymmetrischAlgoritme[] = ['RS256', 'ES256', 'PS256'];

export interface ZgwConfig {
  readonly clients: ReadonlyMap<string, { readonly secret: Uint8Array }>;
  /** a token without `exp` is valid this long after its `iat` */
  readonly maxLeeftijdS: number;
  readonly clockToleranceS: number;
}

export interface ApplicatieConfig {
  readonly operaties: ReadonlySet<Operatie>;
  readonly zaaktypen: ReadonlySet<string> | 'alle';
  readonly maxVertrouwelijkheid: VertrouwelijkAanduiding;
  /** the processing activities (register ids) it may name */
  readonly verwerkingen: ReadonlySet<string>;
  /** the activity of a request that names none */
  readonly standaardVerwerking?: string;
  /** role -> operaties: when present, a token has only the operaties of its roles (within `operaties`) */
  readonly rollen?: ReadonlyMap<string, ReadonlySet<Operatie>>;
}

export interface VerwerkingConfig {
  readonly uri: string;
  readonly naam: string;
  readonly operaties: ReadonlySet<Operatie>;
}
