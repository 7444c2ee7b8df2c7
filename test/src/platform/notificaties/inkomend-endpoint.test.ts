import { describe, expect, it } from 'vitest';
import { ConfigCheck } from '../../../../src/core/config/config-check';
import { RZS_GEBEURTENISSEN } from '../../../../src/core/domain/notificatie';
import { GebeurtenisLog } from '../../../../src/platform/gebeurtenissen/gebeurtenis-log';
import type { Gebeurtenis } from '../../../../src/platform/gebeurtenissen/gebeurtenis';
import { parseNotificatieConfig } from '../../../../src/platform/notificaties/notificatie-config';
import { expectValidStuf } from '../../../support/stuf-validator';
import { TEST_VERWERKING } from '../../../support/test-auth';
import {
  ACTIE_BEVESTIG,
  ACTIE_BEVESTIG_ZDS,
  ACTIE_NOTIFICEER,
  antwoord,
  envelop,
  notificatieXml,
  overdrachtAntwoordXml,
  type Token,
} from '../../../support/rzs-berichten';
import { appHarnessPerFile } from '../../app/app-harness';

const ABB: Token = { username: 'abonnementen', password: 'een-lang-gedeeld-geheim-van-abb' };
const SHV: Token = { username: 'schuldhulp', password: 'een-lang-gedeeld-geheim-van-shv', passwordType: 'PasswordText' };

const antwoorden: { status: number; xml: string }[] = [];

const h = appHarnessPerFile({
  deps: { stufAnswerTap: (a) => antwoorden.push(a) },
  config: (c) => {
    const check = new ConfigCheck();
    c.notificaties = parseNotificatieConfig(check, {
      afzenders: [
        { applicatie: 'ABONNEMENTENBEHEER', organisatie: '1234', usernameToken: { username: ABB.username, password: ABB.password } },
        { applicatie: 'SCHULDHULP-BACKOFFICE', usernameToken: { username: SHV.username, password: SHV.password } },
      ],
      verwerking: TEST_VERWERKING,
      pogingen: 2,
      eersteWachtMs: 10,
      intervalMs: 100,
    }, 'notificaties');
    check.throwIfProblems();
  },
});

const PAD = { '1.1': '/stuf/zds/1.1/OntvangAsynchroon', '1.2': '/stuf/zds/1.2/OntvangAsynchroon' } as const;

