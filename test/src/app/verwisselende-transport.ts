import type { SoapCall, SoapTransport } from '../../../soap-clients/transport/soap-transport';
import type { XEl } from '../../../soap-clients/xml/xml-parser';
import type { XmlChild, XmlElement } from '../../../soap-clients/xml/xml-writer';

const verwissel = (e: XmlElement, van: string, naar: string): XmlElement => ({
  ...e,
  text: e.text?.trim() === van ? naar : e.text,
  children: e.children?.map((c: XmlChild) => (c ? verwissel(c, van, naar) : c)),
});

/**
 * A zaaksysteem that answers about another object than asked: every question naming identificatie `van` is
 * passed on naming `naar`, so the real (embedded) zaaksysteem answers, schema-valid, about that other zaak or
 * document. Only questions (Lv01, Di02) are rewritten; set `swaps` per test, clear it to behave again.
 */
export class VerwisselendeTransport implements SoapTransport {
  readonly swaps = new Map<string, string>();

  constructor(private readonly inner: SoapTransport) {}

  send(call: SoapCall): Promise<XEl> {
    if (call.operation.berichtcode !== 'Lv01' && call.operation.berichtcode !== 'Di02') return this.inner.send(call);
    let body = call.body;
    for (const [van, naar] of this.swaps) body = verwissel(body, van, naar);
    return this.inner.send({ ...call, body });
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
