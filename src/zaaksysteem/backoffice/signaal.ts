import { buildInitieerNotificeerOverZaakDi01 } from '../../../soap-clients/notificatie/initieer-notificatie.mapper';
import type { EndpointUrls } from '../../../soap-clients/provider/endpoints';
import type { Dialect } from '../../../soap-clients/stuf/operations';
import type { VoorzieningSignaal } from '../../core/domain/voorziening';
import { signaalNaarJson } from '../../core/domain/voorziening-document';
import { BACKOFFICE_CONTEXT, verbindAlsBackoffice, WMO_BACKOFFICE, type BackofficeVerbinding } from './verbinding';
import { voegJsonToe } from './voorziening-documenten';

/**
 * The backoffice tells the regie of a voorziening signal (seed 004 scenarios 6 and 7): the 'Signaal voorziening'
 * JSON document on the deelplan, then initieerNotificeerOverZaak to the abonnementenbeheer (RZS §6.10) with the
 * signal as extraElementen naming that document, so every subscriber hears a notificeerOverZaak carrying it.
 * Returns the signal document's identificatie.
 */
export async function signaleer(v: BackofficeVerbinding, deelplan: string, signaal: VoorzieningSignaal): Promise<string> {
  const zaak = await v.zaken.geefZaak(BACKOFFICE_CONTEXT, deelplan, ['zaaktype']);
  const document = await voegJsonToe(v, deelplan, 'signaal', signaalNaarJson(signaal));
  const bericht = buildInitieerNotificeerOverZaakDi01(v.zaakClient.dialect, {
    zaak: deelplan,
    gebeurtenis: 'Voeg zaakdocument toe',
    zaaktype: { code: zaak.zaaktype?.code ?? '', omschrijving: zaak.zaaktype?.omschrijving ?? '' },
    zendendeApplicatie: WMO_BACKOFFICE.applicatie,
    signaal: { document, inhoud: signaal },
  });
  await v.zaakClient.sendBevestigd(BACKOFFICE_CONTEXT, bericht, 'Bv03');
  return document;
}

/** A signal on demand, for tests and an operator: a herindicatie or verzoek om toewijzing for `deelplan`. */
export async function backofficeSignaleert(endpoints: Readonly<Record<Dialect, EndpointUrls>>, deelplan: string, signaal: VoorzieningSignaal): Promise<string> {
  const v = verbindAlsBackoffice(endpoints);
  try {
    return await signaleer(v, deelplan, signaal);
  } finally {
    await v.close();
  }
}
