import { describe, expect, it } from 'vitest';
import { voorzieningStand } from '../../../../src/core/domain/voorziening-stand';
import type { ZaakNotificatie } from '../../../../src/core/domain/notificatie';
import { VOORZIENING_ZAAKTYPEN } from '../../../../src/zaaksysteem/demo/demo-data';
import { bsnsIn } from '../../../support/bsns-in-text';
import { registersFor } from '../registers';
import { aanvraag, allesGeldig, backofficeOpstellingen, besloten, ctx, du01, leesTerug, open, pgb, start, totdat, vraagAan, ZIN } from './opstelling';

backofficeOpstellingen();

describe('the Wmo backoffice double beside the embedded zaaksysteem (issue 15 §5)', () => {
  it('accepts a ZIN aanvraag, takes it up, grants what was asked in a beschikking, and then signals a herindicatie', async () => {
    const o = await start({ signalen: { herindicatieNaMs: 0 } });
    const doc = aanvraag([ZIN]);
    const zaak = await vraagAan(o.r, doc);
    expect(await du01(o.regie, zaak)).toMatchObject({ geaccepteerd: true, zender: { applicatie: 'WMO-BACKOFFICE' }, ontvanger: { applicatie: 'TEST' }, meldingen: [] });
    await besloten(o.regie, zaak);
    const terug = await leesTerug(o.r, zaak);
    expect(terug.statussen).toEqual(['In behandeling', 'Besloten']);
    expect(terug.resultaat).toBe('Toegekend');
    expect(terug.beschikking).toMatchObject({
      beschikkingsnummer: `BS-${zaak}`,
      besluiten: [{ product: 0, besluit: 'toegekend', omvang: ZIN.omvang, ingangsdatum: ZIN.ingangsdatum, einddatum: ZIN.einddatum }],
    });
    // as the facade reads it back (voorziening-stand.ts)
    expect(voorzieningStand([{ zaak: terug.zaak, aanvraag: doc, beschikking: terug.beschikking, signalen: [] }]).status).toBe('toegekend');
    const signaal = await totdat(() => o.regie.berichten.map((b) => b.bericht).find((b): b is ZaakNotificatie => b.soort === 'notificatie' && b.signaal !== undefined), 'the herindicatie');
    expect(signaal).toMatchObject({ zaak, gebeurtenis: 'Voeg zaakdocument toe', zendendeApplicatie: 'WMO-BACKOFFICE', signaal: { inhoud: { soort: 'herindicatie', product: ZIN.product, einddatum: ZIN.einddatum } } });
    const documenten = await o.r.documenten.geefLijstZaakdocumenten(ctx, zaak);
    expect(documenten.find((d) => d.identificatie === signaal.signaal!.document)?.documenttype).toBe('Signaal voorziening');
    await allesGeldig(o);
  }, 120_000);

  it('refuses a PGB whose budget is above the maximum per jaar, functionally: a beschikking afgewezen', async () => {
    const o = await start();
    const doc = aanvraag([pgb(90_000)]); // € 900 a month: € 10.800 a year
    const zaak = await vraagAan(o.r, doc, VOORZIENING_ZAAKTYPEN['02']);
    expect((await du01(o.regie, zaak)).geaccepteerd).toBe(true);
    await besloten(o.regie, zaak);
    const terug = await leesTerug(o.r, zaak);
    expect(terug.resultaat).toBe('Afgewezen');
    expect(terug.beschikking?.besluiten).toEqual([{ product: 0, besluit: 'afgewezen', reden: expect.stringMatching(/PGB/) }]);
    expect(voorzieningStand([{ zaak: terug.zaak, aanvraag: doc, beschikking: terug.beschikking, signalen: [] }]).status).toBe('afgewezen');
    const binnen = await vraagAan(o.r, aanvraag([pgb(80_000)]), VOORZIENING_ZAAKTYPEN['02']);
    await besloten(o.regie, binnen);
    expect((await leesTerug(o.r, binnen)).beschikking?.besluiten[0]).toMatchObject({ besluit: 'toegekend', budget: { bedragInCenten: 80_000, basis: '4' } });
    await allesGeldig(o);
  }, 120_000);

  it('refuses the overdracht with a melding when the aanvraag is missing or of a categorie it does not handle, and leaves the zaak as it is', async () => {
    const o = await start();
    const zonder = await vraagAan(o.r, undefined);
    const vreemd = await vraagAan(o.r, aanvraag([{ ...ZIN, product: { categorie: '08' } }]));
    expect(await du01(o.regie, zonder)).toMatchObject({ geaccepteerd: false, meldingen: [expect.stringMatching(/Voorzieningaanvraag/)] });
    expect(await du01(o.regie, vreemd)).toMatchObject({ geaccepteerd: false, meldingen: [expect.stringMatching(/productcategorie 08/)] });
    await new Promise((ok) => setTimeout(ok, 300));
    for (const zaak of [zonder, vreemd]) expect(await leesTerug(o.r, zaak)).toMatchObject({ statussen: [], resultaat: undefined, beschikking: undefined });
    await allesGeldig(o);
  }, 120_000);

  it('answers a ZDS 1.1 regie (RZS 1.0 overdragenZaak_Di01) with the RZS overdragenZaak_Du01', async () => {
    const o = await start();
    const zds11 = registersFor(o.zs, 'zds-1.1');
    open.push(zds11.backends);
    const zaak = await vraagAan(zds11, aanvraag([ZIN]));
    expect((await du01(o.regie, zaak)).geaccepteerd).toBe(true);
    expect(o.regie.berichten.find((b) => b.bericht.soort === 'overdracht-antwoord')?.xml).toMatch(/<RZS:overdragenZaak_Du01[\s>]/);
    await besloten(o.regie, zaak);
    expect((await leesTerug(zds11, zaak)).resultaat).toBe('Toegekend');
    await allesGeldig(o);
  }, 120_000);

  it('gives an arrangement over two zaken one beschikkingsnummer, each zaak the besluiten of its own products', async () => {
    const o = await start();
    const eerste = await vraagAan(o.r, aanvraag([ZIN], 'ARR-2026-7'));
    const tweede = await vraagAan(o.r, aanvraag([pgb(50_000)], 'ARR-2026-7', 1), VOORZIENING_ZAAKTYPEN['02']);
    await besloten(o.regie, eerste);
    await besloten(o.regie, tweede);
    const [a, b] = [await leesTerug(o.r, eerste), await leesTerug(o.r, tweede)];
    expect(a.beschikking?.beschikkingsnummer).toBe('BS-ARR-2026-7');
    expect(b.beschikking?.beschikkingsnummer).toBe('BS-ARR-2026-7');
    expect(a.beschikking?.besluiten.map((x) => x.product)).toEqual([0]);
    expect(b.beschikking?.besluiten.map((x) => x.product)).toEqual([1]);
    await allesGeldig(o);
  }, 120_000);
});

