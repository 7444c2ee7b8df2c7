import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { Agent, type Dispatcher } from 'undici';
import { FacadeError, type Blame } from '../../src/core/domain/errors';
import { outgoingTraceparent, type TraceContext } from '../../src/core/domain/trace-context';
import type { BackendConfig, TlsConfig } from '../config/backend-config';
import type { DialectBinding, Service } from '../stuf/operations';
import { NS, type Prefix } from '../xml/namespaces';
import { XmlReader, type XEl } from '../xml/xml-parser';
import { toXmlChunks } from '../xml/xml-writer';
import { readSoapEnvelope, soapEnvelope } from './soap-envelope';
import type { SoapCall, SoapTransport } from './soap-transport';
import { ExchangeAborted, backendError, exchangeError, faultError } from './transport-errors';
import { usernameTokenHeader } from './ws-security';

/** The pino subset we log to. Log lines carry sizes and timings only: never message content, never a BSN. */
export interface TransportLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** One StUF call as its observers see it: what and where, never message content, never a BSN. */
export interface StufAanroep {
  readonly operation: string;
  readonly role: string;
  readonly dialect: string;
  /** host:port of the endpoint */
  readonly endpoint: string;
  readonly referentienummer?: string;
  /** the trace of the request the call is made for (a trace's span is the parent of the call's) */
  readonly trace?: TraceContext;
}

/**
 * Runs around one StUF call (metrics time it, traces give it a span that is active while it runs, so that the
 * HTTP request is its child). It returns, or rethrows, exactly what `werk` gives: the error is the FacadeError
 * the transport made of the failure.
 */
export type StufAanroepWaarnemer = <T>(aanroep: StufAanroep, werk: () => Promise<T>) => Promise<T>;

export interface HttpSoapTransportOptions {
  readonly logger?: TransportLogger;
  /** outermost first */
  readonly waarnemers?: readonly StufAanroepWaarnemer[];
}

/**
 * A failed call is logged by whose failure it is: the caller's (NOT_FOUND, CONFLICT, CANCELLED: the answer is
 * an ordinary one) at warn; the backend's (unreachable, a fault, a bad answer) and our own at error, because an
 * operator has to act on those.
 */
const LEVEL_BY_BLAME: Record<Blame, keyof TransportLogger> = { caller: 'warn', backend: 'error', facade: 'error' };

interface ExchangeStats {
  status?: number;
  bytesSent: number;
  bytesReceived: number;
}

/** Bodies up to this size are sent with a Content-Length; larger ones (documents) stream chunked. */
const INLINE_BODY_BYTES = 1024 * 1024;

/**
 * Parsing chunks that have already arrived runs without an event-loop turn in between (`for await` resumes in
 * a microtask). After this much parse time the read loop yields, so a large answer does not hold up every
 * other request; small answers are parsed in one go and never wait.
 */
const PARSE_SLICE_MS = 5;

function tlsOptions(tls: TlsConfig | undefined): object {
  if (!tls) return {};
  const read = (f: string | undefined) => (f === undefined ? undefined : readFileSync(f));
  return { cert: read(tls.certFile), key: read(tls.keyFile), ca: read(tls.caFile), passphrase: tls.passphrase };
}

const qname = (q: string): { uri: string; local: string } => {
  const i = q.indexOf(':');
  return { uri: NS[q.slice(0, i) as Prefix], local: q.slice(i + 1) };
};

/**
 * SOAP over HTTP(S) to one backend (zaaksysteem or DMS): one keep-alive pool per endpoint origin, a timeout per
 * operation, optional client certificate and WS-Security UsernameToken, and a size cap on answers. Requests are
 * SOAP 1.1 (StUF bindingen 03.02) with the WSDL's soapAction; answers may be SOAP 1.1 or 1.2.
 */
export class HttpSoapTransport implements SoapTransport {
  private readonly agent: Agent;
  /** host:port per service, for the log (never the path or query of an endpoint URL) */
  private readonly hosts: Readonly<Record<Service, string>>;

  constructor(
    private readonly config: BackendConfig,
    private readonly options: HttpSoapTransportOptions = {},
  ) {
    this.hosts = {
      beantwoordVraag: new URL(config.endpoints.beantwoordVraag).host,
      ontvangAsynchroon: new URL(config.endpoints.ontvangAsynchroon).host,
      vrijeBerichten: new URL(config.endpoints.vrijeBerichten).host,
    };
    this.agent = new Agent({
      connections: config.pool.connections,
      keepAliveTimeout: config.pool.keepAliveMs,
      connect: { timeout: config.timeouts.connect, ...tlsOptions(config.tls) },
    });
  }

  send(call: SoapCall): Promise<XEl> {
    const op = call.operation;
    const aanroep: StufAanroep = {
      operation: op.name,
      role: op.role,
      dialect: this.config.dialect,
      endpoint: this.hosts[op.service],
      ...(call.referentienummer ? { referentienummer: call.referentienummer } : {}),
      ...(call.ctx.trace ? { trace: call.ctx.trace } : {}),
    };
    return (this.options.waarnemers ?? []).reduceRight<() => Promise<XEl>>((werk, waarnemer) => () => waarnemer(aanroep, werk), () => this.logged(call))();
  }

