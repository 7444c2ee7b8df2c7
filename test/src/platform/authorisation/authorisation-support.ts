import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseBackendsConfig } from '../../../../soap-clients/config/backend-config';
import type { Dialect } from '../../../../soap-clients/stuf/operations';
import { RecordingTransport } from '../../../../soap-clients/transport/recording-transport';
import { createZdsBackends } from '../../../../soap-clients/zds-backends';
import { stufPorts, type FacadePorts } from '../../../../src/app/app-ports';
import { OPERATIES, type Rechten } from '../../../../src/core/domain/identiteit';
import type { RequestContext } from '../../../../src/core/domain/request-context';
import { createUseCases, type RequestUseCases } from '../../../../src/core/usecases/use-cases';
import { authorisedPorts } from '../../../../src/platform/authorisation/authorised-ports';
import { authorisedUseCases } from '../../../../src/platform/authorisation/use-case-rechten';
import { DEFAULT_CONCURRENCY, limitPorts } from '../../../../src/platform/limits/concurrency';
import { inProcesSloten } from '../../../../src/platform/zaak-sloten/in-proces-sloten.adapter';
import { startEmbeddedZaaksysteem, type EmbeddedZaaksysteem } from '../../../../src/zaaksysteem/embedded';

/** A RequestContext as the request pipeline makes it for an authenticated caller with these rechten (default: everything). */
export function ctxMet(rechten: Partial<Rechten> = {}): RequestContext {
  return {
    requestId: randomUUID(),
    identiteit: {
      applicatie: 'test-applicatie',
      rechten: { operaties: new Set(OPERATIES), zaaktypen: 'alle', maxVertrouwelijkheid: 'ZEER GEHEIM', ...rechten },
    },
    verwerking: { id: 'test', uri: 'urn:test:verwerking', naam: 'Test', operaties: new Set(OPERATIES) },
  };
}

/**
 * The use cases of one request of a caller with these rechten, with authorisation around the limited ports as
 * buildApp has them (without the protocol); `operatieRechten` adds the driving-port decorator too.
 */
export function useCasesMet(ports: FacadePorts, rechten: Partial<Rechten>, { operatieRechten = false } = {}): RequestUseCases {
  const useCases = createUseCases({ ...authorisedPorts(limitPorts(ports, DEFAULT_CONCURRENCY)), sloten: inProcesSloten() });
  return (operatieRechten ? authorisedUseCases(useCases) : useCases).forRequest(ctxMet(rechten));
}

export interface ZaaksysteemOpHttp {
  ports: FacadePorts;
  recording: RecordingTransport;
  close(): Promise<void>;
}

/** The StUF adapters (over HTTP, ZDS 1.2 unless told) to an embedded zaaksysteem with demo data, recording every call. */
export async function zaaksysteemMetDemo(dialect: Dialect = 'zds-1.2'): Promise<ZaaksysteemOpHttp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'authorisation-'));
  const zaaksysteem: EmbeddedZaaksysteem = await startEmbeddedZaaksysteem({ dataDir, demo: true });
  const backends = createZdsBackends(
    parseBackendsConfig({
      zaak: {
        dialect,
        endpoints: zaaksysteem.endpoints[dialect],
        zender: { organisatie: '9999', applicatie: 'REGIE', gebruiker: 'regisseur' },
        ontvanger: { organisatie: '9999', applicatie: 'ZAAKSYSTEEM' },
      },
    }),
  );
  const recording = new RecordingTransport(backends.zaak.transport, dialect);
  const ports = stufPorts({ zaak: { ...backends.zaak, transport: recording }, document: { ...backends.document, transport: recording }, close: () => backends.close() });
  return {
    ports,
    recording,
    async close() {
      await ports.close();
      await zaaksysteem.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
