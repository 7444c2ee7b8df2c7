import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesOf, collectBytes } from '../../../../src/core/domain/document';
import { FacadeError } from '../../../../src/core/domain/errors';
import type { Rechten } from '../../../../src/core/domain/identiteit';
import { createUseCases, type RequestUseCases } from '../../../../src/core/usecases/use-cases';
import { formatGraphqlError } from '../../../../src/doors/graphql/format-error';
import { toProblem } from '../../../../src/doors/rest/problem';
import { authorisedPorts } from '../../../../src/platform/authorisation/authorised-ports';
import { DEFAULT_CONCURRENCY, limitPorts } from '../../../../src/platform/limits/concurrency';
import { DEMO_BSN, DEMO_DOCUMENT, DEMO_ZAAK } from '../../../../src/zaaksysteem/demo/demo-data';
import { ctxMet, useCasesMet, zaaksysteemMetDemo, type ZaaksysteemOpHttp } from './authorisation-support';
import { inProcesSloten } from '../../../../src/platform/zaak-sloten/in-proces-sloten.adapter';

let zs: ZaaksysteemOpHttp;
beforeAll(async () => {
  zs = await zaaksysteemMetDemo();
}, 60_000);
afterAll(() => zs?.close());

const useCases = (rechten: Partial<Rechten>): RequestUseCases => useCasesMet(zs.ports, rechten);

async function fout(p: Promise<unknown>): Promise<FacadeError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(FacadeError);
  return e as FacadeError;
}

/** What a caller of either door reads of an error: problem+json and the GraphQL error. */
const zichtbaar = (e: FacadeError) => ({
  code: e.code,
  message: e.publicMessage,
  stuf: e.stuf,
  problem: toProblem(e, 'r'),
  graphql: formatGraphqlError({ message: e.message, path: ['x'] }, e),
});

/** Proves `geweigerd` is the same error, as both doors show it, as `afwezig` (the call for an absent object). */
async function alsAfwezig(geweigerd: () => Promise<unknown>, afwezig: () => Promise<unknown>): Promise<void> {
  const a = zichtbaar(await fout(geweigerd()));
  const b = zichtbaar(await fout(afwezig()));
  expect(a.code).toBe('NOT_FOUND');
  expect(a).toEqual(b);
}

const sinds = (n: number) => zs.recording.calls.slice(n).map((c) => c.operation);
const WIJZIGINGEN = ['creeerZaak', 'updateZaak', 'actualiseerZaakstatus', 'voegZaakdocumentToe', 'maakZaakdocument', 'geefZaakdocumentbewerken', 'updateZaakdocument', 'cancelCheckout', 'overdragenZaak', 'genereerZaakIdentificatie', 'genereerDocumentIdentificatie'];
const ABSENT = '9999-GZP-9999';

