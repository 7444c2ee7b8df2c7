import type { ConfigCheck } from '../../core/config/config-check';
import type { Zaaktype } from '../../core/domain/zaak';

/** A zaaktype as ZKN identifies it (RZS §6.3.3): code (ZKT.code, max 10) and omschrijving (max 80), both required. */
export function zaaktype(c: ConfigCheck, v: unknown, name: string): Zaaktype | undefined {
  const o = c.object(v, name, { optional: true });
  if (!o) return undefined;
  c.unknownKeys(o, name, ['code', 'omschrijving']);
  const code = c.text(o.code, `${name}.code`, { max: 10 });
  const omschrijving = c.text(o.omschrijving, `${name}.omschrijving`, { max: 80 });
  return code && omschrijving ? { code, omschrijving } : undefined;
}
