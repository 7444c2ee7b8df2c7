import type { SoapCall, SoapTransport } from '../../../soap-clients/transport/soap-transport';
import { child, type XEl } from '../../../soap-clients/xml/xml-parser';
import { NS } from '../../../soap-clients/xml/namespaces';

/** Takes ZKN:code out of the zaaktype (isVan/gerelateerde) of every zaak in `e` whose identificatie is in `zaken`. */
function zonderZaaktypecode(e: XEl, zaken: ReadonlySet<string>): void {
  if (zaken.has(child(e, NS.ZKN, 'identificatie')?.text.trim() ?? '')) {
    const zaaktype = child(child(e, NS.ZKN, 'isVan'), NS.ZKN, 'gerelateerde');
    const code = child(zaaktype, NS.ZKN, 'code');
    if (zaaktype && code) zaaktype.children.splice(zaaktype.children.indexOf(code), 1);
  }
  e.children.forEach((c) => zonderZaaktypecode(c, zaken));
}

/**
 * A zaaksysteem that files some zaken under a zaaktype with an omschrijving but no code, as real systems do:
 * the embedded zaaksysteem answers, and the code of the zaaktype of the zaken in `zaken` is taken out.
 */
export class ZaaktypeZonderCodeTransport implements SoapTransport {
  readonly zaken = new Set<string>();

  constructor(private readonly inner: SoapTransport) {}

  async send(call: SoapCall): Promise<XEl> {
    const antwoord = await this.inner.send(call);
    zonderZaaktypecode(antwoord, this.zaken);
    return antwoord;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
