import type { StufFout } from '../../core/domain/errors';
import { soapFaultEnvelope } from '../../../soap-clients/stuf/fout.codec';
import type { Stuurgegevens, Systeem } from '../../../soap-clients/stuf/stuurgegevens';
import { alsAntwoordbaar } from './eigen-systeem';
import type { Endpoint } from '../../../soap-clients/provider/endpoints';

/**
 * The SOAP Fault for a failed request. The WSDLs fix the foutbericht per service: BeantwoordVraag and the vrije
 * berichten answer Fo02, OntvangAsynchroon answers Fo03 (ZDS 1.2 WSDLs, fault `fout`). A Fo03 goes back from the
 * ontvanger to the zender of the request with crossRefnummer = its referentienummer (StUF 03.01 §4.4.3); when
 * the request's stuurgegevens could not be read, the zender is named 'onbekend'.
 */
const LEEG: Stuurgegevens = { berichtcode: '', zender: { applicatie: '' }, ontvanger: { applicatie: '' }, tijdstipBericht: '' };

export function foutVoor(
  endpoint: Endpoint,
  maak: (berichtcode: StufFout['berichtcode']) => StufFout,
  sg: Stuurgegevens | undefined,
  eigen: Systeem,
): string {
  if (endpoint.service !== 'ontvangAsynchroon') return soapFaultEnvelope(maak('Fo02'));
  const { zender, ontvanger, referentienummer } = alsAntwoordbaar(sg ?? LEEG, eigen);
  return soapFaultEnvelope(maak('Fo03'), { zender: ontvanger, ontvanger: zender, crossRefnummer: referentienummer ?? '' });
}
