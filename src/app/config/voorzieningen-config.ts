import type { ConfigCheck } from '../../core/config/config-check';
import { omschrijvingVan } from '../../core/domain/iwmo/codelijsten';
import type { Zaaktype } from '../../core/domain/zaak';
import type { VoorzieningConfig } from '../../core/usecases/use-case-config';
import { zaaktype } from './zaaktype-config';
import { WMO_BACKOFFICE } from '../../zaaksysteem/backoffice/verbinding';
import { VOORZIENING_ZAAKTYPEN } from '../../zaaksysteem/demo/demo-data';

const { arrangement: ARRANGEMENT, ...PER_CATEGORIE } = VOORZIENING_ZAAKTYPEN;

/**
 * What the embedded default requests voorzieningen with (`npm start`): the embedded zaaksysteem's backoffice
 * double (`WMO-BACKOFFICE`) and its voorziening zaaktypen; 9999 is the test gemeentecode the demo data uses throughout.
 */
export const EMBEDDED_VOORZIENINGEN: VoorzieningConfig = {
  backoffice: WMO_BACKOFFICE.applicatie,
  zaaktypen: PER_CATEGORIE,
  arrangement: { zaken: 'een', zaaktype: ARRANGEMENT },
  iwmo: { gemeentecode: '9999', aanbieder: '99999999' },
};

/**
 * config.voorzieningen: absent means none, except on the embedded default (no backends), whose backoffice double
 * answers them. The categorie keys are WMO020 codes; no voorziening zaaktype may be a gezinsplan's or another's.
 */
export function parseVoorzieningConfig(c: ConfigCheck, v: unknown, name: string, embedded: boolean): { voorzieningen?: VoorzieningConfig } {
  const o = c.object(v, name, { optional: true });
  if (!o) return embedded ? { voorzieningen: EMBEDDED_VOORZIENINGEN } : {};
  c.unknownKeys(o, name, ['backoffice', 'zaaktypen', 'arrangement', 'iwmo']);
  const backoffice = c.text(o.backoffice, `${name}.backoffice`, { max: 50 });
  const zaaktypen: Record<string, Zaaktype> = {};
  for (const [categorie, z] of Object.entries(c.object(o.zaaktypen, `${name}.zaaktypen`) ?? {})) {
    if (omschrijvingVan('WMO020', categorie) === undefined) c.fail(`${name}.zaaktypen.${categorie}`, 'is geen productcategorie (WMO020)');
    const t = zaaktype(c, z, `${name}.zaaktypen.${categorie}`);
    if (t) zaaktypen[categorie] = t;
  }
  const a = c.object(o.arrangement, `${name}.arrangement`) ?? {};
  c.unknownKeys(a, `${name}.arrangement`, ['zaken', 'zaaktype']);
  const zaken = c.oneOf(a.zaken, `${name}.arrangement.zaken`, ['een', 'per-product'] as const);
  const arrangementZaaktype = zaaktype(c, a.zaaktype, `${name}.arrangement.zaaktype`) ?? c.fail(`${name}.arrangement.zaaktype`, 'ontbreekt');
  const i = c.object(o.iwmo, `${name}.iwmo`) ?? {};
  c.unknownKeys(i, `${name}.iwmo`, ['gemeentecode', 'aanbieder']);
  const gemeentecode = cijfers(c, i.gemeentecode, `${name}.iwmo.gemeentecode`, 4);
  const aanbieder = cijfers(c, i.aanbieder, `${name}.iwmo.aanbieder`, 8);
  const codes = [...Object.values(zaaktypen), ...(arrangementZaaktype ? [arrangementZaaktype] : [])].map((z) => z.code);
  if (new Set(codes).size !== codes.length) c.fail(`${name}.zaaktypen`, 'twee voorzieningen hebben dezelfde zaaktypecode');
  if (!backoffice || !zaken || !arrangementZaaktype || !gemeentecode || !aanbieder) return {};
  return { voorzieningen: { backoffice, zaaktypen, arrangement: { zaken, zaaktype: arrangementZaaktype }, iwmo: { gemeentecode, aanbieder } } };
}

/** iWmo LDT_Gemeente (4 digits) and LDT_AgbCode (8 digits). */
function cijfers(c: ConfigCheck, v: unknown, name: string, lengte: number): string | undefined {
  const t = c.text(v, name);
  if (t !== undefined && !new RegExp(`^\\d{${lengte}}$`).test(t)) return c.fail(name, `moet ${lengte} cijfers zijn`);
  return t;
}
