import type { Aanmelding, Afzender, InkomendBericht } from '../domain/notificatie';

/** Why an inbound message is refused; the endpoint answers each with its StUF foutcode (Fo03). */
export type Weigering = 'niet-geauthenticeerd' | 'zender-onbekend' | 'ontvanger-onbekend' | 'overdracht-onbekend' | 'opslag-mislukt';

export class BerichtGeweigerd extends Error {
  override name = 'BerichtGeweigerd';
  constructor(readonly reden: Weigering, message: string) {
    super(message);
  }
}

/**
 * Where the inbound SOAP endpoint hands what it received (driving port). `ontvang` resolves once the message is
 * durably stored (the endpoint then answers Bv03); it rejects with BerichtGeweigerd when the sender is not who
 * it must be, and stores nothing then. A repeat (same zender and referentienummer) resolves without a second copy.
 */
export interface InkomendeBerichten {
  /** how the facade names itself as ontvanger (the stuurgegevens zender it uses towards the zaaksysteem) */
  readonly eigen: Afzender;
  ontvang(bericht: InkomendBericht, aanmelding: Aanmelding): Promise<'opgeslagen' | 'herhaling'>;
}
