import http from 'node:http';
import type { AppConfig } from '../../src/app/config/app-config';

/** Forwards to the zaaksysteem and keeps the headers of every request the facade sent. */
export async function recordingProxy() {
  const seen: http.IncomingHttpHeaders[] = [];
  let target = '';
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    const out = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(out);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    seen,
    /** points every endpoint of the zaak backend through the proxy */
    route(c: AppConfig) {
      const endpoints = c.backends!.zaak.endpoints as Record<string, string>;
      for (const [k, v] of Object.entries(endpoints)) {
        const u = new URL(v);
        target = u.origin;
        endpoints[k] = `http://127.0.0.1:${port}${u.pathname}`;
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
