import { createHmac } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { FacadePorts } from '../../../../src/app/app-ports';
import { createLogger } from '../../../../src/app/app-logger';
import { defaultConfig } from '../../../../src/app/config/app-config';
import { renderProtocolProblem } from '../../../../src/app/protocol-problem';
import type { Identiteit, Verwerking } from '../../../../src/core/domain/identiteit';
import { createUseCases } from '../../../../src/core/usecases/use-cases';
import { graphqlApi } from '../../../../src/doors/graphql/graphql.plugin';
import { restApi } from '../../../../src/doors/rest/index';
import { DownloadTokens } from '../../../../src/platform/downloads/download-tokens';
import { limitPorts } from '../../../../src/platform/limits/concurrency';
import { ProtocolCollector } from '../../../../src/platform/protocol/protocol-collector';
import { protocolledPorts } from '../../../../src/platform/protocol/protocolled-ports';
import { protocolInzage } from '../../../../src/platform/protocol/protocol-inzage';
import { protocollering } from '../../../../src/platform/protocol/protocollering.plugin';
import { requestContext, requestPipeline } from '../../../../src/platform/request-pipeline/request-pipeline.plugin';
import { requestIdOf } from '../../../../src/platform/request-pipeline/request-id';
import type { InMemoryProtocolStore } from '../../../support/in-memory-protocol-store';
import { inProcesSloten } from '../../../../src/platform/zaak-sloten/in-proces-sloten.adapter';
import type { Abonnementen } from '../../../../src/platform/webhooks/abonnementen';

export const IDENTITEIT: Identiteit = {
  applicatie: 'regie-portaal',
  gebruiker: 'regisseur-0042',
  rechten: { operaties: new Set(['lezen', 'schrijven', 'dashboard']), zaaktypen: 'alle', maxVertrouwelijkheid: 'ZEER GEHEIM' },
};
export const VERWERKING: Verwerking = {
  id: 'regie-gezinsplan',
  uri: 'https://register.example.org/verwerkingsactiviteiten/regie-gezinsplan/v1',
  naam: 'Regie op het gezinsplan',
  operaties: new Set(['lezen', 'schrijven', 'dashboard']),
};

const SLEUTEL = Buffer.alloc(32, 7);
/** The test's pseudonym: a keyed HMAC, as the real one. */
export const pseudoniem = (bsn: string): string => createHmac('sha256', SLEUTEL).update(bsn).digest('hex');

export interface ProtocolApp {
  app: FastifyInstance;
  logs: string[];
  /** set by the route /test/stroom: whether its body was read or destroyed */
  stroom: { gelezen: boolean; vernietigd: boolean };
}

/**
 * The facade's pipeline, the protocollering plugin and both doors over `ports`, with the caller identified by
 * a test-only identify (authentication is not what is tested here). One extra route, /test/stroom, asks for a
 * BSN and answers a stream, to prove a streamed body is destroyed unread when its protocol cannot be written.
 */
export async function protocolApp(ports: FacadePorts, store: InMemoryProtocolStore): Promise<ProtocolApp> {
  const config = defaultConfig('development');
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const app = Fastify({ loggerInstance: createLogger({ logLevel: 'info' }, logStream) as FastifyBaseLogger, genReqId: requestIdOf });
  const collector = new ProtocolCollector();
  const protocolled = protocolledPorts(limitPorts(ports, config.concurrency), collector, store);
  const useCases = createUseCases({ ...protocolled, sloten: inProcesSloten(), config: config.useCases });
  await app.register(requestPipeline, {
    config: config.pipeline,
    identify: async () => ({ identiteit: IDENTITEIT, verwerking: VERWERKING, gebruiker: IDENTITEIT.gebruiker }),
  });
  await app.register(protocollering, { store, collector, pseudoniem, renderProblem: renderProtocolProblem });
  const downloads = new DownloadTokens(config.graphql.downloadUrlTtlMs);
  await app.register(graphqlApi, { useCases, config: config.graphql, downloads, idempotentie: ZONDER_IDEMPOTENTIE });
  await app.register(restApi, { useCases, limits: config.rest, downloads, protocol: protocolInzage(store, pseudoniem, collector), idempotentie: ZONDER_IDEMPOTENTIE, abonnementen: {} as Abonnementen });
  const stroom = { gelezen: false, vernietigd: false };
  app.post<{ Body: { bsn: string } }>('/test/stroom', async (request, reply) => {
    await protocolled.zaken.zoekZaken(requestContext(request), { clientBsn: request.body.bsn }, []);
    const body = new Readable({
      read() {
        stroom.gelezen = true;
        this.push('inhoud');
        this.push(null);
      },
      destroy(err, cb) {
        stroom.vernietigd = true;
        cb(err);
      },
    });
    return reply.type('application/octet-stream').header('content-length', '7').send(body);
  });
  await app.ready();
  return { app, logs, stroom };
}

/** The protocol's tests give no Idempotency-Key: every mutation simply runs. */
const ZONDER_IDEMPOTENTIE = {
  voerUit: <T>(_applicatie: string, _sleutel: unknown, _verzoek: unknown, werk: () => Promise<T>) => werk(),
  opdracht: async () => undefined,
};
