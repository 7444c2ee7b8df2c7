import Fastify from 'fastify';
import { FacadeError } from '../../core/domain/errors';
import type { UseCases } from '../../core/usecases/use-cases';
import { DownloadTokens } from '../../platform/downloads/download-tokens';
import type { Abonnementen } from '../../platform/webhooks/abonnementen';
import { restApi } from './index';

/** Where the committed document lives (npm run openapi:write); a test fails when it is out of date. */
export const OPENAPI_FILE = new URL('./openapi.json', import.meta.url);

/**
 * The OpenAPI document as the REST plugin serves it at /api/v1/openapi.json. It depends on the routes and
 * their schemas only, so it is rendered without a zaaksysteem: no request reaches the use cases.
 */
export async function renderOpenapi(): Promise<string> {
  const zonderZaaksysteem = (): never => {
    throw new FacadeError('INTERNAL', 'no use cases while rendering the OpenAPI document');
  };
  const useCases = { forRequest: zonderZaaksysteem, runtime: zonderZaaksysteem } as unknown as UseCases;
  const app = Fastify({ logger: false });
  try {
    await app.register(restApi, { useCases, downloads: new DownloadTokens(0), protocol: { inzage: zonderZaaksysteem }, idempotentie: { opdracht: zonderZaaksysteem }, abonnementen: new Proxy({}, { get: zonderZaaksysteem }) as Abonnementen });
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    if (res.statusCode !== 200) throw new Error(`openapi.json answered ${res.statusCode}`);
    return `${JSON.stringify(res.json(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