async function stuur(body: string, o: { pad?: keyof typeof PAD; actie?: string; token?: Token | null; soap12?: boolean } = {}) {
  const soap12 = o.soap12 ?? false;
  const actie = o.actie ?? ACTIE_NOTIFICEER;
  const res = await h.injectZonderToken({
    method: 'POST',
    url: PAD[o.pad ?? '1.1'],
    headers: soap12 ? { 'content-type': `application/soap+xml; charset=utf-8; action="${actie}"` } : { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${actie}"` },
    payload: envelop(body, { token: o.token === null ? undefined : (o.token ?? ABB), soap12 }),
  });
  return { status: res.statusCode, ...antwoord(res.body), xml: res.body };
}

async function aantalOpgeslagen(): Promise<number> {
  const [r] = await h.store.query<{ n: number }>('SELECT COUNT(*) AS n FROM facade_notificatie');
  return Number(r!.n);
}

/** Polls the log until `klaar` holds for the events after `na` (a loaded machine may take a while). */
async function wachtOp(na: number, klaar: (g: Gebeurtenis[]) => boolean): Promise<Gebeurtenis[]> {
  const log = await GebeurtenisLog.open(h.store);
  const eind = Date.now() + 30_000;
  for (;;) {
    const g = await log.lees(na, 1000);
    if (klaar(g)) return g;
    if (Date.now() > eind) throw new Error(`events not there in time: ${JSON.stringify(g)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const laatste = async () => (await GebeurtenisLog.open(h.store)).laatste();

describe('inbound notificeerOverZaak (Testplatform Regiesysteem scenario 12)', () => {
  it('answers each of the five gebeurtenissen with a valid Bv03 once stored, and logs one event per notification with the zaak as read', async () => {
    const na = await laatste();
    const zaken = ['9999-GZP-0002', '9999-GZP-0002', '9999-WMO-0001', '9999-LDP-0001', '9999-SHV-0001'];
    const berichten = RZS_GEBEURTENISSEN.map((gebeurtenis, i) => notificatieXml({ gebeurtenis, zaak: zaken[i] }));
    for (const [i, b] of berichten.entries()) {
      const a = await stuur(b, { pad: i % 2 ? '1.2' : '1.1' });
      expect(a, a.xml).toMatchObject({ status: 200, root: 'Bv03Bericht' });
    }
    await expectValidStuf(berichten.map((xml, i) => ({ name: `in-${i}`, xml })));
    const g = await wachtOp(na, (x) => x.length >= 5);
    expect(g.map((e) => e.inhoud)).toEqual([
      expect.objectContaining({ soort: 'zaak-gewijzigd', zaak: '9999-GZP-0002', zaaktype: 'GZP', gezinsplan: '9999-GZP-0002', gebeurtenis: 'Creeer zaak' }),
      expect.objectContaining({ zaak: '9999-GZP-0002', gebeurtenis: 'Actualiseer zaakstatus' }),
      expect.objectContaining({ zaak: '9999-WMO-0001', zaaktype: 'WMO', gezinsplan: '9999-GZP-0001', gebeurtenis: 'Update zaak', status: expect.objectContaining({ code: 'UITV' }) }),
      expect.objectContaining({ zaak: '9999-LDP-0001', zaaktype: 'LDP', gezinsplan: '9999-GZP-0001', gebeurtenis: 'Voeg zaakdocument toe' }),
      expect.objectContaining({ zaak: '9999-SHV-0001', gebeurtenis: 'Update zaakdocument' }),
    ]);
    expect(g).toHaveLength(5);
    // not echoed: none of these came from a change of ours
    expect(g.every((e) => e.inhoud.veroorzaaktDoor === undefined)).toBe(true);
  });

  it('stores a repeat (same zender and referentienummer) once and answers it Bv03 again; one event', async () => {
    const na = await laatste();
    const voor = await aantalOpgeslagen();
    const b = notificatieXml({ referentienummer: 'ABB-HERHAALD-1', zaak: '9999-JEU-0001', gebeurtenis: 'Update zaak' });
    expect(await stuur(b)).toMatchObject({ status: 200, root: 'Bv03Bericht' });
    expect(await stuur(b)).toMatchObject({ status: 200, root: 'Bv03Bericht' });
    expect(await aantalOpgeslagen()).toBe(voor + 1);
    await wachtOp(na, (x) => x.length >= 1);
    // another round of the processor has had the chance to log it twice
    await new Promise((r) => setTimeout(r, 300));
    expect((await wachtOp(na, () => true)).filter((e) => e.inhoud.zaak === '9999-JEU-0001')).toHaveLength(1);
  });

  it('reads what other senders write: SOAP 1.2 with its own prefixes, a status as xsi:nil, no omschrijving, the ZDS 1.1.02 spelling', async () => {
    const na = await laatste();
    expect(await stuur(notificatieXml({ zaak: '9999-PW-0001', status: 'nil', zaaktype: { code: 'PW' } }), { soap12: true, pad: '1.2' })).toMatchObject({ status: 200, root: 'Bv03Bericht' });
    expect(await stuur(notificatieXml({ zaak: '9999-GZP-0003', spelling: 'zds-1.1.02' }))).toMatchObject({ status: 200, root: 'Bv03Bericht' });
    const g = await wachtOp(na, (x) => x.length >= 2);
    expect(g.map((e) => [e.inhoud.zaak, e.inhoud.zaaktype, e.inhoud.gezinsplan])).toEqual([
      ['9999-PW-0001', 'PW', '9999-GZP-0002'],
      ['9999-GZP-0003', 'GZP', '9999-GZP-0003'],
    ]);
  });

  const fouten: [string, () => Promise<{ status: number; root: string; code?: string }>, string][] = [
    ['no XML', () => stuurRauw('dit is geen xml'), 'StUF055'],
    ['berichtcode Lk01', () => stuur(notificatieXml({ berichtcode: 'Lk01' })), 'StUF055'],
    ['another functie', () => stuur(notificatieXml({ functie: 'overdragenZaak' })), 'StUF055'],
    ['no identificatie', () => stuur(notificatieXml({ zaak: '' })), 'StUF055'],
    ['no zaaktype code', () => stuur(notificatieXml({ zaaktype: { omschrijving: 'Wmo' } })), 'StUF055'],
    ['an unknown gebeurtenis', () => stuur(notificatieXml({ gebeurtenis: 'Verwijder zaak' })), 'StUF055'],
    ['another ontvanger', () => stuur(notificatieXml({ ontvanger: { organisatie: '9999', applicatie: 'ANDER-SYSTEEM' } })), 'StUF010'],
    ['an unknown zender', () => stuur(notificatieXml({ zender: { organisatie: '1234', applicatie: 'ONBEKEND-SYSTEEM' } })), 'StUF013'],
    ['no UsernameToken', () => stuur(notificatieXml(), { token: null }), 'StUF052'],
    ['a wrong password', () => stuur(notificatieXml(), { token: { ...ABB, password: 'niet-het-goede-wachtwoord' } }), 'StUF052'],
    ['a Created outside the window', () => stuur(notificatieXml(), { token: { ...ABB, now: new Date(Date.now() - 3_600_000) } }), 'StUF052'],
    ['another sender\u2019s credential', () => stuur(notificatieXml(), { token: SHV }), 'StUF052'],
  ];

  async function stuurRauw(payload: string) {
    const res = await h.injectZonderToken({ method: 'POST', url: PAD['1.1'], headers: { 'content-type': 'text/xml', soapaction: `"${ACTIE_NOTIFICEER}"` }, payload });
    return { status: res.statusCode, ...antwoord(res.body) };
  }

  it.each(fouten)('refuses %s with a Fo03 and stores nothing', async (_naam, stuurFout, code) => {
    const voor = await aantalOpgeslagen();
    expect(await stuurFout()).toMatchObject({ status: 500, root: 'Fo03Bericht', code });
    expect(await aantalOpgeslagen()).toBe(voor);
  });

  it('refuses a replayed nonce (the same message with the same token) and stores it once', async () => {
    const voor = await aantalOpgeslagen();
    const token = { ...ABB, nonce: Buffer.from('een-vaste-nonce!'), now: new Date() };
    const b = notificatieXml();
    expect(await stuur(b, { token })).toMatchObject({ status: 200, root: 'Bv03Bericht' });
    expect(await stuur(b, { token })).toMatchObject({ status: 500, root: 'Fo03Bericht', code: 'StUF052' });
    expect(await aantalOpgeslagen()).toBe(voor + 1);
  });

  it('marks a notification about a zaak that cannot be read failed after the configured attempts, visible and counted', async () => {
    expect(await stuur(notificatieXml({ zaak: '9999-BESTAAT-NIET' }))).toMatchObject({ status: 200, root: 'Bv03Bericht' });
    const eind = Date.now() + 30_000;
    let rij: { toestand: string; pogingen: number; fout: string } | undefined;
    while (Date.now() < eind) {
      [rij] = await h.store.query<{ toestand: string; pogingen: number; fout: string }>("SELECT toestand, pogingen, fout FROM facade_notificatie WHERE zaak = '9999-BESTAAT-NIET'");
      if (rij?.toestand === 'mislukt') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(rij).toMatchObject({ toestand: 'mislukt', pogingen: 2, fout: 'NOT_FOUND' });
    await expect((await GebeurtenisLog.open(h.store)).lees(0, 1000).then((g) => g.some((e) => e.inhoud.zaak === '9999-BESTAAT-NIET'))).resolves.toBe(false);
  });
});

describe('inbound bevestigOverdragenZaak (RZS §6.8.4, scenario 17 steps 3-4)', () => {
  it('answers an accepted and a refused overdracht (RZS and ZDS 1.2 spelling) with a valid Bv03 and logs OverdrachtBevestigd', async () => {
    const na = await laatste();
    const ja = overdrachtAntwoordXml({ crossRefnummer: 'REGIE-OVERDRACHT-1' });
    const nee = overdrachtAntwoordXml({ spelling: 'zds-1.2', antwoord: 'Overdracht geweigerd', melding: 'Geen capaciteit', crossRefnummer: 'REGIE-OVERDRACHT-2' });
    expect(await stuur(ja, { actie: ACTIE_BEVESTIG, token: SHV })).toMatchObject({ status: 200, root: 'Bv03Bericht' });
    expect(await stuur(nee, { actie: ACTIE_BEVESTIG_ZDS, pad: '1.2', token: SHV })).toMatchObject({ status: 200, root: 'Bv03Bericht' });
    await expectValidStuf([{ name: 'du01-rzs', xml: ja }]);
    await expectValidStuf([{ name: 'du01-zds', xml: nee }], '1.2');
    const g = await wachtOp(na, (x) => x.length >= 2);
    expect(g.map((e) => e.inhoud)).toEqual([
      expect.objectContaining({ soort: 'overdracht-bevestigd', zaak: '9999-SHV-0001', zaaktype: 'SCHULD', kenmerk: 'REGIE-OVERDRACHT-1', geaccepteerd: true }),
      expect.objectContaining({ soort: 'overdracht-bevestigd', kenmerk: 'REGIE-OVERDRACHT-2', geaccepteerd: false, melding: 'Geen capaciteit' }),
    ]);
  });

  it('matches the answer to the overdragenZaak the facade sent for a caller (crossRefnummer = its referentienummer): veroorzaaktDoor is that applicatie', async () => {
    const na = await laatste();
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/deelplannen/9999-WMO-0001/_overdragen', payload: { ontvanger: 'SCHULDHULP-BACKOFFICE' } });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const di01 = h.recording.calls.filter((c) => c.operation === 'overdragenZaak').at(-1)!;
    const kenmerk = /<StUF:referentienummer>([^<]+)</.exec(di01.requestXml)![1]!;
    expect(await stuur(overdrachtAntwoordXml({ zaak: '9999-WMO-0001', crossRefnummer: kenmerk }), { actie: ACTIE_BEVESTIG, token: SHV })).toMatchObject({ root: 'Bv03Bericht' });
    const [g] = await wachtOp(na, (x) => x.length >= 1);
    expect(g!.inhoud).toMatchObject({ soort: 'overdracht-bevestigd', zaak: '9999-WMO-0001', kenmerk, geaccepteerd: true, veroorzaaktDoor: 'regie', gezinsplan: '9999-GZP-0001' });
  });

  it('refuses a Du01 without crossRefnummer or with another antwoord', async () => {
    expect(await stuur(overdrachtAntwoordXml({ crossRefnummer: '' }), { actie: ACTIE_BEVESTIG, token: SHV })).toMatchObject({ root: 'Fo03Bericht', code: 'StUF055' });
    expect(await stuur(overdrachtAntwoordXml({ antwoord: 'Misschien' }), { actie: ACTIE_BEVESTIG, token: SHV })).toMatchObject({ root: 'Fo03Bericht', code: 'StUF055' });
  });
});

describe('every answer of the inbound endpoint', () => {
  it('validates against the official schemas (Bv03 and Fo03 in SOAP Faults)', async () => {
    expect(antwoorden.length).toBeGreaterThan(20);
    await expectValidStuf(antwoorden.map((a, i) => ({ name: `antwoord-${i}`, xml: a.xml })), 'rzs');
  }, 120_000);
});
