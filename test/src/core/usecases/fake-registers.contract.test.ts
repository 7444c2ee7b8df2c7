import { documentRegisterContract } from '../ports/document-register.contract';
import { zaakOverdrachtContract } from '../ports/zaak-overdracht.contract';
import { zaakRegisterContract } from '../ports/zaak-register.contract';
import { FakeRegisters } from './fake-registers';

/** The use-case tests' fake keeps the same port contracts as the StUF adapters (a fresh one per test). */
zaakRegisterContract('use-case fake', () => new FakeRegisters().zaken);
documentRegisterContract('use-case fake', () => new FakeRegisters());
zaakOverdrachtContract('use-case fake', () => new FakeRegisters());
