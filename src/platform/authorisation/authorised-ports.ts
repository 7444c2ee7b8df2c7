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
 * vertrouwelijkheid (issue 11 §2). Wire it inside the limits, `limitPorts(authorisedPorts(ports), ...)`: the
 * questions authorisation asks itself then run in the slot of the call they guard, so a streamed document that
 * holds its slots cannot leave the check of the next call waiting for a slot of its own request.
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
