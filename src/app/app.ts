import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { IwmoBerichtenXml } from '../../soap-clients/iwmo/iwmo-berichten.adapter';
import { createStufPorts, type FacadePorts } from './app-ports';
import { createLogger, FacadeLogController } from './app-logger';
import type { AppConfig } from './config/app-config';
import { httpsOpties } from './config/https-config';
import { clientErrorAnswer } from './client-error';
import { FacadeError } from '../core/domain/errors';
import { graphiqlPage } from '../doors/graphql/graphiql.plugin';
import { graphqlApi } from '../doors/graphql/graphql.plugin';
import { graphqlHttpError } from '../doors/graphql/http-error';
import { restApi } from '../doors/rest/index';
import { DownloadTokens } from '../platform/downloads/download-tokens';
import { sendProblem } from '../doors/rest/problem';
import { createUseCases } from '../core/usecases/use-cases';
import { browserSafetyPlugin, hardenBareAnswer } from '../platform/browser-safety/browser-safety.plugin';
import { httpContractPlugin, MAX_URL_LENGTH } from '../platform/http-contract/http-contract.plugin';
import { identify } from '../platform/identity/identify';
import { authorisedPorts } from '../platform/authorisation/authorised-ports';
import { authorisedUseCases } from '../platform/authorisation/use-case-rechten';
import { limitPorts, procesLimieten } from '../platform/limits/concurrency';
import { beheerRoutes } from '../platform/beheer/beheer.plugin';
import { FacadeMetrics } from '../platform/beheer/facade-metrics';
import { Gereedheid } from '../platform/beheer/gereedheid';
import { telHttp } from '../platform/beheer/http-metrics';
import { eerlijkeUitkomstPorts } from '../platform/uitkomst/uitkomst-ports';
import { eerlijkeUitkomstUseCases } from '../platform/uitkomst/uitkomst-use-cases';
import { WijzigingenPerVerzoek } from '../platform/uitkomst/wijzigingen-per-verzoek';
import { backendBreakers, breakerPorts } from '../platform/veerkracht/breaker-ports';
import { retriedPorts } from '../platform/veerkracht/retries';
import { storeSloten } from '../platform/zaak-sloten/store-sloten.adapter';
import { ProtocolCollector } from '../platform/protocol/protocol-collector';
import { protocolInzage } from '../platform/protocol/protocol-inzage';
import { protocolledPorts } from '../platform/protocol/protocolled-ports';
import { protocollering } from '../platform/protocol/protocollering.plugin';
import { protocolSleutel, pseudonimiseerder } from '../platform/protocol/pseudoniem';
import type { ProtocolStore } from '../platform/protocol/protocol-store.port';
import { openProtocolStore } from '../platform/protocol/sql-protocol-store';
import { idempotencyPlugin } from '../platform/idempotency/idempotency.plugin';
import { IdempotencyService } from '../platform/idempotency/idempotency.service';
import { GebeurtenisAbonnementen } from '../platform/gebeurtenissen/gebeurtenis-abonnementen';
import { GebeurtenisLog } from '../platform/gebeurtenissen/gebeurtenis-log';
import { Journaal } from '../platform/journaal/journaal';
import { journaalPorts, type Runs } from '../platform/journaal/journaal-ports';
import { journaalStand, procesNaam } from '../platform/journaal/journaal-stand';
import { journaalUseCases } from '../platform/journaal/journaal-use-cases';
import { startJournaalWerker } from '../platform/journaal/journaal-werker';
import { Spool } from '../platform/journaal/spool';
import { openStore } from '../platform/store/open-store';
import { startWebhooks } from '../platform/webhooks/webhooks';
import { HERPROBEER_MS, startLeiderschap } from '../platform/leiderschap/leiderschap';
import { startDashboardIndex } from './dashboard-index-wiring';
import { FACADE_VERSIE } from './versie';
import { startTracing, type Tracing } from '../platform/telemetrie/tracing';
import { tracingPlugin, verzoekTrace } from '../platform/telemetrie/tracing.plugin';
import type { Store } from '../platform/store/store.port';
import { renderProtocolProblem } from './protocol-problem';
import { requestPipeline, type Identify } from '../platform/request-pipeline/request-pipeline.plugin';
import { requestIdOf } from '../platform/request-pipeline/request-id';
import type { AnswerTap } from '../../soap-clients/provider/answer-writer';
import { INKOMENDE_PADEN, inkomendProvider } from '../../soap-clients/notificatie/inkomend-provider';
import { stufInbound } from '../doors/stuf/stuf-inbound.plugin';
import { NotificatieOpslag } from '../platform/notificaties/notificatie-opslag';
import { startNotificatieVerwerker } from '../platform/notificaties/notificatie-verwerker';

