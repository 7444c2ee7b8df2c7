import type { RequestContext } from '../../core/domain/request-context';
import type { DocumentRegister } from '../../core/ports/document-register.port';
import type { ZaakOverdracht, ZaakRegister } from '../../core/ports/zaak-register.port';
import { CircuitBreaker, type VeerkrachtLog } from './circuit-breaker';
import type { BreakerConfig } from './veerkracht-config';

function brokenPort<T extends object>(port: T, breaker: CircuitBreaker): T {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const member = Reflect.get(target, prop, receiver) as unknown;
      if (typeof member !== 'function') return member;
      return (ctx: RequestContext, ...rest: unknown[]) => breaker.run(() => member.call(target, ctx, ...rest) as Promise<unknown>);
    },
  });
}

interface CorePorts {
  zaken: ZaakRegister;
  documenten: DocumentRegister;
  overdracht: ZaakOverdracht;
}

/** One breaker per backend role; the caller that keeps them can read their state (the metrics). */
export interface BackendBreakers {
  zaak: CircuitBreaker;
  document: CircuitBreaker;
}

export const backendBreakers = (config: BreakerConfig, log: VeerkrachtLog, now?: () => number): BackendBreakers => ({
  zaak: new CircuitBreaker('zaak', config, log, now),
  document: new CircuitBreaker('document', config, log, now),
});

/**
 * Every call of a port through the breaker of its backend role (issue 12 §6): the zaak backend's for zaken and
 * overdracht (overdragenZaak_Di01 travels through it, src/app/app-ports.ts), the DMS's for documenten. Reads
 * and writes alike: a write to a backend that is down fails at once, before anything is sent. The breakers come
 * from `backendBreakers`, so that the metrics read the same ones.
 */
export function breakerPorts<P extends CorePorts>(ports: P, breakers: BackendBreakers): P {
  return {
    ...ports,
    zaken: brokenPort(ports.zaken, breakers.zaak),
    documenten: brokenPort(ports.documenten, breakers.document),
    overdracht: brokenPort(ports.overdracht, breakers.zaak),
  };
}
