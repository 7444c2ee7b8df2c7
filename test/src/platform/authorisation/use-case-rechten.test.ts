import { describe, expect, it } from 'vitest';
import { FacadeError } from '../../../../src/core/domain/errors';
import { OPERATIES, type Operatie } from '../../../../src/core/domain/identiteit';
import type { RequestContext } from '../../../../src/core/domain/request-context';
import type { DocumentRegister } from '../../../../src/core/ports/document-register.port';
import type { ZaakOverdracht, ZaakRegister } from '../../../../src/core/ports/zaak-register.port';
import { createUseCases, useCaseConfig, type RequestUseCases, type UseCases } from '../../../../src/core/usecases/use-cases';
import { authorisedUseCases, OPERATIE_PER_USE_CASE } from '../../../../src/platform/authorisation/use-case-rechten';
import { ctxMet } from './authorisation-support';
import { inProcesSloten } from '../../../../src/platform/zaak-sloten/in-proces-sloten.adapter';

type UseCase = keyof typeof OPERATIE_PER_USE_CASE;
const USE_CASES = Object.keys(OPERATIE_PER_USE_CASE) as UseCase[];

/** Use cases that only note which one was called (the operation check comes before anything a use case does). */
function opgenomen(): { useCases: UseCases; aangeroepen: string[] } {
  const aangeroepen: string[] = [];
  const uc = Object.fromEntries(USE_CASES.map((naam) => [naam, async (...args: unknown[]) => (aangeroepen.push(naam), args)]));
  const config = useCaseConfig();
  return { useCases: { config, forRequest: () => ({ ...uc, config }) as unknown as RequestUseCases }, aangeroepen };
}

const met = (rechten: readonly Operatie[], verwerking: readonly Operatie[] = OPERATIES): RequestContext => {
  const ctx = ctxMet({ operaties: new Set(rechten) });
  return { ...ctx, verwerking: { ...ctx.verwerking!, operaties: new Set(verwerking) } };
};

async function uitkomst(ctx: RequestContext, naam: UseCase): Promise<{ code?: string; message?: string; aangeroepen: boolean }> {
  const { useCases, aangeroepen } = opgenomen();
  const uc = authorisedUseCases(useCases).forRequest(ctx);
  const methode = uc[naam] as (...a: unknown[]) => Promise<unknown>;
  try {
    await methode('a', 'b');
    return { aangeroepen: aangeroepen.includes(naam) };
  } catch (e) {
    expect(e).toBeInstanceOf(FacadeError);
    return { code: (e as FacadeError).code, message: (e as FacadeError).message, aangeroepen: aangeroepen.length > 0 };
  }
}

describe('operation rights on the use cases', () => {
  it('has an operation for every use case there is', () => {
    const ports = { zaken: {} as ZaakRegister, documenten: {} as DocumentRegister, overdracht: {} as ZaakOverdracht };
    const echt = Object.keys(createUseCases({ ...ports, sloten: inProcesSloten() }).forRequest(ctxMet())).filter((k) => k !== 'config');
    expect([...echt].sort()).toEqual([...USE_CASES].sort());
  });

  const nodig = (naam: UseCase) => OPERATIE_PER_USE_CASE[naam];
  const anders = (naam: UseCase) => OPERATIES.filter((o) => !nodig(naam).includes(o));

  it.each(USE_CASES)('%s: runs with its operation in both the rechten and the processing activity', async (naam) => {
    for (const o of nodig(naam)) expect(await uitkomst(met([o], [o]), naam)).toEqual({ aangeroepen: true });
  });

  it.each(USE_CASES)('%s: is FORBIDDEN, naming the operation, when the rechten lack it', async (naam) => {
    const u = await uitkomst(met(anders(naam)), naam);
    expect(u).toEqual({ code: 'FORBIDDEN', message: `Geen toestemming voor de operatie ${nodig(naam)[0]}`, aangeroepen: false });
  });

  it.each(USE_CASES)('%s: is FORBIDDEN when the processing activity does not allow it, whatever the rechten', async (naam) => {
    const u = await uitkomst(met(OPERATIES, anders(naam)), naam);
    expect(u).toEqual({ code: 'FORBIDDEN', message: `Geen toestemming voor de operatie ${nodig(naam)[0]}`, aangeroepen: false });
  });

  it.each(USE_CASES)('%s: is UNAUTHENTICATED without identiteit', async (naam) => {
    expect(await uitkomst({ requestId: 'anoniem' }, naam)).toMatchObject({ code: 'UNAUTHENTICATED', aangeroepen: false });
  });

  it('needs the same operation in both: lezen in the rechten and dashboard in the activity is not enough', async () => {
    expect(await uitkomst(met(['lezen'], ['dashboard']), 'heeftGezinsplan')).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a context without processing activity', async () => {
    const { verwerking: _v, ...zonder } = ctxMet();
    expect(await uitkomst(zonder, 'zaak')).toMatchObject({ code: 'VERWERKING_ONBEKEND', aangeroepen: false });
  });

  it('reads are lezen, mutations schrijven, heeftGezinsplan and the state of its index dashboard or lezen', () => {
    expect(OPERATIE_PER_USE_CASE.heeftGezinsplan).toEqual(['dashboard', 'lezen']);
    expect(OPERATIE_PER_USE_CASE.indexStand).toEqual(['dashboard', 'lezen']);
    expect(USE_CASES.filter((n) => OPERATIE_PER_USE_CASE[n].includes('dashboard'))).toEqual(['heeftGezinsplan', 'indexStand']);
    expect(USE_CASES.every((n) => OPERATIE_PER_USE_CASE[n].every((o) => o !== 'protocol-inzage'))).toBe(true);
  });
});
