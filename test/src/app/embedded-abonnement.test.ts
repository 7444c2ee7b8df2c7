import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_VOORZIENINGEN } from '../../../src/app/config/voorzieningen-config';
import { GebeurtenisLog } from '../../../src/platform/gebeurtenissen/gebeurtenis-log';
import { TEST_VERWERKING } from '../../support/test-auth';
import { appHarnessPerFile } from './app-harness';
import { inkomendPad } from '../../../soap-clients/notificatie/inkomend-provider';
import { embeddedAfzender, facadeAlsAbonnee, facadeAlsRegie } from '../../../src/app/embedded-abonnement';
import { afzenderVan } from '../../../src/platform/notificaties/afzender-controle';
import { DEFAULT_NOTIFICATIE_CONFIG } from '../../../src/platform/notificaties/notificatie-config';
import { backofficeSignaleert } from '../../../src/zaaksysteem/backoffice/signaal';
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

/** npm start's wiring (server.ts) over a real facade: the backoffice double answers the facade's own overdracht. */
const h = appHarnessPerFile({
  backoffice: { maxPgbPerJaarInCenten: 1_000_000, signalen: { herindicatieNaMs: 0 } },
  config: (c) => {
    c.notificaties = { ...embeddedAfzender({ ...c.notificaties, afzenders: [] }, WACHTWOORD), verwerking: TEST_VERWERKING };
    c.useCases.voorzieningen = EMBEDDED_VOORZIENINGEN;
  },
});

async function totdat<T>(vind: () => Promise<T | undefined>, wat: string): Promise<T> {
  const eind = Date.now() + 30_000;
  for (;;) {
    const t = await vind();
    if (t !== undefined) return t;
    if (Date.now() > eind) throw new Error(`not in time: ${wat}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the embedded chain: facade -> overdragenZaak -> backoffice double -> overdragenZaak_Du01 -> facade', () => {
  beforeAll(async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    // the harness's facade names itself REGIE, npm start's STUF-FACADE (FACADE_ZENDER)
    h.zaaksysteem.abonneer({ ...facadeAlsAbonnee(h.app, '127.0.0.1', WACHTWOORD, false), ontvanger: { organisatie: '9999', applicatie: 'REGIE' } });
    h.zaaksysteem.backoffice!.antwoordAan(facadeAlsRegie(h.app, '127.0.0.1', WACHTWOORD, false));
  });

  it('the facade takes the Du01 of WMO-BACKOFFICE: a deelplan without aanvraag document is refused, with the melding, as answer to its own overdracht', async () => {
    const log = await GebeurtenisLog.open(h.store);
    const na = await log.laatste();
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/deelplannen/9999-WMO-0001/_overdragen', payload: { ontvanger: 'WMO-BACKOFFICE' } });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const eind = Date.now() + 30_000;
    let bevestigd;
    while (!(bevestigd = (await log.lees(na, 1000)).find((g) => g.inhoud.soort === 'overdracht-bevestigd'))) {
      if (Date.now() > eind) throw new Error('no overdracht-bevestigd in time');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(bevestigd.inhoud).toMatchObject({ zaak: '9999-WMO-0001', geaccepteerd: false, melding: expect.stringMatching(/Voorzieningaanvraag/), veroorzaaktDoor: 'regie' });
  }, 60_000);

  it('a voorziening the facade requests is accepted and decided by the backoffice, and the facade reads it back: granted, or a PGB above the maximum refused', async () => {
    const aanvragen = async (product: Record<string, unknown>) => {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/voorzieningen', payload: { gezinsplan: '9999-GZP-0001', client: { bsn: '999900018' }, producten: [product] } });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { identificatie: string }).identificatie;
    };
    const zin = await aanvragen({ leveringsvorm: 'ZIN', product: { categorie: '01' }, omvang: { volume: 3, eenheid: '04', frequentie: '2' }, ingangsdatum: '2027-01-01', einddatum: '2027-12-31' });
    const duur = await aanvragen({ leveringsvorm: 'PGB', product: { categorie: '02' }, budget: { bedragInCenten: 90_000, basis: '4' }, ingangsdatum: '2027-01-01' });
    const besloten = (id: string) =>
      totdat(async () => {
        const v = (await h.app.inject({ method: 'GET', url: `/api/v1/voorzieningen/${id}` })).json() as { status: string; overdracht?: string; beschikking?: { beschikkingsnummer: string } };
        return v.status === 'toegekend' || v.status === 'afgewezen' ? v : undefined;
      }, `the decision on ${id}`);
    expect(await besloten(zin)).toMatchObject({ status: 'toegekend', overdracht: 'geaccepteerd', beschikking: { beschikkingsnummer: `BS-${zin}` } });
    expect(await besloten(duur)).toMatchObject({ status: 'afgewezen', overdracht: 'geaccepteerd' });
  }, 90_000);

  it('the backoffice’s herindicatie after a grant, and a verzoek om toewijzing it makes, reach the facade as events; the regie answers the verzoek', async () => {
    const log = await GebeurtenisLog.open(h.store);
    const na = await log.laatste();
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/voorzieningen', payload: { gezinsplan: '9999-GZP-0001', client: { bsn: '999900018' }, producten: [{ leveringsvorm: 'ZIN', product: { categorie: '03' }, ingangsdatum: '2027-01-01', einddatum: '2027-06-30' }] } });
    const zaak = (res.json() as { identificatie: string }).identificatie;
    const signaal = (soort: string) => totdat(async () => (await log.lees(na, 1000)).find((g) => g.inhoud.soort === soort && g.inhoud.zaak === zaak)?.inhoud, soort);
    expect(await signaal('herindicatie-nodig')).toMatchObject({ product: { categorie: '03' }, einddatum: '2027-06-30' });
    const document = await backofficeSignaleert(h.zaaksysteem.endpoints, zaak, { soort: 'verzoek-om-toewijzing', product: { categorie: '03' }, reden: '1' });
    expect(await signaal('verzoek-om-toewijzing')).toMatchObject({ document, reden: '1' });
    const antwoord = await h.app.inject({ method: 'POST', url: `/api/v1/deelplannen/${zaak}/verzoeken/${document}/antwoord`, payload: { besluit: 'afgewezen', redenAfwijzing: '2' } });
    expect(antwoord.statusCode, antwoord.body).toBe(200);
  }, 90_000);
});
