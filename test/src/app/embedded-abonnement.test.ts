import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { inkomendPad } from '../../../soap-clients/notificatie/inkomend-provider';
import { embeddedAfzender, facadeAlsAbonnee, facadeAlsRegie } from '../../../src/app/embedded-abonnement';
import { afzenderVan } from '../../../src/platform/notificaties/afzender-controle';
import { DEFAULT_NOTIFICATIE_CONFIG } from '../../../src/platform/notificaties/notificatie-config';
import { WMO_BACKOFFICE } from '../../../src/zaaksysteem/backoffice/verbinding';
import { DEFAULT_SYSTEEM } from '../../../src/zaaksysteem/provider/eigen-systeem';

const app = { server: { address: () => ({ port: 3000, address: '127.0.0.1', family: 'IPv4' }) } } as unknown as FastifyInstance;
const WACHTWOORD = 'een-wachtwoord-van-lengte';

describe('npm start: the embedded zaaksysteem and its backoffice double as senders the facade accepts', () => {
  it('accepts the abonnementenbeheer and WMO-BACKOFFICE (its Du01, RZS §6.8.4), each with the credential it sends', () => {
    const n = embeddedAfzender(DEFAULT_NOTIFICATIE_CONFIG, WACHTWOORD);
    const regie = facadeAlsRegie(app, '0.0.0.0', WACHTWOORD, false);
    const abonnee = facadeAlsAbonnee(app, '0.0.0.0', WACHTWOORD, false);
    expect(regie.url).toBe(`http://127.0.0.1:3000${inkomendPad('zds-1.2')}`);
    expect(abonnee.url).toBe(regie.url);
    expect(afzenderVan(n.afzenders, WMO_BACKOFFICE).usernameToken).toEqual({ username: regie.wsSecurity!.username, password: WACHTWOORD });
    expect(afzenderVan(n.afzenders, DEFAULT_SYSTEEM).usernameToken).toEqual({ username: abonnee.wsSecurity!.username, password: WACHTWOORD });
    expect(regie.wsSecurity!.username).not.toBe(abonnee.wsSecurity!.username);
  });

  it('keeps a configuration that names senders of its own', () => {
    const eigen = { ...DEFAULT_NOTIFICATIE_CONFIG, afzenders: [{ applicatie: 'ABONNEMENTENBEHEER', usernameToken: { username: 'x', password: WACHTWOORD } }], verwerking: 'v' };
    expect(embeddedAfzender(eigen, WACHTWOORD)).toBe(eigen);
  });
});
