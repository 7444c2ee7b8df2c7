import type { RequestContext } from '../domain/request-context';
import type { DocumentRegister } from '../ports/document-register.port';
import type { GezinsplanIndex } from '../ports/gezinsplan-index.port';
import type { IwmoBerichten } from '../ports/iwmo-berichten.port';
import type { OverdrachtAntwoorden } from '../ports/overdracht-antwoorden.port';
import type { ZaakOverdracht, ZaakRegister } from '../ports/zaak-register.port';
import type { ZaakSloten } from '../ports/zaak-sloten.port';
import type { RequestLoaders } from './request-loaders';
import type { UseCaseConfig } from './use-case-config';

/** Everything one use-case call works with: the ports (already bounded), the per-zaak locks, this request's loaders and the config. */
export interface Runtime {
  readonly ctx: RequestContext;
  readonly zaken: ZaakRegister;
  readonly documenten: DocumentRegister;
  readonly overdracht: ZaakOverdracht;
  /** writes the iWmo-shaped documents a voorziening travels with */
  readonly iwmo?: IwmoBerichten;
  /** the backoffices' answers to overdrachten, when the facade receives them */
  readonly overdrachtAntwoorden?: OverdrachtAntwoorden;
  readonly sloten: ZaakSloten;
  /** the dashboard index, when the facade keeps one */
  readonly index?: GezinsplanIndex;
  readonly loaders: RequestLoaders;
  readonly config: UseCaseConfig;
}
