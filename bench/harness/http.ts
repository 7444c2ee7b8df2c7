import { request } from 'undici';
import type { RecordedRequest } from '../processes/zaaksysteem';
import type { ZaaksysteemProcess } from './participants';

/** One request from the suite itself (set-up and checks, never a measurement); the body is read completely. */
export async function call(
  url: string,
  init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; text: string }> {
  const res = await request(url, {
    method: init.method ?? 'GET',
    headers: init.headers,
    body: init.body,
    headersTimeout: 60_000,
    bodyTimeout: 60_000,
  });
  return { status: res.statusCode, text: await res.body.text() };
}

export const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

/** The SOAP requests the zaaksysteem received while `action` ran, as they came over the wire. */
export async function captureSoap<T>(zs: ZaaksysteemProcess, action: () => Promise<T>): Promise<{ result: T; requests: RecordedRequest[] }> {
  await zs.recordStart();
  try {
    const result = await action();
    return { result, requests: await zs.recordStop() };
  } catch (e) {
    await zs.recordStop();
    throw e;
  }
}

/** A recorded SOAP request replayed as it was sent: same path, soapAction and body. */
export function soapReplay(zs: ZaaksysteemProcess, r: RecordedRequest): { url: string; headers: Record<string, string>; body: string } {
  return {
    url: zs.ready.url + r.path,
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${r.soapAction}"` },
    body: r.body,
  };
}
