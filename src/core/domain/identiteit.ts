import { binnenVertrouwelijkheid, STANDAARD_VERTROUWELIJKHEID, type VertrouwelijkAanduiding } from './vertrouwelijkheid';

/**
 * What a caller may do, per applicatie (Open Zaak's authorisation model: scopes, zaaktypen and a maximum
 * vertrouwelijkheidaanduiding). `dashboard` is only the heeftGezinsplan booleans, never plan content;
 * `protocol-inzage` is the privacy officer's view of the protocol.
 */
export const OPERATIES = ['lezen', 'schrijven', 'dashboard', 'protocol-inzage'] as const;
export type Operatie = (typeof OPERATIES)[number];

export interface Rechten {
  readonly operaties: ReadonlySet<Operatie>;
  /** zaaktype codes this caller may see; 'alle' for every zaaktype. A zaak of another zaaktype does not exist for it. */
  readonly zaaktypen: ReadonlySet<string> | 'alle';
  /** documents more confidential than this do not exist for this caller */
  readonly maxVertrouwelijkheid: VertrouwelijkAanduiding;
}

export const zaaktypeToegestaan = (rechten: Rechten, code: string | undefined): boolean =>
  rechten.zaaktypen === 'alle' || (code !== undefined && rechten.zaaktypen.has(code));

/** ZEER GEHEIM is the top of the order (vertrouwelijkheid.ts): such a caller sees every document, also one without aanduiding. */
export const beperktOpVertrouwelijkheid = (rechten: Rechten): boolean => rechten.maxVertrouwelijkheid !== 'ZEER GEHEIM';

/** Whether the caller may add a document with this aanduiding; given none, the register records STANDAARD_VERTROUWELIJKHEID. */
export const toevoegenToegestaan = (rechten: Rechten, aanduiding: string | undefined): boolean =>
  !beperktOpVertrouwelijkheid(rechten) || binnenVertrouwelijkheid(aanduiding ?? STANDAARD_VERTROUWELIJKHEID, rechten.maxVertrouwelijkheid);

/** Who asks: the applicatie (a client of the facade) and, where a person acts through it, the user. */
export interface Identiteit {
  readonly applicatie: string;
  /** the user as the token names them; also StUF:gebruiker (max 100) */
  readonly gebruiker?: string;
  readonly rechten: Rechten;
}

/**
 * A processing activity (verwerkingsactiviteit) from the register the gemeente keeps (AVG art. 30). LDV
 * protocols its URI as `dpl.core.processing_activity_id`; a request may only do what the activity allows.
 */
export interface Verwerking {
  readonly id: string;
  readonly uri: string;
  readonly naam: string;
  readonly operaties: ReadonlySet<Operatie>;
}
