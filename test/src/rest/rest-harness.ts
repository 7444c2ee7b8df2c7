import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseBackendsConfig } from '../../../soap-clients/config/backend-config';
import { StufDocumentRegister } from '../../../soap-clients/document/stuf-document-register.adapter';
import { StufZaakOverdracht } from '../../../soap-clients/overdracht/stuf-zaak-overdracht.adapter';
import type { Dialect } from '../../../soap-clients/stuf/operations';
import { RecordingTransport } from '../../../soap-clients/transport/recording-transport';
import { StufZaakRegister } from '../../../soap-clients/zaak/stuf-zaak-register.adapter';
import { createZdsBackends } from '../../../soap-clients/zds-backends';
import { restApi } from '../../../src/rest/index';
import type { RestLimits } from '../../../src/rest/rest-options';
import { createUseCases, type UseCases } from '../../../src/usecases/use-cases';
import { type EmbeddedZaaksysteem, startEmbeddedZaaksysteem } from '../../../src/zaaksysteem/embedded';
import { expectValidStuf } from '../../support/stuf-validator';

/**
 * xmllint refuses text nodes over 10 MB (it would need --huge); for such messages the base64 inhoud is checked
 * by the schema on a short stand-in, and its bytes by the byte-exact download.
 */
function shortenLongText(xml: string): string {
  let out = '';
  let from = 0;
  for (let open = xml.indexOf('>', from); open !== -1; open = xml.indexOf('>', from)) {
    const close = xml.indexOf('<', open);
    if (close === -1) break;
    out += xml.slice(from, open + 1) + (close - open > 4096 ? 'QUJD' : xml.slice(open + 1, close));
    from = close;
  }
  return out + xml.slice(from);
}

export interface RestHarness {
  app: FastifyInstance;
  zaaksysteem: EmbeddedZaaksysteem;
  /** every StUF message the facade sent, for counting and schema validation */
  recording: RecordingTransport;
  useCases: UseCases;
  /** validates every message recorded so far against the official schemas */
  expectAllSentValid(opts?: { shortenContent?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/**
 * The REST API over the real chain: use cases, the StUF client and HTTP SOAP to an embedded zaaksysteem on an
 * ephemeral port, with its own empty store. Every message sent is recorded.
 */
export async function startRestHarness(
  opts: { limits?: Partial<RestLimits>; dialect?: Dialect; timeouts?: Record<string, number> } = {},
): Promise<RestHarness> {
  const dialect = opts.dialect ?? 'zds-1.2';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rest-zaaksysteem-'));
  const zaaksysteem = await startEmbeddedZaaksysteem({ dataDir, demo: false });
  const backends = createZdsBackends(
    parseBackendsConfig({
      zaak: {
        dialect,
        endpoints: zaaksysteem.endpoints[dialect],
        zender: { organisatie: '0599', applicatie: 'REGIE', gebruiker: 'portaal' },
        ontvanger: { organisatie: '0599', applicatie: 'ZSDMS' },
        ...(opts.timeouts ? { timeouts: opts.timeouts } : {}),
      },
    }),
  );
  const recording = new RecordingTransport(backends.zaak.transport, dialect);
  const backend = { ...backends.zaak, transport: recording };
  const useCases = createUseCases({
    zaken: new StufZaakRegister(backend),
    documenten: new StufDocumentRegister({ ...backends.document, transport: recording }),
    overdracht: new StufZaakOverdracht(backend),
  });
  const app = Fastify({ logger: false });
  await app.register(restApi, { useCases, limits: opts.limits });
  await app.ready();
  return {
    app,
    zaaksysteem,
    recording,
    useCases,
    expectAllSentValid: (check = {}) =>
      expectValidStuf(
        recording.calls.map((c, i) => ({
          name: `${i}-${c.operation}`,
          xml: check.shortenContent ? shortenLongText(c.requestXml) : c.requestXml,
        })),
        dialect === 'zds-1.2' ? '1.2' : undefined,
      ),
    close: async () => {
      await app.close();
      await backends.close();
      await zaaksysteem.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
