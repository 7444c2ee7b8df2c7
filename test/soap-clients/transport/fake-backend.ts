import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { parseBackendsConfig, type BackendConfig } from '../../../soap-clients/config/backend-config';
import { OPERATIONS, type Dialect, type OperationName } from '../../../soap-clients/stuf/operations';
import { requestStuurgegevens, stuurgegevensElement, type Systeem } from '../../../soap-clients/stuf/stuurgegevens';
import { el, type XmlElement } from '../../../soap-clients/xml/xml-writer';
import { systemContext } from '../../../src/core/domain/request-context';
import { HttpSoapTransport, type HttpSoapTransportOptions } from '../../../soap-clients/transport/http-soap-transport';
import type { SoapCall } from '../../../soap-clients/transport/soap-transport';
import { EXAMPLES } from '../../support/shared';

/** What a fake zaaksysteem received. */
export interface ReceivedRequest {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  /** which TCP connection carried it (1, 2, ...) */
  readonly connection: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

export interface FakeBackend {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** TCP (or TLS) connections accepted so far */
  connections(): number;
  close(): Promise<void>;
}

const opened: { close(): Promise<void> }[] = [];

/** Closes every fake backend and transport the test opened (transports first): use as `afterEach(closeOpened)`. */
export async function closeOpened(): Promise<void> {
  const all = opened.splice(0).reverse();
  for (const o of all) await o.close();
}

/** A transport to `url` that closeOpened() will close. */
export function transportTo(
  url: string,
  extra: Record<string, unknown> = {},
  dialect: Dialect = 'zds-1.2',
  options: HttpSoapTransportOptions = {},
): HttpSoapTransport {
  const t = new HttpSoapTransport(backendConfig(url, extra, dialect), options);
  opened.push(t);
  return t;
}

/**
 * A zaaksysteem on 127.0.0.1, port 0, that answers as `handler` says. Closing it also drops connections that are
 * still waiting (a backend that hangs), so that every test stops by itself.
 */
export async function startFakeBackend(handler: Handler, tls?: https.ServerOptions): Promise<FakeBackend> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const ids = new WeakMap<Socket, number>();
  let accepted = 0;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      requests.push({ path: req.url ?? '', headers: req.headers, body, connection: ids.get(req.socket) ?? 0 });
      void Promise.resolve(handler(req, res, body)).catch(() => res.destroy());
    });
  };
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  server.on(tls ? 'secureConnection' : 'connection', (s: Socket) => {
    ids.set(s, ++accepted);
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // a client that is refused its TLS handshake must not fail the server
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  const backend: FakeBackend = {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    connections: () => accepted,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      })),
  };
  opened.push(backend);
  return backend;
}

export const ZENDER: Systeem = { organisatie: '1234', applicatie: 'REGIE', gebruiker: 'regisseur' };
export const ONTVANGER: Systeem = { organisatie: '1234', applicatie: 'ZSDMS' };

/** A backend configuration as an operator would write it, through the real parser. */
export function backendConfig(url: string, extra: Record<string, unknown> = {}, dialect: Dialect = 'zds-1.2'): BackendConfig {
  return parseBackendsConfig({
    zaak: {
      dialect,
      endpoints: { beantwoordVraag: `${url}/bv`, ontvangAsynchroon: `${url}/oa`, vrijeBerichten: `${url}/vb` },
      zender: ZENDER,
      ontvanger: ONTVANGER,
      ...extra,
    },
  }).zaak;
}

/** A complete, schema-valid vrij bericht of `name` (its stuurgegevens only, like genereerZaakIdentificatie_Di02). */
export function vrijBericht(name: OperationName, dialect: Dialect): XmlElement {
  const op = OPERATIONS[name];
  const b = op.bindings[dialect];
  return el(b.request, undefined, [stuurgegevensElement(b.childPrefix, requestStuurgegevens(op, ZENDER, ONTVANGER))]);
}

/** The referentienummer of a stamped message's stuurgegevens, as the StUF client hands it to the transport. */
const referentienummerIn = (body: XmlElement): string | undefined =>
  body.children
    ?.find((c): c is XmlElement => !!c && c.name.endsWith(':stuurgegevens'))
    ?.children?.find((c): c is XmlElement => !!c && c.name === 'StUF:referentienummer')?.text;

export function call(name: OperationName, body: XmlElement, extra: Partial<SoapCall> = {}): SoapCall {
  return { ctx: systemContext('test'), operation: OPERATIONS[name], body, referentienummer: referentienummerIn(body), ...extra };
}

/** An official example message (without XML declaration), to put into an envelope. */
export const example = (rel: string): string =>
  readFileSync(`${EXAMPLES}/${rel}`, 'utf8').replace(/^<\?xml[^>]*\?>\s*/, '');

export const soap11 = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${body}</s:Body></s:Envelope>`;

export const soap12 = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body>${body}</env:Body></env:Envelope>`;

/** answers with a fixed status, content type and body */
export const answer =
  (status: number, body: string, contentType = 'text/xml; charset=utf-8'): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
