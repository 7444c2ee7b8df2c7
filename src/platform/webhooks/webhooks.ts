import type { GebeurtenisLog } from '../gebeurtenissen/gebeurtenis-log';
import type { Leiderschap } from '../leiderschap/leiderschap';
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
  /** dispatch and delivery run only while this process leads (seam: once across instances); absent: always */
  leiderschap?: Pick<Leiderschap, 'leider'>;
}

/**
 * The webhooks of issue 13 §4: the abonnementen the REST door manages, and the process's workers on unref'd
 * timers: the dispatcher (woken by each append to the log in this process, and every `pollMs` for appends of
 * another process) and the sender (woken by the dispatcher, by a finished attempt and every `pollMs` for retries
 * that came due). They run in the instance that leads (`leiderschap`); around a change of leader two may overlap:
 * see webhook-dispatcher.ts and webhook-bezorger.ts for why two do not enqueue or send twice. `stop` in the app's onClose.
 */
export async function startWebhooks(o: WebhookOpties): Promise<{ abonnementen: Abonnementen; stop(): Promise<void> }> {
  await o.store.migreer(WEBHOOK_TABELLEN);
  const bezorger = new Bezorger({ store: o.store, config: o.config, log: o.logger });
  let dispatch: Promise<void> | undefined;
  let nogmaals = false;
  const leidt = () => o.leiderschap?.leider !== false;
  const wek = (): void => {
    if (!leidt()) return;
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
  const ronde = () => {
    if (!leidt()) return;
    wek();
    bezorger.wek();
  };
  const timer = setInterval(ronde, o.config.pollMs);
  timer.unref();
  ronde();
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
