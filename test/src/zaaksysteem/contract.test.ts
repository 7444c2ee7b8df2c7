import { afterAll, beforeAll } from 'vitest';
import { DIALECTS } from '../../../soap-clients/stuf/operations';
import { documentRegisterContract } from '../core/ports/document-register.contract';
import { zaakOverdrachtContract } from '../core/ports/zaak-overdracht.contract';
import { zaakRegisterContract } from '../core/ports/zaak-register.contract';
import { embeddedZaaksysteem } from './embedded-fixture';
import { registersFor } from './registers';

/**
 * The port contracts, run through the facade's StUF client adapters against the embedded zaaksysteem over real
 * HTTP, in both dialects (one fresh zaaksysteem each: the contract's searches expect an empty registration).
 */
for (const dialect of DIALECTS) {
  const zs = embeddedZaaksysteem();
  let registers: ReturnType<typeof registersFor> | undefined;
  beforeAll(() => {
    registers = registersFor(zs(), dialect);
  });
  afterAll(async () => {
    await registers?.backends.close();
  });
  const name = `embedded zaaksysteem over ${dialect}`;
  zaakRegisterContract(name, () => registers!.zaken);
  documentRegisterContract(name, () => registers!);
  zaakOverdrachtContract(name, () => registers!);
}
