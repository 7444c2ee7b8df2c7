import type { GebeurtenisLog } from '../gebeurtenissen/gebeurtenis-log';
import type { Store } from '../store/store.port';
import { Abonnementen } from './abonnementen';
import type { ApplicatieRegister } from './ontvanger-rechten';
import { Bezorger } from './webhook-bezorger';
import type { WebhookConfig } from './webhook-config';
import { dispatchRonde } from './webhook-dispatcher';
import { WEBHOOK_TABELLEN } from './webhook-tabellen';

interface Log {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
}

export interface WebhookOpties {
  store: Store;
  log: GebeurtenisLog;
  /** the applicaties and activities as configured (`auth`); absent: nobody receives anything */
  auth: ApplicatieRegister | undefined;
  /** the gezinsplan zaaktype code (gebeurtenis-zichtbaarheid.ts) */
  gezinsplanZaaktype: string;
  config: WebhookConfig;
  logger: Log;
}

/**
 * The webhooks of issue 13 §4: the abonnementen the REST door manages, and the process's workers on unref'd
 * timers: the dispatcher (woken by each append to the log in this process, and every `pollMs` for appends of
 * another process) and the sender (woken by the dispatcher, by a finished attempt and every `pollMs` for retries
 * that came due). Every instance on one store runs them; see webhook-dispatcher.ts and webhook-bezorger.ts for
 * why two do not enqueue or send twice. `stop` in the app's onClose.
 */
export async function startWebhooks(o: WebhookOpties): Promise<{ abonnementen: Abonnementen; stop(): Promise<void> }> {
  await o.store.migreer(WEBHOOK_TABELLEN);
  const bezorger = new Bezorger({ store: o.store, config: o.config, log: o.logger });
  let dispatch: Promise<void> | undefined;
  let nogmaals = false;
  const wek = (): void => {
    if (dispatch) {
      nogmaals = true;
      return;
    }
    dispatch = (async () => {
      do {
        nogmaals = false;
        // a full round means there may be more behind it
        while ((await dispatchRonde(o)) > 0) bezorger.wek();
      } while (nogmaals);
    })()
      .catch((e: unknown) => o.logger.warn({ errorType: e instanceof Error ? e.name : typeof e }, 'webhook dispatch round failed'))
      .finally(() => (dispatch = undefined));
  };
  const afmelden = o.log.abonneer(wek);
  const timer = setInterval(() => {
    wek();
    bezorger.wek();
  }, o.config.pollMs);
  timer.unref();
  wek();
  bezorger.wek();
  return {
    abonnementen: new Abonnementen(o.store, o.log, o.config),
    stop: async () => {
      clearInterval(timer);
      afmelden();
      await dispatch;
      await bezorger.stop();
    },
  };
}
