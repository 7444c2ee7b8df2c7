import { FacadeError } from '../domain/errors';
import type { Zaak } from '../domain/zaak';
import type { UseCaseConfig } from './use-case-config';

export type PlanSoort = 'gezinsplan' | 'levensdomeinplan' | 'deelplan';

/**
 * Which plan a zaak is, from its zaaktype code (RZS §1.2, §3.3: a deelplan is any other zaak related to a
 * gezinsplan). Undefined when the zaaktype was not read or came without a code.
 */
export function planSoort(zaak: Pick<Zaak, 'zaaktype'>, config: UseCaseConfig): PlanSoort | undefined {
  const code = zaak.zaaktype?.code;
  if (code === undefined) return undefined;
  if (code === config.zaaktypen.gezinsplan.code) return 'gezinsplan';
  if (code === config.zaaktypen.levensdomeinplan.code) return 'levensdomeinplan';
  return 'deelplan';
}

/** planSoort of a zaak read with its zaaktype in scope: a zaaktype without code is ZAAKTYPE_UNKNOWN, never a guess. */
export function bekendePlanSoort(zaak: Pick<Zaak, 'identificatie' | 'zaaktype'>, config: UseCaseConfig): PlanSoort {
  const soort = planSoort(zaak, config);
  if (soort === undefined) throw new FacadeError('ZAAKTYPE_UNKNOWN', `zaak ${zaak.identificatie} heeft geen zaaktypecode`);
  return soort;
}
