import type { Server } from 'node:http';
import type { Dialect } from '../../soap-clients/stuf/operations';
import type { AnswerTap } from '../../soap-clients/provider/answer-writer';
import { endpointUrls, type EndpointUrls } from '../../soap-clients/provider/endpoints';
import { FaultInjector, type FaultConfig } from './provider/fault-injection';
import { createSoapServer } from './provider/soap-server';
import { listen } from '../../soap-clients/provider/provider-server';
import type { IdentificatieFormaat } from './store/identificatie';
import { ZaaksysteemStore } from './store/zaaksysteem-store';
import type { DemoOptions, DemoResultaat } from './demo/seed';
import { seedDemoData } from './demo/seed-over-soap';
import { Abonnementenbeheer, type Abonnee } from './abonnementen/abonnementenbeheer';
import { DEFAULT_SYSTEEM } from './provider/eigen-systeem';
import { Backoffice } from './backoffice/backoffice';
import { DEFAULT_BACKOFFICE, type BackofficeConfig } from './backoffice/backoffice-config';
import type { Bestemming } from '../../soap-clients/transport/eigen-bericht';

export interface EmbeddedZaaksysteemOptions {
  /** default 0: an ephemeral port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** default ./data/zaaksysteem */
  dataDir?: string;
  zaakIdentificatie?: Partial<IdentificatieFormaat>;
  documentIdentificatie?: Partial<IdentificatieFormaat>;
  /** largest accepted request; default 200 MiB */
  maxBodyBytes?: number;
  /** fault and latency injection from the start; off by default */
  faults?: FaultConfig;
  /** sees every SOAP answer as written (tests validate them all against the schemas) */
  answerTap?: AnswerTap;
  /** seed demo data into an empty store through the SOAP operations; default true */
  demo?: boolean | DemoOptions;
  /** the abonnementenbeheer's subscribers: each hears notificeerOverZaak after every mutation (RZS §5.2.6); default none */
  abonnees?: readonly Abonnee[];
  /** sees every notification as sent */
  notificatieTap?: (xml: string) => void;
  /** refuses a message addressed to another applicatie than ZAAKSYSTEEM with StUF010, as a real zaaksysteem does; default off */
  weigertAndereOntvanger?: boolean;
  /** runs the Wmo backoffice double beside it (backoffice/README.md), with these rules over DEFAULT_BACKOFFICE; default off */
  backoffice?: Partial<BackofficeConfig>;
}

export interface EmbeddedZaaksysteem {
  /** http://host:port */
  readonly url: string;
  readonly endpoints: Readonly<Record<Dialect, EndpointUrls>>;
  readonly admin: {
    /** POST/GET/DELETE a FaultConfig as JSON here */
    readonly faultsUrl: string;
    /** GET every identificatie handed out, with the referentienummer of the Di02 that asked for it */
    readonly reserveringenUrl: string;
    /** the same, in process */
    readonly faults: FaultInjector;
  };
  readonly store: ZaaksysteemStore;
  /** a subscriber of the abonnementenbeheer from now on (npm start: the facade, once it listens) */
  abonneer(a: Abonnee): void;
  /** with `backoffice`: where its overdragenZaak_Du01 go from now on (npm start: the facade, once it listens) */
  readonly backoffice?: { antwoordAan(regie: Bestemming): void };
  /** what the demo seeding created; undefined when the store was not empty or demo is off */
  readonly demo?: DemoResultaat;
  close(): Promise<void>;
}

/**
 * Starts the embedded StUF-ZKN zaaksysteem + DMS: the store under `dataDir` and the SOAP provider on
 * host:port for ZDS 1.1 and 1.2. On first start (empty store) it seeds demo data through its own SOAP
 * endpoints, as any client would.
 */
export async function startEmbeddedZaaksysteem(options: EmbeddedZaaksysteemOptions = {}): Promise<EmbeddedZaaksysteem> {
  const store = ZaaksysteemStore.open({
    dataDir: options.dataDir,
    zaakIdentificatie: options.zaakIdentificatie,
    documentIdentificatie: options.documentIdentificatie,
  });
  const faults = new FaultInjector(options.faults);
  const abonnementen = new Abonnementenbeheer(store, options.abonnees ?? [], DEFAULT_SYSTEEM, options.notificatieTap);
  let backoffice: Backoffice | undefined;
  const server = createSoapServer({
    store,
    faults,
    maxBodyBytes: options.maxBodyBytes,
    answerTap: options.answerTap,
    abonnementen,
    weigertAndereOntvanger: options.weigertAndereOntvanger,
    naOverdracht: (o) => backoffice?.opOverdracht(o),
  });
  let address;
  try {
    address = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  } catch (e) {
    store.close();
    throw e;
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const endpoints = endpointUrls(url);
  const bezorging = abonnementen.start();
  // the backoffice talks to this zaaksysteem over SOAP: it stops first, while the server still answers
  if (options.backoffice) backoffice = new Backoffice(endpoints, { ...DEFAULT_BACKOFFICE, ...options.backoffice });
  const close = async () => {
    await backoffice?.stop();
    await bezorging.stop();
    await stop(server, store);
  };
  let demo: DemoResultaat | undefined;
  if (options.demo !== false && store.zaken.count() === 0) {
    try {
      demo = await seedDemoData(endpoints, options.demo === true || options.demo === undefined ? {} : options.demo);
    } catch (e) {
      await close();
      throw e;
    }
  }
  return { url, endpoints, admin: { faultsUrl: `${url}/__admin/faults`, reserveringenUrl: `${url}/__admin/reserveringen`, faults }, store, demo, close, abonneer: (a) => abonnementen.abonneer(a), ...(backoffice ? { backoffice } : {}) };
}

async function stop(server: Server, store: ZaaksysteemStore): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  store.close();
}