export interface AppDeps {
  /** the ports; default: the StUF adapters over `config.backends` */
  ports?: FacadePorts;
  /** the process's logger (server.ts creates it first); default: one over `logStream` */
  logger?: Logger;
  /** where log lines go when no logger is given (tests); default stdout */
  logStream?: NodeJS.WritableStream;
  /** who asks and why, for every route that is not publiek (the request pipeline's `identify`) */
  identify?: Identify;
  /** the facade's own store, opened by the caller (who closes it); default: opened from `config.store`, closed with the app */
  store?: Store;
  /** where the protocol is written; default: the ProtocolStore in the facade's store */
  protocol?: ProtocolStore;
  /** sees every answer of the inbound StUF endpoint (tests validate them against the schemas) */
  stufAnswerTap?: AnswerTap;
  /** the event log subscribers hear (its appends wake them in this process); default: opened over the store */
  gebeurtenissen?: GebeurtenisLog;
  /** traces set up by the caller (tests: over an in-memory exporter), who closes them; default: from `config.telemetrie` */
  tracing?: Tracing;
}

/** How the facade names itself when no backend says so (tests over ports of their own). */
const EIGEN_STANDAARD: { applicatie: string; organisatie?: string } = { applicatie: 'STUF-FACADE' };
/** The inbound endpoint's body limit: a notification or Du01 is a few kB. */
const INKOMEND_MAX_BYTES = 256 * 1024;

