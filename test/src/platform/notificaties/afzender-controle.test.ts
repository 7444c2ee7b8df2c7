import { describe, expect, it } from 'vitest';
import { ConfigCheck } from '../../../../src/core/config/config-check';
import { passwordDigest } from '../../../../src/core/domain/password-digest';
import { BerichtGeweigerd } from '../../../../src/core/ports/inkomende-berichten.port';
import { afzenderVan, controleerAanmelding } from '../../../../src/platform/notificaties/afzender-controle';
import { parseNotificatieConfig } from '../../../../src/platform/notificaties/notificatie-config';
import { NOTIFICATIE_TABELLEN } from '../../../../src/platform/notificaties/notificatie-tabellen';
import { openStore } from '../../../../src/platform/store/open-store';
import { GEHEUGEN_STORE } from '../../../support/test-store';

const VINGERAFDRUK = 'ab:'.repeat(31) + 'ab';

function config(v: unknown) {
  const c = new ConfigCheck();
  const n = parseNotificatieConfig(c, v, 'notificaties');
  return { n, problemen: c.problems.map((p) => `${p.name}: ${p.reason}`) };
}

describe('sender configuration', () => {
  it('is checked at start-up with clear errors', () => {
    expect(config({ afzenders: [{ applicatie: 'ZS' }] }).problemen).toEqual([
      'notificaties.afzenders.0.applicatie: moet minstens 3 tekens lang zijn',
      'notificaties.afzenders.0: noem hoe de afzender zich meldt: usernameToken en/of certificaat',
    ]);
    expect(config({ afzenders: [{ applicatie: 'ZAAKSYSTEEM', usernameToken: { username: 'u', password: 'kort' } }], verwerking: 'v' }).problemen).toEqual([
      'notificaties.afzenders.0.usernameToken.password: moet minstens 16 tekens lang zijn',
    ]);
    expect(config({ afzenders: [{ applicatie: 'ZAAKSYSTEEM', certificaat: { fingerprint256: 'AB:CD' } }] }).problemen).toEqual([
      'notificaties.afzenders.0.certificaat.fingerprint256: moet een SHA-256-vingerafdruk zijn (32 bytes hex)',
      'notificaties.verwerking: ontbreekt: de verwerkingsactiviteit waaronder de facade een genotificeerde zaak leest',
    ]);
    expect(config({ afzenders: [{ applicatie: 'ZAAKSYSTEEM', certificaat: { fingerprint256: VINGERAFDRUK.replace(/:/g, '').toLowerCase() } }], verwerking: 'v' }).n.afzenders[0]!.certificaat).toEqual({ fingerprint256: VINGERAFDRUK.toUpperCase() });
  });
});

describe('sender authentication', () => {
  const { n } = config({
    afzenders: [
      { applicatie: 'MET-CERTIFICAAT', certificaat: { fingerprint256: VINGERAFDRUK, subject: 'CN=zaaksysteem.gemeente.nl' } },
      { applicatie: 'MET-BEIDE', organisatie: '1234', certificaat: { subject: 'CN=backoffice' }, usernameToken: { username: 'bo', password: 'een-lang-wachtwoord-ja' } },
    ],
    verwerking: 'v',
  });

  const weigering = async (p: Promise<unknown>) => {
    const e = await p.then(() => undefined, (x: unknown) => x);
    return e instanceof BerichtGeweigerd ? e.reden : e;
  };

  it('names the configured sender by zender, organisatie included where configured', async () => {
    expect(afzenderVan(n.afzenders, { applicatie: 'MET-BEIDE', organisatie: '1234' }).applicatie).toBe('MET-BEIDE');
    expect(() => afzenderVan(n.afzenders, { applicatie: 'MET-BEIDE', organisatie: '9999' })).toThrow(BerichtGeweigerd);
  });

  it('accepts the right client certificate and refuses a missing or wrong one', async () => {
    const store = await openStore(GEHEUGEN_STORE);
    await store.migreer(NOTIFICATIE_TABELLEN);
    const o = { tx: store, nu: Date.now(), vensterMs: 60_000 };
    const [cert, beide] = n.afzenders;
    await expect(controleerAanmelding(cert!, { certificaat: { fingerprint256: VINGERAFDRUK.toLowerCase(), subject: 'CN=zaaksysteem.gemeente.nl' } }, o)).resolves.toBeUndefined();
    expect(await weigering(controleerAanmelding(cert!, {}, o))).toBe('niet-geauthenticeerd');
    expect(await weigering(controleerAanmelding(cert!, { certificaat: { fingerprint256: 'cd:'.repeat(31) + 'cd', subject: 'CN=zaaksysteem.gemeente.nl' } }, o))).toBe('niet-geauthenticeerd');
    expect(await weigering(controleerAanmelding(cert!, { certificaat: { fingerprint256: VINGERAFDRUK, subject: 'CN=iemand-anders' } }, o))).toBe('niet-geauthenticeerd');
    // both configured: both needed
    const created = new Date(o.nu).toISOString();
    const nonce = Buffer.from('nonce-van-16-byt');
    const token = { username: 'bo', password: passwordDigest(nonce, created, 'een-lang-wachtwoord-ja'), type: 'PasswordDigest' as const, nonce: nonce.toString('base64'), created };
    expect(await weigering(controleerAanmelding(beide!, { usernameToken: token }, o))).toBe('niet-geauthenticeerd');
    await expect(controleerAanmelding(beide!, { usernameToken: token, certificaat: { fingerprint256: VINGERAFDRUK, subject: 'CN=backoffice' } }, o)).resolves.toBeUndefined();
    await store.close();
  });
});