describe('a caller limited to zaaktype WMO', () => {
  const alleenWmo = () => useCases({ zaaktypen: new Set(['WMO']) });

  it('does not find a gezinsplan by identificatie, exactly as an absent zaak', async () => {
    const uc = alleenWmo();
    await alsAfwezig(() => uc.zaak(DEMO_ZAAK.gezinsplanJansen, ['omschrijving']), () => uc.zaak(ABSENT, ['omschrijving']));
    expect(await uc.gezinsplan(DEMO_ZAAK.gezinsplanJansen, ['omschrijving'])).toBeNull();
    expect(await uc.zaakMetSoort(DEMO_ZAAK.gezinsplanJansen, [])).toBeNull();
  });

  it('reads its own zaak with only the velden asked for, without relations to zaken of other zaaktypen', async () => {
    const zaak = await alleenWmo().zaak(DEMO_ZAAK.deelplanWmoJansen, ['omschrijving', 'gerelateerdeZaken']);
    expect(zaak.omschrijving).toBe('Begeleiding dagbesteding');
    expect(zaak.zaaktype).toBeUndefined();
    expect(zaak.gerelateerdeZaken).toEqual([]);
    // allowed the gezinsplan too, the relation is there: the related zaaktype comes with the relation's scope
    const ook = await useCases({ zaaktypen: new Set(['WMO', 'GZP']) }).zaak(DEMO_ZAAK.deelplanWmoJansen, ['gerelateerdeZaken']);
    expect(ook.gerelateerdeZaken?.map((r) => r.identificatie)).toEqual([DEMO_ZAAK.gezinsplanJansen]);
  });

  it('finds no zaak of another zaaktype by search or as a deelplan, and asks nothing for a zaaktype it may not see', async () => {
    const uc = alleenWmo();
    const n = zs.recording.calls.length;
    expect(await uc.gezinsplannenVoorClient(DEMO_BSN.annaJansen, ['omschrijving'])).toEqual([]);
    expect(await uc.heeftGezinsplan([DEMO_BSN.annaJansen], false)).toEqual([{ bsn: DEMO_BSN.annaJansen, heeftGezinsplan: false, bijgewerktOp: expect.any(String) }]);
    expect(sinds(n)).toEqual([]);
    const deelplannen = await uc.deelplannenVan(DEMO_ZAAK.gezinsplanJansen, ['omschrijving']);
    expect(deelplannen.map((z) => z.identificatie)).toEqual([DEMO_ZAAK.deelplanWmoJansen]);
    // the unrestricted caller finds the jeugd and schuldhulp deelplannen too
    expect((await useCases({}).deelplannenVan(DEMO_ZAAK.gezinsplanJansen, [])).length).toBe(3);
  });

  it('reads neither statuses nor documents of a zaak of another zaaktype', async () => {
    const uc = alleenWmo();
    await alsAfwezig(() => uc.statussen(DEMO_ZAAK.gezinsplanJansen), () => uc.statussen(ABSENT));
    await alsAfwezig(() => uc.documenten(DEMO_ZAAK.gezinsplanJansen), () => uc.documenten(ABSENT));
    await alsAfwezig(() => uc.documentInhoud(DEMO_DOCUMENT.gezinsplanPdf), () => uc.documentInhoud('9999-DOC-9999'));
    expect((await uc.statussen(DEMO_ZAAK.deelplanWmoJansen)).map((s) => s.statustype.code)).toEqual(['UITV']);
  });

  it('cannot change a zaak of another zaaktype: NOT_FOUND as for an absent one, and nothing is sent', async () => {
    const uc = alleenWmo();
    const n = zs.recording.calls.length;
    const status = { statustypeCode: 'UITV', statustypeOmschrijving: 'In uitvoering', statustypeVolgnummer: '3' };
    await alsAfwezig(() => uc.zetStatus(DEMO_ZAAK.gezinsplanJansen, status), () => uc.zetStatus(ABSENT, status));
    await alsAfwezig(() => uc.wijzigPlan('gezinsplan', DEMO_ZAAK.gezinsplanJansen, { omschrijving: 'x' }), () => uc.wijzigPlan('gezinsplan', ABSENT, { omschrijving: 'x' }));
    await alsAfwezig(() => uc.sluitZaak(DEMO_ZAAK.gezinsplanJansen, { resultaatOmschrijving: 'klaar' }), () => uc.sluitZaak(ABSENT, { resultaatOmschrijving: 'klaar' }));
    await alsAfwezig(() => uc.overdragenDeelplan(DEMO_ZAAK.deelplanJeugdJansen, 'JEUGD-BO'), () => uc.overdragenDeelplan('9999-JEU-9999', 'JEUGD-BO'));
    const doc = () => ({ titel: 't', documenttype: 'Verslag', auteur: 'a', vertrouwelijkAanduiding: 'INTERN', inhoud: { bestandsnaam: 't.txt', contentType: 'text/plain', body: bytesOf(Buffer.from('x')) } });
    await alsAfwezig(() => uc.voegDocumentToe(DEMO_ZAAK.gezinsplanJansen, doc()), () => uc.voegDocumentToe(ABSENT, doc()));
    // linking its own deelplan to a gezinsplan it may not see: that gezinsplan does not exist for it
    expect((await fout(uc.koppelZaakAanGezinsplan(DEMO_ZAAK.deelplanWmoJansen, DEMO_ZAAK.gezinsplanElAmrani))).code).toBe('VALIDATION_FAILED');
    expect(sinds(n).filter((o) => WIJZIGINGEN.includes(o))).toEqual([]);
  });

  it('may not create a zaak of a zaaktype it may not see (FORBIDDEN, nothing sent)', async () => {
    const n = zs.recording.calls.length;
    const e = await fout(alleenWmo().createGezinsplan({ omschrijving: 'x', regisseur: { identificatie: 'R1', achternaam: 'R' }, clients: [{ bsn: DEMO_BSN.annaJansen, geslachtsnaam: 'Jansen' }] }));
    expect(e.code).toBe('FORBIDDEN');
    expect(sinds(n).filter((o) => o === 'creeerZaak')).toEqual([]);
  });
});

