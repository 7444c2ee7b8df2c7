import type { ConfigCheck } from '../../core/config/config-check';

/** One sender the inbound endpoint accepts (an abonnementenbeheer, a backoffice), by its StUF zender. */
export interface AfzenderConfig {
  /** its stuurgegevens zender applicatie */
  readonly applicatie: string;
  /** its zender organisatie, when it must match too */
  readonly organisatie?: string;
  /** WS-Security UsernameToken it must send (PasswordText or PasswordDigest) */
  readonly usernameToken?: { readonly username: string; readonly password: string };
  /** the TLS client certificate it must present: its SHA-256 fingerprint and/or its subject */
  readonly certificaat?: { readonly fingerprint256?: string; readonly subject?: string };
}

/** Config key `notificaties` (issue 13 §1; src/app/config/README.md). */
export interface NotificatieConfig {
  readonly afzenders: readonly AfzenderConfig[];
  /** the processing activity (from auth.verwerkingen) under which the facade reads a notified zaak */
  readonly verwerking?: string;
  /** how far a UsernameToken's Created may lie from now, and how long its nonce is remembered */
  readonly replayVensterMs: number;
  /** reads of a notified zaak before the notification is marked failed */
  readonly pogingen: number;
  /** the wait before the second read; doubled each time up to maxWachtMs */
  readonly eersteWachtMs: number;
  readonly maxWachtMs: number;
  /** how often the processor looks for work besides being woken by an arrival */
  readonly intervalMs: number;
}

export const DEFAULT_NOTIFICATIE_CONFIG: NotificatieConfig = {
  afzenders: [],
  replayVensterMs: 5 * 60_000,
  pogingen: 10,
  eersteWachtMs: 1_000,
  maxWachtMs: 5 * 60_000,
  intervalMs: 5_000,
};

/** SHA-256 fingerprint as Node's getPeerCertificate writes it: hex pairs, upper case, colon-separated. */
export const normaleVingerafdruk = (f: string): string => (f.replace(/[^0-9a-f]/gi, '').toUpperCase().match(/../g) ?? []).join(':');

function afzender(c: ConfigCheck, v: unknown, naam: string): AfzenderConfig | undefined {
  const o = c.object(v, naam);
  if (!o) return undefined;
  c.unknownKeys(o, naam, ['applicatie', 'organisatie', 'usernameToken', 'certificaat']);
  const applicatie = c.text(o.applicatie, `${naam}.applicatie`, { min: 3, max: 50 });
  const organisatie = c.text(o.organisatie, `${naam}.organisatie`, { optional: true, max: 24 });
  const ut = c.object(o.usernameToken, `${naam}.usernameToken`, { optional: true });
  let usernameToken: AfzenderConfig['usernameToken'];
  if (ut) {
    c.unknownKeys(ut, `${naam}.usernameToken`, ['username', 'password']);
    const username = c.text(ut.username, `${naam}.usernameToken.username`);
    // a short shared secret is guessed: PasswordDigest protects it on the wire, not from a dictionary
    const password = c.text(ut.password, `${naam}.usernameToken.password`, { min: 16 });
    if (username && password) usernameToken = { username, password };
  }
  const ct = c.object(o.certificaat, `${naam}.certificaat`, { optional: true });
  let certificaat: AfzenderConfig['certificaat'];
  if (ct) {
    c.unknownKeys(ct, `${naam}.certificaat`, ['fingerprint256', 'subject']);
    const f = c.text(ct.fingerprint256, `${naam}.certificaat.fingerprint256`, { optional: true });
    const subject = c.text(ct.subject, `${naam}.certificaat.subject`, { optional: true });
    if (f !== undefined && normaleVingerafdruk(f).length !== 95) c.fail(`${naam}.certificaat.fingerprint256`, 'moet een SHA-256-vingerafdruk zijn (32 bytes hex)');
    if (f === undefined && subject === undefined) c.fail(`${naam}.certificaat`, 'noem fingerprint256 en/of subject');
    certificaat = { ...(f ? { fingerprint256: normaleVingerafdruk(f) } : {}), ...(subject ? { subject } : {}) };
  }
  if (!ut && !ct) c.fail(naam, 'noem hoe de afzender zich meldt: usernameToken en/of certificaat');
  return applicatie ? { applicatie, ...(organisatie ? { organisatie } : {}), ...(usernameToken ? { usernameToken } : {}), ...(certificaat ? { certificaat } : {}) } : undefined;
}

export function parseNotificatieConfig(c: ConfigCheck, v: unknown, naam: string): NotificatieConfig {
  const d = DEFAULT_NOTIFICATIE_CONFIG;
  const o = c.object(v, naam, { optional: true });
  if (!o) return d;
  const { afzenders: lijst, verwerking: vw, ...getallen } = o;
  const g = c.numbers(getallen, naam, { replayVensterMs: d.replayVensterMs, pogingen: d.pogingen, eersteWachtMs: d.eersteWachtMs, maxWachtMs: d.maxWachtMs, intervalMs: d.intervalMs });
  if (g.pogingen < 1) c.fail(`${naam}.pogingen`, 'moet minstens 1 zijn');
  if (g.intervalMs < 100) c.fail(`${naam}.intervalMs`, 'moet minstens 100 zijn');
  if (lijst !== undefined && !Array.isArray(lijst)) c.fail(`${naam}.afzenders`, 'moet een lijst zijn');
  const afzenders = (Array.isArray(lijst) ? lijst : []).map((a, i) => afzender(c, a, `${naam}.afzenders.${i}`)).filter((a) => a !== undefined);
  const dubbel = afzenders.find((a, i) => afzenders.findIndex((b) => b.applicatie === a.applicatie && b.organisatie === a.organisatie) !== i);
  if (dubbel) c.fail(`${naam}.afzenders`, `afzender ${dubbel.applicatie} staat er twee keer in`);
  const verwerking = c.text(vw, `${naam}.verwerking`, { optional: true });
  if (afzenders.length > 0 && verwerking === undefined) c.fail(`${naam}.verwerking`, 'ontbreekt: de verwerkingsactiviteit waaronder de facade een genotificeerde zaak leest');
  return { ...g, afzenders, ...(verwerking ? { verwerking } : {}) };
}
