import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZaaksysteemStore } from '../store/zaaksysteem-store';
import type { FaultInjector } from './fault-injection';

const MAX_ADMIN_BODY = 64 * 1024;

/**
 * The admin endpoint, for loopback callers only:
 *   GET    /__admin/faults          the current fault configuration
 *   POST   /__admin/faults          replace it (JSON FaultConfig); 400 with the reason when invalid
 *   DELETE /__admin/faults          switch all faults off
 *   GET    /__admin/reserveringen   every identificatie handed out: [{ identificatie, soort, referentienummer }]
 */
export async function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  options: { faults: FaultInjector; store: ZaaksysteemStore },
): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) return json(req, res, 403, { error: 'alleen vanaf loopback' });
  if (pathname === '/__admin/reserveringen') {
    return req.method === 'GET' ? json(req, res, 200, options.store.reserveringen()) : json(req, res, 405, { error: 'alleen GET' });
  }
  if (pathname !== '/__admin/faults') return json(req, res, 404, { error: 'onbekend admin-pad' });
  if (req.method === 'GET') return json(req, res, 200, options.faults.get());
  if (req.method === 'DELETE') {
    options.faults.clear();
    return json(req, res, 200, options.faults.get());
  }
  if (req.method !== 'POST') return json(req, res, 405, { error: 'GET, POST of DELETE' });
  let body = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    body += chunk.toString('utf8');
    if (body.length > MAX_ADMIN_BODY) return json(req, res, 413, { error: 'te groot' });
  }
  try {
    options.faults.set(JSON.parse(body) as never);
  } catch (e) {
    return json(req, res, 400, { error: (e as Error).message });
  }
  json(req, res, 200, options.faults.get());
}

const isLoopback = (address: string | undefined): boolean =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

function json(req: IncomingMessage, res: ServerResponse, status: number, value: unknown): void {
  if (!req.complete) req.resume();
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}
