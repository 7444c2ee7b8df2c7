import type { Zaak } from '../domain/zaak';
import type { UseCaseConfig } from './use-case-config';

export type PlanSoort = 'gezinsplan' | 'levensdomeinplan' | 'deelplan';

/**
 * Which plan a zaak is, from its zaaktype code (RZS §1.2, §3.3: a deelplan is any other zaak related to a
 * gezinsplan). Undefined when the zaaktype was not read.
 */
export function planSoort(zaak: Pick<Zaak, 'zaaktype'>, config: UseCaseConfig): PlanSoort | undefined {
  const code = zaak.zaaktype?.code;
  if (code === undefined) return undefined;
  if (code === config.zaaktypen.gezinsplan.code) return 'gezinsplan';
  if (code === config.zaaktypen.levensdomeinplan.code) return 'levensdomeinplan';
  return 'deelplan';
}
