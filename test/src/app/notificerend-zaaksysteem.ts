import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../../../src/app/config/app-config';
import { ConfigCheck } from '../../../src/core/config/config-check';
import { parseNotificatieConfig } from '../../../src/platform/notificaties/notificatie-config';
import { TEST_VERWERKING } from '../../support/test-auth';
import type { AppHarness } from './app-harness';

const WACHTWOORD = 'het-wachtwoord-van-het-zaaksysteem';

/** The harness's embedded zaaksysteem as the one sender of notifications, with a UsernameToken. */
export function ontvangNotificaties(c: AppConfig, extra: Record<string, unknown> = {}): void {
  const check = new ConfigCheck();
  c.notificaties = parseNotificatieConfig(check, {
    afzenders: [{ applicatie: 'ZAAKSYSTEEM', organisatie: '9999', usernameToken: { username: 'zaaksysteem', password: WACHTWOORD } }],
    verwerking: TEST_VERWERKING,
    ...extra,
  }, 'notificaties');
  check.throwIfProblems();
}

/** Lets the facade listen on loopback (once) and subscribes it to the embedded zaaksysteem's notifications; returns its port. */
export async function abonneerFacade(h: AppHarness): Promise<number> {
  if (!h.app.server.listening) {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    h.zaaksysteem.abonneer({
      url: `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}/stuf/zds/1.2/OntvangAsynchroon`,
      ontvanger: { organisatie: '9999', applicatie: 'REGIE' },
      wsSecurity: { username: 'zaaksysteem', password: WACHTWOORD, passwordType: 'PasswordDigest' },
    });
  }
  return (h.app.server.address() as AddressInfo).port;
}