describe('a caller limited to a vertrouwelijkheid', () => {
  // the demo documents are VERTROUWELIJK; ZAAKVERTROUWELIJK is one step less confidential
  const tot = (max: Rechten['maxVertrouwelijkheid']) => useCases({ maxVertrouwelijkheid: max });

  it('does not list, read or check out a more confidential document, exactly as an absent one', async () => {
    const uc = tot('ZAAKVERTROUWELIJK');
    expect(await uc.documenten(DEMO_ZAAK.gezinsplanJansen)).toEqual([]);
    await alsAfwezig(() => uc.documentInhoud(DEMO_DOCUMENT.verslagKeukentafel), () => uc.documentInhoud('9999-DOC-9999'));
    const n = zs.recording.calls.length;
    await alsAfwezig(() => uc.checkoutDocument(DEMO_DOCUMENT.verslagKeukentafel), () => uc.checkoutDocument('9999-DOC-9999'));
    await alsAfwezig(() => uc.cancelCheckout(DEMO_DOCUMENT.verslagKeukentafel, 'co'), () => uc.cancelCheckout('9999-DOC-9999', 'co'));
    expect(sinds(n).filter((o) => WIJZIGINGEN.includes(o))).toEqual([]);
  });

  it('sees documents up to its maximum, with their content', async () => {
    const uc = tot('VERTROUWELIJK');
    expect((await uc.documenten(DEMO_ZAAK.gezinsplanJansen)).map((d) => d.identificatie).sort()).toEqual([DEMO_DOCUMENT.gezinsplanPdf, DEMO_DOCUMENT.verslagKeukentafel]);
    const gelezen = await uc.documentInhoud(DEMO_DOCUMENT.verslagKeukentafel);
    expect((await collectBytes(gelezen.inhoud.body)).toString()).toContain('Keukentafelgesprek');
  });

  it('may not add a document above its maximum, nor one without aanduiding; one within it is added and listed', async () => {
    const uc = tot('INTERN');
    const doc = (vertrouwelijkAanduiding?: string) => ({ titel: 'Notitie', documenttype: 'Verslag', auteur: 'a', vertrouwelijkAanduiding, inhoud: { bestandsnaam: 'n.txt', contentType: 'text/plain', body: bytesOf(Buffer.from('n')) } });
    expect((await fout(uc.voegDocumentToe(DEMO_ZAAK.gezinsplanPetersen, doc('VERTROUWELIJK')))).code).toBe('FORBIDDEN');
    expect((await fout(uc.voegDocumentToe(DEMO_ZAAK.gezinsplanPetersen, doc()))).code).toBe('FORBIDDEN');
    const toegevoegd = await uc.voegDocumentToe(DEMO_ZAAK.gezinsplanPetersen, doc('INTERN'));
    expect(toegevoegd.vertrouwelijkAanduiding).toBe('INTERN');
  });
});

describe('an unrestricted caller', () => {
  /** the calls as sent, without what differs per message (referentienummer, tijdstip) */
  const verstuurd = (n: number) =>
    zs.recording.calls.slice(n).map((c) => c.requestXml.replace(/<(\w+:)?(referentienummer|tijdstipBericht)>[^<]*</g, '<$2><'));

  async function leesAlles(uc: RequestUseCases): Promise<void> {
    await uc.gezinsplan(DEMO_ZAAK.gezinsplanJansen, ['omschrijving', 'clients', 'gerelateerdeZaken']);
    await uc.zaak(DEMO_ZAAK.deelplanWmoJansen, ['deelzaken', 'hoofdzaken']);
    await uc.deelplannenVan(DEMO_ZAAK.gezinsplanJansen, ['omschrijving']);
    await uc.gezinsplannenVoorClient(DEMO_BSN.annaJansen, ['omschrijving']);
    await uc.heeftGezinsplan([DEMO_BSN.annaJansen, DEMO_BSN.sannePetersen], true);
    await uc.statussen(DEMO_ZAAK.gezinsplanJansen);
    await uc.documenten(DEMO_ZAAK.gezinsplanJansen);
    await collectBytes((await uc.documentInhoud(DEMO_DOCUMENT.verslagKeukentafel)).inhoud.body);
  }

  it('makes exactly the StUF calls it makes without authorisation', async () => {
    const zonder = createUseCases({ ...limitPorts(zs.ports, DEFAULT_CONCURRENCY), sloten: inProcesSloten() }).forRequest(ctxMet());
    let n = zs.recording.calls.length;
    await leesAlles(zonder);
    const zonderCalls = verstuurd(n);
    n = zs.recording.calls.length;
    await leesAlles(useCases({}));
    expect(verstuurd(n)).toEqual(zonderCalls);
    expect(zonderCalls.length).toBeGreaterThan(8);
  });
});

describe('a port call without identiteit', () => {
  it('is UNAUTHENTICATED and sends nothing', async () => {
    const n = zs.recording.calls.length;
    const ports = authorisedPorts(zs.ports);
    expect((await fout(ports.zaken.geefZaak({ requestId: 'anoniem' }, DEMO_ZAAK.gezinsplanJansen, []))).code).toBe('UNAUTHENTICATED');
    expect((await fout(ports.documenten.leesDocument({ requestId: 'anoniem' }, DEMO_DOCUMENT.gezinsplanPdf))).code).toBe('UNAUTHENTICATED');
    expect(sinds(n)).toEqual([]);
  });
});
