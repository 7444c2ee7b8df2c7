import type { Logger } from 'pino';
import type { GezinsplanIndex } from '../core/ports/gezinsplan-index.port';
import type { ZaakRegister } from '../core/ports/zaak-register.port';
import { DashboardIndex } from '../platform/dashboard-index/dashboard-index';
import { indexVoorAanvrager } from '../platform/dashboard-index/index-ports';
import { IndexOpslag } from '../platform/dashboard-index/index-opslag';
import { startIndexWerker } from '../platform/dashboard-index/index-werker';
import type { GebeurtenisLog } from '../platform/gebeurtenissen/gebeurtenis-log';
import type { Leiderschap } from '../platform/leiderschap/leiderschap';
import { procesNaam } from '../platform/journaal/journaal-stand';
import type { BuitenVerzoekOpties } from '../platform/protocol/buiten-verzoek';
import type { ProtocolCollector } from '../platform/protocol/protocol-collector';
import { bewaardeSleutel, pseudonimiseerder } from '../platform/protocol/pseudoniem';
import type { Store } from '../platform/store/store.port';
import type { AppConfig } from './config/app-config';

export interface DashboardIndexDeps {
  config: AppConfig;
  store: Store;
  log: GebeurtenisLog;
  /** protocolled, not authorised: the facade reads every gezinsplan for itself */
  zaken: ZaakRegister;
  collector: ProtocolCollector;
  protocol: BuitenVerzoekOpties;
  logger: Logger;
  leiderschap: Pick<Leiderschap, 'leider'>;
}

/**
 * The dashboard index over the facade's store: its tables, its own HMAC key (configured, or kept in the store in
 * development), the worker that fills it, and the port heeftGezinsplan asks. The processing activity comes from
 * the register (load-config.ts checks it is there); in a run without `auth` (tests) it is named by its id alone.
 */
export async function startDashboardIndex(d: DashboardIndexDeps): Promise<{ index: GezinsplanIndex; werker: { stop(): Promise<void> } }> {
  const { config } = d;
  const opslag = await IndexOpslag.open(d.store);
  const sleutelVan = pseudonimiseerder(config.index.sleutel ?? (await bewaardeSleutel(d.store, 'index_sleutel')));
  const geregistreerd = config.auth?.verwerkingen.get(config.index.verwerking);
  const verwerking = {
    id: config.index.verwerking,
    uri: geregistreerd?.uri ?? `urn:stuf-zkn-facade:verwerking:${config.index.verwerking}`,
    naam: geregistreerd?.naam ?? config.index.verwerking,
    operaties: new Set(['lezen'] as const),
  };
  const zaaktype = config.useCases.zaaktypen.gezinsplan.code;
  const werker = startIndexWerker({ opslag, log: d.log, zaken: d.zaken, protocol: d.protocol, config: config.index, verwerking, zaaktype, sleutelVan, eigenaar: procesNaam(), logger: d.logger, leiderschap: d.leiderschap });
  const index = indexVoorAanvrager(new DashboardIndex(opslag, d.log, config.index, sleutelVan), d.collector, zaaktype);
  return { index, werker };
}
