import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AnswerTap } from '../../../soap-clients/provider/answer-writer';
import { ENDPOINTS } from '../../../soap-clients/provider/endpoints';
import { createProviderServer } from '../../../soap-clients/provider/provider-server';
import { soapProvider } from '../../../soap-clients/provider/soap-provider';
import { drain } from '../../../soap-clients/provider/soap-request';
import type { FoutMaker } from '../../../soap-clients/provider/fout-antwoord';
import { ONTVANGER_ONBEKEND, PROCES_FOUT } from '../../../soap-clients/provider/stuf-fout';
import type { OperationName, OperationSpec } from '../../../soap-clients/stuf/operations';
import type { Abonnementenbeheer } from '../abonnementen/abonnementenbeheer';
import type { Stuurgegevens, Systeem } from '../../../soap-clients/stuf/stuurgegevens';
import type { StufFout } from '../../core/domain/errors';
import type { ZaaksysteemStore } from '../store/zaaksysteem-store';
import { handleAdmin } from './admin';
import type { OperationHandler, ZaaksysteemContext } from './aanvraag';
import { DEFAULT_SYSTEEM } from './eigen-systeem';
import type { FaultInjector } from './fault-injection';
import { answerWriterFor, writeHtml500 } from './faulty-answer';
import { InhoudOntvangst } from './inhoud-ontvangst';
import { HANDLERS } from './operations/index';

export interface ProviderOptions {
  store: ZaaksysteemStore;
  faults: FaultInjector;
  /** largest accepted request body; default 200 MiB (a 100 MB document is ~134 MB as base64) */
  maxBodyBytes?: number;
  /** sees every answer; for tests that validate all of them against the schemas */
  answerTap?: AnswerTap;
  /** how the zaaksysteem names itself when a request did not name it; default DEFAULT_SYSTEEM */
  systeem?: Systeem;
  /** told of each mutation that succeeded, to notify its subscribers */
  abonnementen?: Abonnementenbeheer;
  /** refuses a message addressed to another applicatie than its own (StUF010), as a real zaaksysteem does; default off */
  weigertAndereOntvanger?: boolean;
  /** told of each overdracht once recorded: the backoffice double */
  naOverdracht?: ZaaksysteemContext['naOverdracht'];
}

/** The handlers, each mutation followed by its notification; a notification that cannot be made never fails the mutation, which has happened. */
function metNotificaties(abonnementen: Abonnementenbeheer | undefined): Readonly<Record<OperationName, OperationHandler>> {
  if (!abonnementen) return HANDLERS;
  const uit = {} as Record<OperationName, OperationHandler>;
  for (const [naam, handler] of Object.entries(HANDLERS) as [OperationName, OperationHandler][]) {
    uit[naam] = async (a) => {
      const antwoord = await handler(a);
      try {
        abonnementen.naMutatie(naam, a.bericht, a.stuurgegevens.zender);
      } catch (e) {
        process.emitWarning(`zaaksysteem: notificatie na ${naam} niet gemaakt: ${(e as Error).message}`);
      }
      return antwoord;
    };
  }
  return uit;
}

export const DEFAULT_MAX_BODY_BYTES = 200 * 1024 * 1024;

/** An injected Fo02/Fo03: the zaaksysteem "fails while processing", which a client may retry. */
const injectedFout = (berichtcode: StufFout['berichtcode']): StufFout => ({
  berichtcode,
  ...PROCES_FOUT,
  details: 'geïnjecteerde fout (foutinjectie)',
});

/**
 * StUF 03.01 Tabel 4.1, StUF010: the ontvanger of the stuurgegevens is not this system. overdragenZaak_Di01 names
 * the receiving backoffice as ontvanger and is routed there (RZS §6.8.2), so it is not refused for that.
 */
function andereOntvanger(op: OperationSpec, sg: Stuurgegevens, eigen: Systeem): FoutMaker | undefined {
  if (op.name === 'overdragenZaak' || sg.ontvanger.applicatie === eigen.applicatie) return undefined;
  const details = `ontvanger ${sg.ontvanger.applicatie.slice(0, 50)} is niet ${eigen.applicatie}`;
  return (berichtcode) => ({ berichtcode, ...ONTVANGER_ONBEKEND, details });
}

/**
 * The embedded zaaksysteem's HTTP server: the loopback admin endpoint, and both dialects and all three services
 * on the provider kit, with what only this zaaksysteem does around each request: fault and latency injection,
 * and document content spooled to its store while the request is parsed.
 */
export function createSoapServer(options: ProviderOptions): Server {
  const provide = soapProvider<OperationSpec, ZaaksysteemContext>({
    endpoints: ENDPOINTS,
    handlers: metNotificaties(options.abonnementen),
    systeem: options.systeem ?? DEFAULT_SYSTEEM,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    answerTap: options.answerTap,
    exchange: async (req, res, { op }) => {
      const decision = options.faults.decide(op?.name);
      if (!decision.afterProcessing) {
        if (decision.latencyMs > 0) await sleep(decision.latencyMs);
        if (decision.fault === 'reset') return void req.socket.destroy();
        if (decision.fault === 'html500') return void html500(req, res);
      }
      const ontvangst = new InhoudOntvangst(options.store.content);
      return {
        context: { store: options.store, inhoud: (el, meta) => ontvangst.ophalen(el, meta), naOverdracht: options.naOverdracht },
        streamText: ontvangst.streamText,
        insteadOfHandler: (op, sg) => {
          if (options.weigertAndereOntvanger) {
            const fout = andereOntvanger(op, sg, options.systeem ?? DEFAULT_SYSTEEM);
            if (fout) return fout;
          }
          return decision.fault === 'fo02' ? injectedFout : undefined;
        },
        write: answerWriterFor(decision),
        end: () => ontvangst.opruimen(),
      };
    },
  });
  return createProviderServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    return pathname.startsWith('/__admin/') ? handleAdmin(req, res, pathname, options) : provide(req, res);
  }, 'zaaksysteem');
}

function html500(req: IncomingMessage, res: ServerResponse): void {
  drain(req);
  writeHtml500(res);
}