/** An error in the format of the door the request went to: GraphQL over HTTP at /graphql, problem details elsewhere. */
const inDoorFormat = (request: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply =>
  request.url.startsWith('/graphql') ? graphqlHttpError(err as FastifyError, request, reply) : sendProblem(request, reply, err);

/**
 * The facade as a Fastify plugin tree: browser safety and the request pipeline every request goes through (who
 * asks, for which processing activity), the protocollering of every BSN processed, one use-case layer over the
 * ports, two doors onto it (GraphQL at /graphql, REST under /api), GraphiQL in development. Tests drive it with
 * `inject`; server.ts only listens. Closing the app closes the backend connections and the store it opened.
 *
 * The ports are decorated from the inside out: honest outcomes (a write whose answer was lost is settled by a read
 * in the slot it holds, issue 12 §4); the circuit breaker per backend role; the concurrency limits with the
 * searches' bulkhead; retries of reads (outside the limits, so a waiting retry holds no slot); the protocol (every subject the zaaksysteem
 * answered about was processed, LDV, also when authorisation then hides it); authorisation (what the caller may
 * not see behaves as absent). The use cases on top check the operation and the processing activity, and turn a
 * retryable failure after a change into APPLIED_INCOMPLETE.
 */
export async function buildApp(config: AppConfig, deps: AppDeps = {}): Promise<FastifyInstance> {
  if (!deps.ports && !config.backends) throw new FacadeError('CONFIG_INVALID', 'Geen zaaksysteem geconfigureerd (config.backends)');
  // fail closed: without it every route would be open (development: server.ts supplies the development issuer's)
  const identifyCaller = deps.identify ?? (config.auth && identify(config.auth));
  if (!identifyCaller) throw new FacadeError('CONFIG_INVALID', 'Geen authenticatie geconfigureerd (config.auth)');
  // the logger exists before the ports, so that every SOAP call is logged through it
  const logger = deps.logger ?? createLogger(config, deps.logStream);
  const store = deps.store ?? (await openStore(config.store));
  const breakers = backendBreakers(config.veerkracht.breaker, logger);
  const limieten = procesLimieten(config.concurrency, config.veerkracht.bulkhead);
  const metrics = new FacadeMetrics({ versie: FACADE_VERSIE, store, breakers, limieten, index: config.index.aan });
  const protocol = metrics.gemetenProtocol(deps.protocol ?? (await openProtocolStore(store)));
  const pseudoniem = pseudonimiseerder(await protocolSleutel(store, config.protocol));
  const bewaarMs = config.idempotency.bewaarUren * 3_600_000;
  const journaal = await Journaal.open(store, procesNaam(), { leaseMs: config.journaal.leaseMs, bewaarMs });
  const spool = await Spool.open(config.journaal.spoolPad);
  // one log instance for the producer and every consumer: its wake-up after an append is in-process
  const gebeurtenissen = deps.gebeurtenissen ?? (await GebeurtenisLog.open(store));
  const idempotentie = await IdempotencyService.open(store, config.idempotency, Date.now, journaalStand(journaal));
  const tracing = deps.tracing ?? startTracing(config.telemetrie, { versie: FACADE_VERSIE });
  const ports = deps.ports ?? createStufPorts(config.backends!, logger, config.clientRelatie, [...(tracing ? [tracing.stufWaarnemer] : []), metrics.stufWaarnemer]);
  const app = Fastify({
    ...(config.https ? { https: httpsOpties(config.https) } : {}),
    loggerInstance: logger as FastifyBaseLogger,
    logController: new FacadeLogController(),
    bodyLimit: config.bodyLimitBytes,
    // X-Forwarded-For only from the configured load balancers (config.pipeline.vertrouwdeProxies)
    trustProxy: config.pipeline.vertrouwdeProxies.length > 0 ? [...config.pipeline.vertrouwdeProxies] : false,
    genReqId: requestIdOf,
    // a parameter is refused by its schema (400) or the URL by its length (414), never by the router as unknown
    routerOptions: { maxParamLength: MAX_URL_LENGTH },
    clientErrorHandler: clientErrorAnswer,
    // a URL the router cannot decode (e.g. percent-encoded bytes that are no UTF-8) is answered by its door
    frameworkErrors: (err, request, reply) => {
      hardenBareAnswer(reply);
      reply.header('API-Version', FACADE_VERSIE);
      return inDoorFormat(request, reply, err);
    },
  });
  telHttp(app, metrics);
  app.addHook('onClose', async () => {
    await ports.close();
    if (!deps.store) await store.close();
    // after the ports: the spans of calls that ended while closing are sent too
    if (!deps.tracing) await tracing?.close();
  });
  // the workers that must run once across instances on one store run while this process leads (seam §4)
  const leiderschap = startLeiderschap(config.store, { herprobeerMs: HERPROBEER_MS, naam: `facade-leider ${procesNaam()}`, log: logger });
  // registered before the workers' own hooks, so it is stopped after them (onClose hooks run last-in first-out)
  app.addHook('onClose', () => leiderschap.stop());
  const collector = new ProtocolCollector();
  const telling = new WijzigingenPerVerzoek();
  // a write whose answer was lost is settled innermost, in the slot it still holds; the breaker outside it sees
  // only what the backend really did, and an open breaker never makes a write look possibly applied
  const eerlijk = eerlijkeUitkomstPorts(ports, { telling });
  // every write a step of its use case's journal entry, knowing the outcome honest outcomes settled
  const runs: Runs = new WeakMap();
  const gebroken = breakerPorts(journaalPorts(eerlijk, runs), breakers);
  const limited = limitPorts(gebroken, config.concurrency, config.veerkracht.bulkhead, limieten);
  const retried = retriedPorts(limited, config.veerkracht.retries, logger);
  const geprotocolleerd = protocolledPorts(retried, collector, protocol);
  const decorated = authorisedPorts(geprotocolleerd);
  const index = config.index.aan
    ? await startDashboardIndex({ config, store, log: gebeurtenissen, zaken: geprotocolleerd.zaken, collector, protocol: { collector, store: protocol, pseudoniem }, logger, leiderschap })
    : undefined;
  if (index) app.addHook('onClose', () => index.werker.stop());
  const journaalDeps = { journaal, spool, lezen: retried, runs };
  // voorzieningen (issue 15): their iWmo documents, and the backoffices' answers to overdrachten as the event log holds them
  const iwmo = new IwmoBerichtenXml();
  const overdrachtAntwoorden = { laatste: (zaken: readonly string[]) => gebeurtenissen.overdrachtAntwoorden(zaken) };
  const { useCases: gejournaliseerd, mutaties } = journaalUseCases(eerlijkeUitkomstUseCases(createUseCases({ ...decorated, iwmo, overdrachtAntwoorden, sloten: storeSloten(store), index: index?.index, config: config.useCases }), telling), journaalDeps);
  const useCases = authorisedUseCases(gejournaliseerd);
  const werker = startJournaalWerker({ ...journaalDeps, mutaties, protocol: { collector, store: protocol, pseudoniem }, config: config.journaal, bewaarMs, log: logger, leiderschap });
  app.addHook('onClose', () => werker.stop());

  // notifications in (issue 13 §1): the facade is the ontvanger under the zender it uses towards the zaaksysteem
  const zender = config.backends?.zaak.zender ?? EIGEN_STANDAARD;
  const eigen = { applicatie: zender.applicatie, ...(zender.organisatie ? { organisatie: zender.organisatie } : {}) };
  const notificaties = await NotificatieOpslag.open(store, eigen, config.notificaties);
  const nv = config.notificaties.verwerking;
  const verwerking = nv === undefined ? undefined : config.auth?.verwerkingen.get(nv);
  if (verwerking && nv) {
    const verwerker = startNotificatieVerwerker({
      opslag: notificaties,
      gebeurtenissen,
      zaken: decorated.zaken,
      protocol: { collector, store: protocol, pseudoniem },
      eigen: { applicatie: eigen.applicatie, verwerking: { id: nv, ...verwerking } },
      veroorzaker: (zaak, operaties, sinds) => journaal.applicatieVanWijziging(zaak, operaties, sinds),
      overdrachtDoor: (kenmerk) => journaal.applicatieVanOverdracht(kenmerk),
      useCases: config.useCases,
      config: config.notificaties,
      log: logger,
      eigenaar: procesNaam(),
    });
    app.addHook('onClose', () => verwerker.stop());
  } else if (config.notificaties.afzenders.length > 0) {
    logger.warn('notificaties: geen verwerkingsactiviteit (notificaties.verwerking) in het register: ontvangen notificaties worden opgeslagen maar niet verwerkt');
  }
  const webhooks = await startWebhooks({ store, log: gebeurtenissen, auth: config.auth, gezinsplanZaaktype: config.useCases.zaaktypen.gezinsplan.code, config: config.webhooks, logger, leiderschap });
  app.addHook('onClose', () => webhooks.stop());

  // first: every request has its span, also one the rate limit or CORS answers
  if (tracing) await app.register(tracingPlugin, { tracer: tracing.tracer });
  // API-Version, 404/405/414 and the error format of every answer; before any route, so that it sees each one
  await app.register(httpContractPlugin, { versie: FACADE_VERSIE, renderFout: inDoorFormat });
  // CORS, security headers and no-store before the pipeline: a preflight is answered without credentials
  await app.register(browserSafetyPlugin, { cors: config.cors });
  await app.register(requestPipeline, { config: config.pipeline, identify: identifyCaller, store, ...(tracing ? { trace: verzoekTrace } : {}) });
  await app.register(protocollering, { store: protocol, collector, pseudoniem, renderProblem: renderProtocolProblem });
  // after the protocollering: the outcome it stores is the answer as it leaves, replaced or not
  await app.register(idempotencyPlugin, { service: idempotentie, prefix: '/api/v1/' });
  // one token table for both doors: GraphQL hands out a document's downloadUrl, the REST stream redeems it
  const downloads = new DownloadTokens(config.graphql.downloadUrlTtlMs);
  const abonnementen = new GebeurtenisAbonnementen(gebeurtenissen, { pollMs: config.graphql.wsPollMs, gezinsplanZaaktype: config.useCases.zaaktypen.gezinsplan.code });
  app.addHook('onClose', async () => abonnementen.stop());
  await app.register(graphqlApi, { useCases, config: config.graphql, downloads, idempotentie, subscriptions: { abonnementen, identify: identifyCaller, cors: config.cors } });
  if (config.graphql.ide) await app.register(graphiqlPage);
  await app.register(restApi, { useCases, limits: config.rest, downloads, protocol: protocolInzage(protocol, pseudoniem, collector), idempotentie, abonnementen: webhooks.abonnementen });
  await app.register(stufInbound, { paden: INKOMENDE_PADEN, handle: inkomendProvider({ berichten: notificaties, maxBodyBytes: INKOMEND_MAX_BYTES, answerTap: deps.stufAnswerTap }) });
  // readiness asks the zaaksysteem through the breaker, beneath the limits (a probe never queues behind
  // callers) and beneath the protocol (it reads no person's data)
  const gereedheid = new Gereedheid({ store, zaken: gebroken.zaken, log: logger }, config.beheer.gereedCacheMs);
  const beheer = { versie: FACADE_VERSIE, gereedheid, metrics, token: config.beheer.token, weiger: sendProblem };
  // /metrics on the main listener only behind its token; the management listener serves it either way
  await app.register(beheerRoutes, { ...beheer, metricsHier: config.beheer.token !== undefined });
  app.decorate('beheer', beheer);
  return app;
}