describe('the backoffice double when things go wrong', () => {
  it('retries a Du01 until the regie is known, logs without a BSN, and on close waits for work in progress and drops what was planned', async () => {
    const waarschuwingen: string[] = [];
    const luister = (w: Error) => void waarschuwingen.push(w.message);
    process.on('warning', luister);
    try {
      const o = await start({ regie: undefined, pogingen: 40, wachtMs: 25, vertragingMs: 60_000 });
      const zaak = await vraagAan(o.r, aanvraag([ZIN]));
      await totdat(() => (waarschuwingen.some((w) => w.includes(`zaak ${zaak}: antwoord op de overdracht mislukt`)) ? true : undefined), 'a failed attempt');
      o.zs.backoffice!.antwoordAan({ url: o.regie.url });
      expect((await du01(o.regie, zaak)).geaccepteerd).toBe(true);
      // the decision waits a minute: closing drops it rather than waiting
      expect((await leesTerug(o.r, zaak)).statussen).toEqual([]);
      open.splice(open.indexOf(o.zs), 1);
      const gesloten = Date.now();
      await o.zs.close();
      expect(Date.now() - gesloten).toBeLessThan(10_000);
      expect(waarschuwingen.some((w) => /geplande stap\(pen\) niet meer uitgevoerd/.test(w))).toBe(true);
      expect(waarschuwingen.flatMap(bsnsIn)).toEqual([]);
    } finally {
      process.off('warning', luister);
    }
  }, 120_000);
});
