import type { StufFout } from '../../src/core/domain/errors';
import { soapFaultEnvelope } from '../stuf/fout.codec';
import type { Stuurgegevens, Systeem } from '../stuf/stuurgegevens';
import { alsAntwoordbaar } from './antwoordbaar';
import type { Endpoint, ProvidedOperation } from './endpoints';

/** Makes the foutbericht with the berichtcode the service prescribes. */
export type FoutMaker = (berichtcode: StufFout['berichtcode']) => StufFout;

const LEEG: Stuurgegevens = { berichtcode: '', zender: { applicatie: '' }, ontvanger: { applicatie: '' }, tijdstipBericht: '' };

/**
 * The SOAP Fault for a failed request. The WSDLs fix the foutbericht per service: BeantwoordVraag and the vrije
 * berichten answer Fo02, OntvangAsynchroon answers Fo03 (ZDS 1.2 and RZS 1.0 WSDLs, fault `fout`). A Fo03 goes
 * back from the ontvanger to the zender of the request with crossRefnummer = its referentienummer (StUF 03.01
 * §4.4.3); when the request's stuurgegevens could not be read, the zender is named 'onbekend'.
 */
export function foutVoor(
  endpoint: Endpoint<ProvidedOperation>,
  maak: FoutMaker,
  sg: Stuurgegevens | undefined,
  eigen: Systeem,
): string {
  if (endpoint.service !== 'ontvangAsynchroon') return soapFaultEnvelope(maak('Fo02'));
  const { zender, ontvanger, referentienummer } = alsAntwoordbaar(sg ?? LEEG, eigen);
  return soapFaultEnvelope(maak('Fo03'), { zender: ontvanger, ontvanger: zender, crossRefnummer: referentienummer ?? '' });
}
