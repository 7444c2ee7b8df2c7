import type { Rechten } from '../../core/domain/identiteit';
import type { RequestContext } from '../../core/domain/request-context';
import type { ZaakRegister } from '../../core/ports/zaak-register.port';
import { kennisVan } from './verzoek-kennis';
import { zaaktypeToegestaan } from '../../core/domain/identiteit';
import { alsVerborgen, beperktOpZaaktype, verborgen } from './zichtbaarheid';

/**
 * A call about zaak `identificatie` (its statuses, a change, its documents, its overdracht) is only made when the
 * caller may see that zaak: its zaaktype is known from an earlier answer of this request, or read now with a
 * geefZaakdetails of scope zaaktype alone. Otherwise NOT_FOUND, as for an absent zaak. `zaken` is the undecorated
 * register: this read is authorisation's own, not the caller's.
 */
export async function vereisZaak(zaken: ZaakRegister, ctx: RequestContext, rechten: Rechten, identificatie: string): Promise<void> {
  if (!beperktOpZaaktype(rechten)) return;
  const kennis = kennisVan(ctx);
  let bekend = kennis.zaaktypeVan(identificatie);
  if (!bekend) {
    const zaak = await alsVerborgen('zaak', zaken.geefZaak(ctx, identificatie, ['zaaktype']));
    bekend = { code: zaak.zaaktype?.code };
    kennis.zaaktypeGelezen(identificatie, bekend.code);
  }
  if (!zaaktypeToegestaan(rechten, bekend.code)) throw verborgen('zaak');
}