  private async logged(call: SoapCall): Promise<XEl> {
    const op = call.operation;
    const started = performance.now();
    const stats: ExchangeStats = { bytesSent: 0, bytesReceived: 0 };
    const log = (level: keyof TransportLogger, outcome: object) =>
      this.options.logger?.[level](
        {
          operation: op.name,
          role: op.role,
          endpoint: this.hosts[op.service],
          referentienummer: call.referentienummer,
          durationMs: Math.round(performance.now() - started),
          ...outcome,
          ...stats,
        },
        level === 'info' ? 'SOAP-aanroep' : 'SOAP-aanroep mislukt',
      );
    try {
      const answer = await this.exchange(call, stats);
      log('info', { outcome: 'ok' });
      return answer;
    } catch (e) {
      const err = e instanceof ExchangeAborted && e.why === 'caller' && call.ctx.signal?.reason instanceof FacadeError
        ? call.ctx.signal.reason
        : exchangeError(e, op.role);
      log(LEVEL_BY_BLAME[err.blame], { outcome: err.code, stufFoutcode: err.stuf?.code, detail: err.internal });
      throw err;
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private async exchange(call: SoapCall, stats: ExchangeStats): Promise<XEl> {
    const { operation: op, ctx } = call;
    const binding = op.bindings[this.config.dialect];
    const timeoutMs = this.config.timeouts.perOperation[op.name] ?? this.config.timeouts[op.service];
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new ExchangeAborted('timeout')), timeoutMs);
    const onCallerAbort = () => abort.abort(new ExchangeAborted('caller'));
    if (ctx.signal?.aborted) onCallerAbort();
    ctx.signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      abort.signal.throwIfAborted();
      const url = new URL(this.config.endpoints[op.service]);
      const header = this.config.wsSecurity ? [usernameTokenHeader(this.config.wsSecurity)] : [];
      const body = await requestBody(toXmlChunks(soapEnvelope(call.body, header)), (n) => (stats.bytesSent += n));
      const res = await this.agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: {
          'content-type': 'text/xml; charset=utf-8',
          // SOAP 1.1 §6.1.1: the value is a quoted URI
          soapaction: `"${(op.zoekvraag && this.config.zoekSoapAction) || binding.soapAction}"`,
          accept: 'text/xml, application/soap+xml',
          // W3C Trace Context §3.2: the backend's log lines join the trace of the API request
          ...(ctx.trace ? { traceparent: outgoingTraceparent(ctx.trace) } : {}),
        },
        body,
        signal: abort.signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      stats.status = res.statusCode;
      return await this.readAnswer(res, call, binding, stats);
    } catch (e) {
      // whatever undici or the parser threw after our abort, the reason is the abort
      throw abort.signal.aborted ? abort.signal.reason : e;
    } finally {
      clearTimeout(timer);
      ctx.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  private async readAnswer(
    res: Dispatcher.ResponseData,
    call: SoapCall,
    binding: DialectBinding,
    stats: ExchangeStats,
  ): Promise<XEl> {
    const role = call.operation.role;
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    const contentType = String(res.headers['content-type'] ?? '');
    const httpError = () => backendError('BACKEND_UNAVAILABLE', role, `HTTP ${res.statusCode} without SOAP fault`);
    const declared = Number(res.headers['content-length']);
    if (declared > this.config.maxResponseBytes) {
      discard(res.body);
      throw backendError('BACKEND_PROTOCOL', role, `answer of ${declared} bytes exceeds maxResponseBytes`);
    }
    if (!ok && !/xml/i.test(contentType)) {
      // an HTML error page of a proxy or application server: read a little so the connection can be reused
      await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
      throw httpError();
    }
    let answer: ReturnType<typeof readSoapEnvelope>;
    try {
      const root = await this.parse(res.body, contentType, call, stats);
      answer = readSoapEnvelope(root);
    } catch (e) {
      throw ok || e instanceof FacadeError || e instanceof ExchangeAborted ? e : httpError();
    }
    if ('fault' in answer) throw faultError(answer.fault, role);
    if (!ok) throw httpError();
    const got = answer.body;
    if (!binding.response.map(qname).some((q) => q.uri === got.uri && q.local === got.local)) {
      throw backendError('BACKEND_PROTOCOL', role, `unexpected answer {${got.uri}}${got.local} to ${call.operation.name}`);
    }
    return got;
  }

  /** Parses while the answer streams in, and stops reading the moment it exceeds the cap. */
  private async parse(body: Readable, contentType: string, call: SoapCall, stats: ExchangeStats): Promise<XEl> {
    const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(charset, { fatal: true });
    } catch {
      discard(body);
      throw backendError('BACKEND_PROTOCOL', call.operation.role, `unsupported charset ${charset}`);
    }
    const reader = new XmlReader({ streamText: call.streamText });
    let parsedMs = 0; // parse time since the last yield
    for await (const chunk of body as AsyncIterable<Buffer>) {
      stats.bytesReceived += chunk.length;
      if (stats.bytesReceived > this.config.maxResponseBytes) {
        throw backendError('BACKEND_PROTOCOL', call.operation.role, 'answer exceeds maxResponseBytes');
      }
      const started = performance.now();
      reader.write(decoder.decode(chunk, { stream: true }));
      parsedMs += performance.now() - started;
      if (parsedMs > PARSE_SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        parsedMs = 0;
      }
    }
    reader.write(decoder.decode());
    return reader.end();
  }
}

/** Drops an answer unread; the 'error' the body then emits must not become an uncaught exception. */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** Small messages go out as one buffer (with Content-Length, which some SOAP stacks insist on); large ones stream. */
async function requestBody(chunks: AsyncGenerator<Buffer>, sent: (n: number) => void): Promise<Buffer | Readable> {
  const head: Buffer[] = [];
  let size = 0;
  for (;;) {
    const next = await chunks.next();
    if (next.done) {
      sent(size);
      return Buffer.concat(head);
    }
    head.push(next.value);
    size += next.value.length;
    if (size > INLINE_BODY_BYTES) break;
  }
  async function* all(): AsyncGenerator<Buffer> {
    for (const b of head) {
      sent(b.length);
      yield b;
    }
    for await (const b of chunks) {
      sent(b.length);
      yield b;
    }
  }
  return Readable.from(all());
}
