import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../soap-clients/stuf/operations';
import { collectBytes } from '../../../../src/core/domain/document';
import { FacadeError } from '../../../../src/core/domain/errors';
import type { Rechten } from '../../../../src/core/domain/identiteit';
import type { RequestUseCases } from '../../../../src/core/usecases/use-cases';
import { DEMO_DOCUMENT } from '../../../../src/zaaksysteem/demo/demo-data';
import { useCasesMet, zaaksysteemMetDemo, type ZaaksysteemOpHttp } from './authorisation-support';

async function fout(p: Promise<unknown>): Promise<FacadeError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(FacadeError);
  return e as FacadeError;
}

describe.each(DIALECTS)('a caller limited to zaaktypen, a document by identificatie (%s)', (dialect) => {
  let zs: ZaaksysteemOpHttp;
  beforeAll(async () => {
    zs = await zaaksysteemMetDemo(dialect);
  }, 60_000);
  afterAll(() => zs?.close());

  /** A new request of a caller with these rechten: nothing known from earlier answers. */
  const useCases = (rechten: Partial<Rechten>): RequestUseCases => useCasesMet(zs.ports, rechten);
  const sinds = (n: number) => zs.recording.calls.slice(n);

  it('reads a document of a zaak it may see without listing it first: its zaak is asked without content where the dialect allows', async () => {
    const n = zs.recording.calls.length;
    const gelezen = await useCases({ zaaktypen: new Set(['GZP']) }).documentInhoud(DEMO_DOCUMENT.verslagKeukentafel);
    expect((await collectBytes(gelezen.inhoud.body)).toString()).toContain('Keukentafelgesprek');
    const calls = sinds(n);
    expect(calls.map((c) => c.operation)).toEqual(['geefZaakdocumentLezen', 'geefZaakdetails', 'geefZaakdocumentLezen']);
    // ZDS 1.2 answers with the inhoud whatever the scope (§4.3.2.2); ZDS 1.1 is asked without it
    expect(calls[0]!.requestXml.includes('<ZKN:inhoud')).toBe(dialect === 'zds-1.2');
    expect(calls[2]!.requestXml).toContain('<ZKN:inhoud');
  });

  it('reads, checks out or releases no document of a zaak it may not see: NOT_FOUND as an absent one, its content never asked for the caller', async () => {
    const uc = useCases({ zaaktypen: new Set(['WMO']) });
    const n = zs.recording.calls.length;
    const verborgen = await fout(uc.documentInhoud(DEMO_DOCUMENT.gezinsplanPdf));
    const afwezig = await fout(uc.documentInhoud('9999-DOC-9999'));
    expect([verborgen.code, verborgen.publicMessage, verborgen.stuf]).toEqual([afwezig.code, afwezig.publicMessage, afwezig.stuf]);
    expect(verborgen.code).toBe('NOT_FOUND');
    expect((await fout(uc.checkoutDocument(DEMO_DOCUMENT.gezinsplanPdf))).code).toBe('NOT_FOUND');
    expect((await fout(uc.cancelCheckout(DEMO_DOCUMENT.gezinsplanPdf, 'co'))).code).toBe('NOT_FOUND');
    // per document one question for its gegevens and, once per request, one for its zaak's zaaktype: nothing else
    expect(sinds(n).map((c) => c.operation)).toEqual(['geefZaakdocumentLezen', 'geefZaakdetails', 'geefZaakdocumentLezen', 'geefZaakdocumentLezen', 'geefZaakdocumentLezen']);
  });

  it('checks out and releases a document of a zaak it may see', async () => {
    const uc = useCases({ zaaktypen: new Set(['GZP']), maxVertrouwelijkheid: 'VERTROUWELIJK' });
    const co = await uc.checkoutDocument(DEMO_DOCUMENT.verslagKeukentafel);
    await uc.cancelCheckout(DEMO_DOCUMENT.verslagKeukentafel, co.checkoutId);
    expect(co.document.identificatie).toBe(DEMO_DOCUMENT.verslagKeukentafel);
  });
});
