import type { DocumentRegister } from '../../core/ports/document-register.port';
import type { ZaakOverdracht, ZaakRegister } from '../../core/ports/zaak-register.port';
import { documentenMetRechten } from './document-register.authorisation';
import { overdrachtMetRechten, zakenMetRechten } from './zaak-register.authorisation';

interface CorePorts {
  zaken: ZaakRegister;
  documenten: DocumentRegister;
  overdracht: ZaakOverdracht;
}

/**
 * The ports as the caller of each call (ctx.identiteit.rechten) may see them: zaaktypen and the maximum
 * vertrouwelijkheid (issue 11 §2). buildApp wires it outermost, around the protocolled and limited ports: what it
 * hides was still fetched and so processed (LDV), and the questions it asks itself take a slot of their own, one
 * after the other with the call they guard, never one inside the other.
 */
export function authorisedPorts<P extends CorePorts>(ports: P): P {
  const { zaken, documenten, overdracht } = ports;
  return {
    ...ports,
    zaken: zakenMetRechten(zaken),
    documenten: documentenMetRechten(documenten, zaken),
    overdracht: overdrachtMetRechten(overdracht, zaken),
  };
}
