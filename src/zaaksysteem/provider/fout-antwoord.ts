import type { StufFout } from '../../domain/errors';
import { soapFaultEnvelope } from '../../../soap-clients/stuf/fout.codec';
import type { Stuurgegevens } from '../../../soap-clients/stuf/stuurgegevens';
import type { Endpoint } from './endpoints';

/**
 * The SOAP Fault for a failed request. The WSDLs fix the foutbericht per service: BeantwoordVraag and the vrije
 * berichten answer Fo02, OntvangAsynchroon answers Fo03 (ZDS 1.2 WSDLs, fault `fout`). A Fo03 goes back from the
 * ontvanger to the zender of the request with crossRefnummer = its referentienummer (StUF 03.01 §4.4.3); when
 * the request's stuurgegevens could not be read, the zender is named 'onbekend'.
 */
export function foutVoor(
  endpoint: Endpoint,
  maak: (berichtcode: StufFout['berichtcode']) => StufFout,
  sg: Stuurgegevens | undefined,
  eigen: { applicatie?: string },
): string {
  if (endpoint.service !== 'ontvangAsynchroon') return soapFaultEnvelope(maak('Fo02'));
  const wij = sg?.ontvanger.applicatie ? sg.ontvanger : { applicatie: eigen.applicatie ?? 'zaaksysteem' };
  const zij = sg?.zender.applicatie ? sg.zender : { applicatie: 'onbekend' };
  return soapFaultEnvelope(maak('Fo03'), {
    zender: wij,
    ontvanger: zij,
    crossRefnummer: sg?.referentienummer ?? '',
  });
}
