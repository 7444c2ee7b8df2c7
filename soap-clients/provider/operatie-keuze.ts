import { isRoot } from '../stuf/bevestiging.codec';
import type { XEl } from '../xml/xml-parser';
import { FacadeError } from '../../src/core/domain/errors';
import type { Endpoint, ProvidedOperation } from './endpoints';

/**
 * Which operation a request is. The soapAction decides (ZDS 1.1: three operations share the root ZKN:zakLv01
 * and differ only in soapAction; StUF bindingen 03.02 §2.3), and the root element must be that operation's
 * request element. Without soapAction the root decides, when it belongs to exactly one operation of this
 * endpoint. A soapAction of another endpoint or dialect, or a root that does not fit, is refused; `known` (all
 * operations the provider serves anywhere) tells a message for another service from an unknown one.
 */
export function kiesOperatie<Op extends ProvidedOperation>(
  endpoint: Endpoint<Op>,
  soapAction: string,
  bericht: XEl,
  known: readonly ProvidedOperation[],
): Op {
  const past = (op: ProvidedOperation) => {
    const b = op.bindings[endpoint.dialect];
    return [b.request, ...(b.ookRequest ?? [])].some((q) => isRoot(bericht, q));
  };
  const naam = `{${bericht.uri}}${bericht.local}`;
  if (soapAction) {
    const op = endpoint.bySoapAction.get(soapAction);
    if (!op) throw FacadeError.validation(`soapAction '${soapAction}' hoort niet bij deze service`);
    if (!past(op)) throw FacadeError.validation(`bericht ${naam} past niet bij soapAction '${soapAction}'`);
    return op;
  }
  const kandidaten = [...endpoint.bySoapAction.values()].filter(past);
  if (kandidaten.length === 1) return kandidaten[0]!;
  if (kandidaten.length > 1) throw FacadeError.validation(`bericht ${naam} vraagt een soapAction (${kandidaten.map((o) => o.name).join(', ')})`);
  const elders = known.some((op) => Object.values(op.bindings).some((b) => isRoot(bericht, b.request)));
  throw FacadeError.validation(elders ? `bericht ${naam} hoort niet bij deze service` : `onbekend bericht ${naam}`);
}
