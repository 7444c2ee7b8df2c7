import { timingSafeEqual } from 'node:crypto';
import type { Aanmelding, Afzender } from '../../core/domain/notificatie';
import { passwordDigest } from '../../core/domain/password-digest';
import { BerichtGeweigerd } from '../../core/ports/inkomende-berichten.port';
import type { Sql } from '../store/store.port';
import { normaleVingerafdruk, type AfzenderConfig } from './notificatie-config';

const gelijk = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  // timingSafeEqual needs equal lengths; comparing with itself keeps the time independent of where they differ
  return x.length === y.length ? timingSafeEqual(x, y) : (timingSafeEqual(x, x), false);
};

const geweigerd = (m: string) => new BerichtGeweigerd('niet-geauthenticeerd', m);

/** The configured sender a message's zender names: applicatie, and organisatie where configured. */
export function afzenderVan(afzenders: readonly AfzenderConfig[], zender: Afzender): AfzenderConfig {
  const a = afzenders.find((x) => x.applicatie === zender.applicatie && (x.organisatie === undefined || x.organisatie === zender.organisatie));
  if (!a) throw new BerichtGeweigerd('zender-onbekend', `zender ${zender.applicatie.slice(0, 50)} is geen bekende afzender`);
  return a;
}

/**
 * Checks every credential the sender is configured with (both, when both are): the TLS client certificate the
 * server verified, and the UsernameToken. A PasswordDigest needs Nonce and Created (profile §3.1); Created must
 * lie within the window and a nonce counts once: it is recorded in `tx` (the store, shared by instances), so a
 * replayed message is refused wherever it arrives. A PasswordText with a nonce is held to the same.
 */
export async function controleerAanmelding(a: AfzenderConfig, m: Aanmelding, o: { tx: Sql; nu: number; vensterMs: number }): Promise<void> {
  if (a.certificaat) {
    const c = m.certificaat;
    if (!c) throw geweigerd('geen clientcertificaat');
    if (a.certificaat.fingerprint256 && normaleVingerafdruk(c.fingerprint256) !== a.certificaat.fingerprint256) throw geweigerd('clientcertificaat past niet bij de afzender');
    if (a.certificaat.subject && c.subject !== a.certificaat.subject) throw geweigerd('clientcertificaat past niet bij de afzender');
  }
  if (!a.usernameToken) return;
  const t = m.usernameToken;
  if (!t || !gelijk(t.username, a.usernameToken.username)) throw geweigerd('geen of een onbekende UsernameToken');
  if (t.type === 'PasswordDigest' && (!t.nonce || !t.created)) throw geweigerd('PasswordDigest zonder Nonce en Created');
  const verwacht = t.type === 'PasswordDigest' ? passwordDigest(Buffer.from(t.nonce!, 'base64'), t.created!, a.usernameToken.password) : a.usernameToken.password;
  if (!gelijk(t.password, verwacht)) throw geweigerd('wachtwoord klopt niet');
  if (t.created !== undefined) {
    const created = Date.parse(t.created);
    if (!Number.isFinite(created) || Math.abs(o.nu - created) > o.vensterMs) throw geweigerd('Created valt buiten het venster');
  }
  if (t.nonce !== undefined) {
    await o.tx.run('DELETE FROM facade_notificatie_nonce WHERE tot < ?', [o.nu]);
    const n = await o.tx.run('INSERT INTO facade_notificatie_nonce (afzender, nonce, tot) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [a.applicatie, t.nonce, o.nu + 2 * o.vensterMs]);
    if (n === 0) throw geweigerd('nonce al gebruikt');
  }
}
