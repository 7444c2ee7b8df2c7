import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server for a provider; a client that stops sending does not hold a connection for ever. */
export function createProviderServer(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>, name: string): Server {
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // last resort: the answer could not even be written as a fault
      process.emitWarning(`${name}: request failed: ${(e as Error).message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      else res.destroy();
    });
  });
  server.requestTimeout = 300_000;
  server.headersTimeout = 30_000;
  return server;
}

export const listen = (server: Server, port: number, host: string): Promise<AddressInfo> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
