import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { inkomendPad } from '../../soap-clients/notificatie/inkomend-provider';
import type { NotificatieConfig } from '../platform/notificaties/notificatie-config';
import { DEMO_VERWERKINGEN } from '../platform/identity/demo-auth';
import type { Abonnee } from '../zaaksysteem/abonnementen/abonnementenbeheer';
import { DEFAULT_SYSTEEM } from '../zaaksysteem/provider/eigen-systeem';

/** The facade's stuurgegevens zender towards the embedded zaaksysteem (server.ts), and so the ontvanger of its notifications. */
export const FACADE_ZENDER = { organisatie: '9999', applicatie: 'STUF-FACADE' };

const GEBRUIKERSNAAM = 'ingebouwd-zaaksysteem';
/** the demo activity the regisseur works under: reading a notified zaak serves the same purpose */
const VERWERKING: keyof typeof DEMO_VERWERKINGEN = 'regie-sociaal-domein';

/**
 * npm start with no configuration: the embedded zaaksysteem is a sender the inbound endpoint accepts, with a
 * UsernameToken (PasswordDigest) whose password is generated at each start; read under the demo activity.
 * A configuration that names senders of its own keeps them.
 */
export function embeddedAfzender(n: NotificatieConfig, wachtwoord: string): NotificatieConfig {
  if (n.afzenders.length > 0) return n;
  return {
    ...n,
    afzenders: [{ applicatie: DEFAULT_SYSTEEM.applicatie, organisatie: DEFAULT_SYSTEEM.organisatie, usernameToken: { username: GEBRUIKERSNAAM, password: wachtwoord } }],
    verwerking: n.verwerking ?? VERWERKING,
  };
}

/** The facade's inbound endpoint as the embedded abonnementenbeheer's subscriber, once the app listens. */
export function facadeAlsAbonnee(app: FastifyInstance, host: string, wachtwoord: string, https: boolean): Abonnee {
  const { port } = app.server.address() as AddressInfo;
  const h = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `${https ? 'https' : 'http'}://${h}:${port}${inkomendPad('zds-1.2')}`,
    ontvanger: FACADE_ZENDER,
    wsSecurity: { username: GEBRUIKERSNAAM, password: wachtwoord, passwordType: 'PasswordDigest' },
  };
}
