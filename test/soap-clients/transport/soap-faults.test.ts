import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../src/core/domain/errors';
import { readSoapEnvelope, type SoapFault } from '../../../soap-clients/transport/soap-envelope';
import { faultError } from '../../../soap-clients/transport/transport-errors';
import { parseXml } from '../../../soap-clients/xml/xml-parser';
import { answer, call, closeOpened, startFakeBackend, transportTo, vrijBericht } from './fake-backend';

/**
 * SOAP faults as real zaaksystemen and their gateways write them (fixtures/faults/): either envelope with
 * either style of fault children, StUF foutberichten under any prefix or as default namespace, faultcodes in
 * odd case, and foutberichten with an incomplete body. Each is read with exact values, and gives the same
 * error whether it comes with HTTP 500 or 200.
 */
afterEach(closeOpened);

const fixture = (naam: string) => readFileSync(new URL(`../fixtures/faults/${naam}.xml`, import.meta.url), 'utf8');

const GEVALLEN: [string, SoapFault, ErrorCode, string][] = [
  [
    'soap12-met-soap11-kinderen',
    {
      soapVersion: '1.2',
      side: 'client',
      stuf: { berichtcode: 'Fo02', code: 'StUF055', plek: 'client', omschrijving: 'Ongeldig bericht', details: 'Element inp.bsn: waarde 999900018 niet toegestaan' },
    },
    'BACKEND_REJECTED',
    'SOAP 1.2 fault Fo02 StUF055 (client)',
  ],
  [
    'soap12-detail-standaard-namespace',
    { soapVersion: '1.2', side: 'server', stuf: { berichtcode: 'Fo02', code: 'StUF064', plek: 'server', omschrijving: 'Object niet gevonden' } },
    'NOT_FOUND',
    'SOAP 1.2 fault Fo02 StUF064 (server)',
  ],
  [
    'soap11-jaxb-prefixen',
    { soapVersion: '1.1', side: 'server', stuf: { berichtcode: 'Fo03', code: 'StUF058', plek: 'server', omschrijving: 'Proces voor afhandelen bericht geeft fout' } },
    'BACKEND_FAULT',
    'SOAP 1.1 fault Fo03 StUF058 (server)',
  ],
  [
    'soap11-namespace-dubbel-gebonden',
    { soapVersion: '1.1', side: 'client', stuf: { berichtcode: 'Fo02', code: 'ZKN903', plek: 'client', omschrijving: 'Document is uitgecheckt' } },
    'LOCKED',
    'SOAP 1.1 fault Fo02 ZKN903 (client)',
  ],
  [
    // plek comes from the faultcode when the body leaves it out; still that Fo02 with its code
    'soap11-fo02-onvolledig',
    { soapVersion: '1.1', side: 'client', stuf: { berichtcode: 'Fo02', code: 'StUF055', plek: 'client' } },
    'BACKEND_REJECTED',
    'SOAP 1.1 fault Fo02 StUF055 (client)',
  ],
  ['soap12-fo02-zonder-code', { soapVersion: '1.2', side: 'client' }, 'BACKEND_REJECTED', 'SOAP 1.2 fault without StUF foutbericht (client)'],
  ['soap12-receiver-zonder-detail', { soapVersion: '1.2', side: 'server' }, 'BACKEND_FAULT', 'SOAP 1.2 fault without StUF foutbericht (server)'],
];

describe('SOAP faults in the styles real systems write them', () => {
  it.each(GEVALLEN)('%s is read with exact values', (naam, fault, code, internal) => {
    const a = readSoapEnvelope(parseXml(fixture(naam)));
    expect(a).toEqual({ fault });
    const err = faultError(fault, 'zaak');
    expect([err.code, err.internal]).toEqual([code, internal]);
  });

  it.each(GEVALLEN.flatMap(([naam, , code, internal]) => [500, 200].map((status) => [naam, status, code, internal] as const)))(
    '%s over HTTP %i: the fault, not "HTTP 500 without SOAP fault", and none of its text',
    async (naam, status, code, internal) => {
      const ct = naam.startsWith('soap12') ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8';
      const backend = await startFakeBackend(answer(status, fixture(naam), ct));
      const err = await transportTo(backend.url).send(call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2'))).then(
        () => undefined,
        (e: unknown) => e as { code: string; internal: string; message: string },
      );
      expect([err?.code, err?.internal]).toEqual([code, internal]);
      expect(err?.message).not.toMatch(/999900018|java|GZP|Validation error|Service unavailable/);
    },
  );
});
