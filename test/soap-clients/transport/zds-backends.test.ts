import { afterEach, describe, expect, it } from 'vitest';
import { parseBackendsConfig } from '../../../soap-clients/config/backend-config';
import { createZdsBackends, type ZdsBackends } from '../../../soap-clients/zds-backends';
import { NS } from '../../../soap-clients/xml/namespaces';
import { answer, call, closeOpened, example, ONTVANGER, soap11, startFakeBackend, vrijBericht, ZENDER } from './fake-backend';

let backends: ZdsBackends | undefined;
afterEach(async () => {
  await backends?.close();
  backends = undefined;
  await closeOpened();
});

const role = (url: string, dialect: string, ontvanger = ONTVANGER) => ({
  dialect,
  endpoints: { beantwoordVraag: `${url}/bv`, ontvangAsynchroon: `${url}/oa`, vrijeBerichten: `${url}/vb` },
  zender: ZENDER,
  ontvanger,
});

describe('createZdsBackends', () => {
  it('without a DMS, document operations go to the zaaksysteem over the same pool', async () => {
    const zs = await startFakeBackend(answer(200, soap11(example('zds-1.2/stp/genereerDocumentIdentificatie/genereerDocumentIdentificatie_Du02.xml'))));
    backends = createZdsBackends(parseBackendsConfig({ zaak: role(zs.url, 'zds-1.2') }));
    expect(backends.document.transport).toBe(backends.zaak.transport);
    expect(backends.document).toMatchObject({ role: 'document', dialect: 'zds-1.2', ontvanger: ONTVANGER });
    await backends.document.transport.send(call('genereerDocumentIdentificatie', vrijBericht('genereerDocumentIdentificatie', 'zds-1.2')));
    expect(zs.requests).toHaveLength(1);
  });

  it('a separate DMS (RZS §5.2.4) gets the document operations, in its own dialect and with its own ontvanger', async () => {
    const zs = await startFakeBackend(answer(200, soap11(example('zds-1.2/stp/genereerZaakIdentificatie/genereerZaakIdentificatie_Du02_02.xml'))));
    // the official voorbeeldbericht named ..._Di02.xml holds the Du02 (contents swapped as published)
    const dms = await startFakeBackend(answer(200, soap11(example('zds-1.1/voorbeeldberichten/genereerDocumentIdentificatie_Di02.xml'))));
    const DMS = { applicatie: 'DMS' };
    backends = createZdsBackends(parseBackendsConfig({ zaak: role(zs.url, 'zds-1.2'), document: role(dms.url, 'zds-1.1', DMS) }));
    expect(backends.document).toMatchObject({ role: 'document', dialect: 'zds-1.1', ontvanger: DMS });
    expect(backends.zaak).toMatchObject({ role: 'zaak', dialect: 'zds-1.2', ontvanger: ONTVANGER });
    const du02 = await backends.document.transport.send(
      call('genereerDocumentIdentificatie', vrijBericht('genereerDocumentIdentificatie', 'zds-1.1')),
    );
    await backends.zaak.transport.send(call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2')));
    expect([du02.uri, du02.local]).toEqual([NS.ZKN, 'genereerDocumentIdentificatie_Du02']);
    expect(dms.requests.map((r) => r.headers.soapaction)).toEqual([`"${NS.ZKN}/genereerDocumentIdentificatie_Di02"`]);
    expect(zs.requests.map((r) => r.headers.soapaction)).toEqual([`"${NS.ZDS}/genereerZaakIdentificatie_Di02"`]);
  });

  it('close() ends the pools: no call gets through afterwards', async () => {
    const zs = await startFakeBackend(answer(200, ''));
    const b = createZdsBackends(parseBackendsConfig({ zaak: role(zs.url, 'zds-1.2') }));
    await b.close();
    await expect(b.zaak.transport.send(call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2')))).rejects.toMatchObject({
      code: 'BACKEND_UNAVAILABLE',
    });
  });
});
