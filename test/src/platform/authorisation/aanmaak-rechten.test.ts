import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesOf } from '../../../../src/core/domain/document';
import { FacadeError } from '../../../../src/core/domain/errors';
import type { Rechten } from '../../../../src/core/domain/identiteit';
import type { DocumentInvoer } from '../../../../src/core/usecases/invoer';
import type { RequestUseCases } from '../../../../src/core/usecases/use-cases';
import { DEMO_BSN, DEMO_ZAAK } from '../../../../src/zaaksysteem/demo/demo-data';
import { useCasesMet, zaaksysteemMetDemo, type ZaaksysteemOpHttp } from './authorisation-support';

let zs: ZaaksysteemOpHttp;
beforeAll(async () => {
  zs = await zaaksysteemMetDemo();
}, 60_000);
afterAll(() => zs?.close());

const useCases = (rechten: Partial<Rechten>): RequestUseCases => useCasesMet(zs.ports, rechten, { operatieRechten: true });

/** The error of `p`, and every StUF call made meanwhile. */
async function geweigerd(p: () => Promise<unknown>): Promise<{ code: string; verstuurd: string[] }> {
  const n = zs.recording.calls.length;
  const e = await p().then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(FacadeError);
  return { code: (e as FacadeError).code, verstuurd: zs.recording.calls.slice(n).map((c) => c.operation) };
}

const document = (vertrouwelijkAanduiding?: string): DocumentInvoer => ({
  titel: 'Plan', documenttype: 'Gezinsplan', auteur: 'Regisseur', vertrouwelijkAanduiding,
  inhoud: { bestandsnaam: 'plan.txt', contentType: 'text/plain', body: bytesOf(Buffer.from('plan')) },
});
const regisseur = { identificatie: 'R1', achternaam: 'Regisseur' };
const clients = [{ bsn: DEMO_BSN.annaJansen, geslachtsnaam: 'Jansen' }];
const gezinsplan = (documenten?: DocumentInvoer[]) => ({ omschrijving: 'Gezinsplan', regisseur, clients, documenten });
const NIETS = { code: 'FORBIDDEN', verstuurd: [] };

describe('a create the caller may not have is refused before anything is reserved or sent', () => {
  it('a zaak of a zaaktype it may not see: gezinsplan and levensdomeinplan from the configuration, a deelplan from its invoer', async () => {
    const wmo = useCases({ zaaktypen: new Set(['WMO']) });
    expect(await geweigerd(() => wmo.createGezinsplan(gezinsplan()))).toEqual(NIETS);
    expect(await geweigerd(() => wmo.createLevensdomeinplan({ ...gezinsplan(), gezinsplan: DEMO_ZAAK.gezinsplanJansen }))).toEqual(NIETS);
    const deelplan = (code: string) => ({ omschrijving: 'Deelplan', zaaktype: { code, omschrijving: code }, initiator: { medewerker: regisseur }, clients, gezinsplan: DEMO_ZAAK.gezinsplanJansen });
    expect(await geweigerd(() => useCases({ zaaktypen: new Set(['WMO', 'GZP']) }).createDeelplan(deelplan('JEU')))).toEqual(NIETS);
  });

  it('a document above its maximum, also as the default aanduiding of one given none, in a new plan or added to a zaak', async () => {
    const intern = useCases({ maxVertrouwelijkheid: 'INTERN' });
    expect(await geweigerd(() => intern.createGezinsplan(gezinsplan([document('INTERN'), document('VERTROUWELIJK')])))).toEqual(NIETS);
    // none given: the adapter writes ZAAKVERTROUWELIJK (STANDAARD_VERTROUWELIJKHEID), above INTERN
    expect(await geweigerd(() => intern.createGezinsplan(gezinsplan([document()])))).toEqual(NIETS);
    expect(await geweigerd(() => intern.voegDocumentToe(DEMO_ZAAK.gezinsplanPetersen, document('GEHEIM')))).toEqual(NIETS);
  });

  it('leaves what is no aanduiding at all to validation: VALIDATION_FAILED, nothing sent', async () => {
    expect(await geweigerd(() => useCases({ maxVertrouwelijkheid: 'INTERN' }).createGezinsplan(gezinsplan([document('GEHEIMPJE')])))).toEqual({ code: 'VALIDATION_FAILED', verstuurd: [] });
  });
});

describe('a create within the caller\'s rechten', () => {
  it('is made, its document without aanduiding stored with the same default the check used', async () => {
    const zaak = await useCases({ zaaktypen: new Set(['GZP']), maxVertrouwelijkheid: 'ZAAKVERTROUWELIJK' }).createGezinsplan(gezinsplan([document()]));
    const documenten = await useCases({}).documenten(zaak.identificatie);
    expect(documenten.map((d) => d.vertrouwelijkAanduiding)).toEqual(['ZAAKVERTROUWELIJK']);
  });
});
