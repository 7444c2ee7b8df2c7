import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { inkomendPad } from '../../soap-clients/notificatie/inkomend-provider';
import type { Bestemming } from '../../soap-clients/transport/eigen-bericht';
import type { NotificatieConfig } from '../platform/notificaties/notificatie-config';
import { DEMO_VERWERKINGEN } from '../platform/identity/demo-auth';
import type { Abonnee } from '../zaaksysteem/abonnementen/abonnementenbeheer';
import { WMO_BACKOFFICE } from '../zaaksysteem/backoffice/verbinding';
import { DEFAULT_SYSTEEM } from '../zaaksysteem/provider/eigen-systeem';

/** The facade's stuurgegevens zender towards the embedded zaaksysteem (server.ts), and so the ontvanger of its notifications. */
export const FACADE_ZENDER = { organisatie: '9999', applicatie: 'STUF-FACADE' };

const GEBRUIKERSNAAM = 'ingebouwd-zaaksysteem';
const GEBRUIKERSNAAM_BACKOFFICE = 'ingebouwde-backoffice';
/** the demo activity the regisseur works under: reading a notified zaak serves the same purpose */
const VERWERKING: keyof typeof DEMO_VERWERKINGEN = 'regie-sociaal-domein';

/**
 * npm start with no configuration: the embedded zaaksysteem, and its Wmo backoffice double as sender of the
 * overdragenZaak_Du01 (RZS §6.8.4), are senders the inbound endpoint accepts, each with a UsernameToken
 * (PasswordDigest) whose password is generated at each start; read under the demo activity. A configuration that
 * names senders of its own keeps them.
 */
export function embeddedAfzender(n: NotificatieConfig, wachtwoord: string): NotificatieConfig {
  if (n.afzenders.length > 0) return n;
  return {
    ...n,
    afzenders: [
      { applicatie: DEFAULT_SYSTEEM.applicatie, organisatie: DEFAULT_SYSTEEM.organisatie, usernameToken: { username: GEBRUIKERSNAAM, password: wachtwoord } },
      { applicatie: WMO_BACKOFFICE.applicatie, organisatie: WMO_BACKOFFICE.organisatie, usernameToken: { username: GEBRUIKERSNAAM_BACKOFFICE, password: wachtwoord } },
    ],
    verwerking: n.verwerking ?? VERWERKING,
  };
}

/** The facade's inbound endpoint (ZDS 1.2 path), once the app listens. */
function inkomendeUrl(app: FastifyInstance, host: string, https: boolean): string {
  const { port } = app.server.address() as AddressInfo;
  const h = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `${https ? 'https' : 'http'}://${h}:${port}${inkomendPad('zds-1.2')}`;
}

/** The facade's inbound endpoint as the embedded abonnementenbeheer's subscriber, once the app listens. */
export function facadeAlsAbonnee(app: FastifyInstance, host: string, wachtwoord: string, https: boolean): Abonnee {
  return {
    url: inkomendeUrl(app, host, https),
    ontvanger: FACADE_ZENDER,
    wsSecurity: { username: GEBRUIKERSNAAM, password: wachtwoord, passwordType: 'PasswordDigest' },
  };
}

/** The facade's inbound endpoint as where the backoffice double sends its answers to an overdracht. */
export function facadeAlsRegie(app: FastifyInstance, host: string, wachtwoord: string, https: boolean): Bestemming {
  return { url: inkomendeUrl(app, host, https), wsSecurity: { username: GEBRUIKERSNAAM_BACKOFFICE, password: wachtwoord, passwordType: 'PasswordDigest' } };
}
