import { Readable } from 'node:stream';
import { request } from 'undici';
import { NotAvailable, type Benchmark } from '../harness/benchmark';
import { digestOf, GeneratedDocument } from '../harness/document-content';
import { testBsns } from '../harness/fixtures';
import { graphqlBody } from '../harness/graphql-queries';
import { call, JSON_HEADERS } from '../harness/http';
import { FacadeProcess, ZaaksysteemProcess } from '../harness/participants';
import type { RssWindow } from '../harness/process-probe';
import { MiB, round } from '../harness/stats';

const TIMEOUT = 10 * 60_000;
const CREATE = `mutation Create($invoer: GezinsplanInput!) { createGezinsplan(invoer: $invoer) { identificatie } }`;
const UPLOAD = `mutation Upload($zaak: String!, $document: DocumentInput!) { voegDocumentToe(zaak: $zaak, document: $document) { identificatie } }`;
const DOWNLOAD = `query Download($id: String!) { gezinsplan(identificatie: $id) { documenten { identificatie downloadUrl } } }`;

interface Measurement {
  api: 'REST' | 'GraphQL';
  direction: 'upload' | 'download';
  sizeBytes: number;
  wallMs?: number;
  rss?: RssWindow;
  ok: boolean;
  detail?: string;
}

const metadata = { titel: 'Benchmarkdocument', documenttype: 'Verslag', auteur: 'Benchmark' };

/** multipart/form-data: the text fields, then the file as it is generated (REST and GraphQL alike). */
async function* multipart(boundary: string, velden: Record<string, string>, bestandsveld: string, doc: GeneratedDocument): AsyncGenerator<Buffer> {
  for (const [k, v] of Object.entries(velden)) {
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  }
  yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${bestandsveld}"; filename="benchmark.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  yield* doc.bytes();
  yield Buffer.from(`\r\n--${boundary}--\r\n`);
}

/** A GraphQL multipart request (graphql-multipart-request-spec): operations, map, then the file. */
function graphqlUpload(boundary: string, zaak: string, doc: GeneratedDocument): AsyncGenerator<Buffer> {
  const document = { ...metadata, bestandsnaam: 'benchmark.bin', contentType: 'application/octet-stream', inhoud: null };
  const operations = JSON.stringify({ query: UPLOAD, variables: { zaak, document } });
  return multipart(boundary, { operations, map: '{"0":["variables.document.inhoud"]}' }, '0', doc);
}

async function createZaak(facade: FacadeProcess, i: number): Promise<string> {
  const invoer = {
    omschrijving: `Benchmark documenten ${i}`,
    regisseur: { identificatie: 'MDW-BENCH', achternaam: 'Regisseur' },
    clients: [{ bsn: testBsns(1, 500 + i)[0], geslachtsnaam: 'Benchmark' }],
  };
  const res = await call(`${facade.url}/graphql`, { method: 'POST', headers: { ...JSON_HEADERS, authorization: facade.authorization() }, body: graphqlBody(CREATE, { invoer }) });
  const id = (JSON.parse(res.text) as { data?: { createGezinsplan?: { identificatie: string } } }).data?.createGezinsplan?.identificatie;
  if (!id) throw new Error(`createGezinsplan: HTTP ${res.status} ${res.text.slice(0, 300)}`);
  return id;
}

/** Runs one transfer between rss-start and rss-stop of the facade. */
async function windowed(facade: FacadeProcess, m: Omit<Measurement, 'ok'>, transfer: () => Promise<string | undefined>): Promise<Measurement> {
  await facade.rssStart();
  const t0 = performance.now();
  let problem: string | undefined;
  try {
    problem = await transfer();
  } catch (e) {
    problem = e instanceof Error ? e.message.split('\n')[0] : String(e);
  }
  const wallMs = performance.now() - t0;
  const rss = await facade.rssStop();
  return { ...m, wallMs, rss, ok: problem === undefined, detail: problem };
}

async function restRound(facade: FacadeProcess, zaak: string, size: number): Promise<Measurement[]> {
  const doc = new GeneratedDocument(size);
  const boundary = `bench${Date.now()}`;
  let location: string | undefined;
  const up = await windowed(facade, { api: 'REST', direction: 'upload', sizeBytes: size }, async () => {
    const res = await request(`${facade.url}/api/v1/zaken/${encodeURIComponent(zaak)}/documenten`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json', authorization: facade.authorization() },
      body: Readable.from(multipart(boundary, metadata, 'inhoud', doc)),
      headersTimeout: TIMEOUT,
      bodyTimeout: TIMEOUT,
    });
    const text = await res.body.text();
    location = res.headers.location as string | undefined;
    return res.statusCode === 201 && location ? undefined : `HTTP ${res.statusCode} ${text.slice(0, 200)}`;
  });
  if (!up.ok || !location) return [up];
  const down = await windowed(facade, { api: 'REST', direction: 'download', sizeBytes: size }, async () => {
    const res = await request(new URL(location!, facade.url), { headers: { authorization: facade.authorization() }, headersTimeout: TIMEOUT, bodyTimeout: TIMEOUT });
    if (res.statusCode !== 200) return `HTTP ${res.statusCode} ${(await res.body.text()).slice(0, 200)}`;
    const got = await digestOf(res.body);
    return got.bytes === size && got.sha256 === doc.sha256 ? undefined : `content differs (${got.bytes} bytes)`;
  });
  return [up, down];
}

async function graphqlRound(facade: FacadeProcess, zaak: string, size: number): Promise<Measurement[]> {
  const doc = new GeneratedDocument(size);
  const boundary = `bench${Date.now()}`;
  const up = await windowed(facade, { api: 'GraphQL', direction: 'upload', sizeBytes: size }, async () => {
    const res = await request(`${facade.url}/graphql`, {
      method: 'POST',
      // Apollo's CSRF prevention: a multipart POST must show it is no cross-origin form
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json', 'apollo-require-preflight': 'true', authorization: facade.authorization() },
      body: Readable.from(graphqlUpload(boundary, zaak, doc)),
      headersTimeout: TIMEOUT,
      bodyTimeout: TIMEOUT,
    });
    const text = await res.body.text();
    return res.statusCode === 200 && text.includes('"voegDocumentToe"') && !text.includes('"errors"') ? undefined : `HTTP ${res.statusCode} ${text.slice(0, 200)}`;
  });
  if (!up.ok) return [up];
  const down = await windowed(facade, { api: 'GraphQL', direction: 'download', sizeBytes: size }, async () => {
    const res = await call(`${facade.url}/graphql`, { method: 'POST', headers: { ...JSON_HEADERS, authorization: facade.authorization() }, body: graphqlBody(DOWNLOAD, { id: zaak }) });
    const parsed = JSON.parse(res.text) as { data?: { gezinsplan?: { documenten: { downloadUrl: string }[] } } };
    const url = parsed.data?.gezinsplan?.documenten[0]?.downloadUrl;
    if (!url) return `HTTP ${res.status} ${res.text.slice(0, 200)}`;
    const stream = await request(new URL(url, facade.url), { headers: { authorization: facade.authorization() }, headersTimeout: TIMEOUT, bodyTimeout: TIMEOUT });
    if (stream.statusCode !== 200) return `HTTP ${stream.statusCode} ${(await stream.body.text()).slice(0, 200)}`;
    const got = await digestOf(stream.body);
    return got.bytes === size && got.sha256 === doc.sha256 ? undefined : `content differs (${got.bytes} bytes)`;
  });
  return [up, down];
}

/**
 * 3. Upload and download of large documents through REST (multipart / streamed download) and GraphQL (multipart
 * request / downloadUrl to the REST stream), with the facade's peak RSS growth over each transfer. A fresh facade per API and size, so that every
 * window starts from the same state.
 */
export const largeDocuments: Benchmark = {
  id: 'large-documents',
  title: '3. Large documents: upload and download through REST and GraphQL',
  timeoutMs: ({ quick }) => (quick ? 180_000 : 20 * 60_000),
  async run({ quick }, log) {
    const sizesMiB = quick ? [10] : [10, 50, 100];
    const maxSize = Math.max(...sizesMiB) * MiB;
    // The defaults refuse documents this large: the SOAP transport's maxResponseBytes of 64 MiB (a
    // geefZaakdocumentLezen answer carries the content as base64, 4/3 of its size). Raised here, to measure what
    // the transfers cost.
    const base64Bytes = Math.ceil((maxSize * 4) / 3) + 4 * MiB;
    const config = {
      graphql: { uploadBytes: maxSize + MiB },
      rest: { documentBytes: maxSize + MiB },
    };
    const backendConfig = { maxResponseBytes: base64Bytes };
    const zs = await ZaaksysteemProcess.start({ demo: false });
    const results: Measurement[] = [];
    try {
      let i = 0;
      for (const mib of sizesMiB) {
        for (const api of ['REST', 'GraphQL'] as const) {
          const facade = await FacadeProcess.start(zs, { config, backend: backendConfig });
          try {
            const zaak = await createZaak(facade, i++);
            await call(`${facade.url}/health`);
            const round_ = api === 'REST' ? restRound : graphqlRound;
            const ms = await round_(facade, zaak, mib * MiB);
            for (const m of ms) log(`${api} ${m.direction} ${mib} MiB: ${m.ok ? `${round((m.wallMs ?? 0) / 1000, 2)} s, RSS +${round(((m.rss!.peakRss - m.rss!.startRss) / MiB), 1)} MiB` : m.detail}`);
            results.push(...ms);
          } finally {
            await facade.stop();
          }
        }
      }
    } finally {
      await zs.stop();
    }
    if (results.length === 0) throw new NotAvailable('no transfer could be made');

    const growth = (m: Measurement) => (m.rss ? m.rss.peakRss - m.rss.startRss : NaN);
    const measuredOk = results.filter((m) => m.ok);
    // Whether a path buffers shows in how its RSS growth scales with the document size (GC slack does not).
    const scaling: string[] = [];
    for (const api of ['REST', 'GraphQL'] as const) {
      for (const direction of ['upload', 'download'] as const) {
        const ms = measuredOk.filter((m) => m.api === api && m.direction === direction).sort((a, b) => a.sizeBytes - b.sizeBytes);
        if (ms.length < 2) continue;
        const [small, large] = [ms[0]!, ms[ms.length - 1]!];
        const slope = (growth(large) - growth(small)) / (large.sizeBytes - small.sizeBytes);
        scaling.push(`${api} ${direction}: RSS growth rises ${round(slope, 2)} MiB per MiB of document from ${small.sizeBytes / MiB} to ${large.sizeBytes / MiB} MiB (${slope < 0.25 ? 'flat: streams' : `the path holds ~${round(slope, 1)}x the document in memory`}).`);
      }
    }
    return {
      inputs: { sizesMiB: sizesMiB.join('/'), backendLatencyMs: 0, concurrency: 1, content: 'random bytes, checked by SHA-256 on download', limits: `raised to fit: GraphQL upload and REST document ${maxSize / MiB + 1} MiB, SOAP maxResponseBytes ${round(base64Bytes / MiB, 0)} MiB (defaults 100 / 100 / 64 MiB)` },
      tables: [{
        columns: ['API', 'direction', 'size MiB', 'wall s', 'MiB/s', 'facade RSS growth MiB', 'growth / size', 'peak', 'result'],
        rows: results.map((m) => [
          m.api, m.direction, m.sizeBytes / MiB,
          m.wallMs === undefined ? '-' : round(m.wallMs / 1000, 2),
          m.wallMs === undefined || !m.ok ? '-' : round(m.sizeBytes / MiB / (m.wallMs / 1000), 1),
          m.rss ? round(growth(m) / MiB, 1) : '-',
          m.rss ? round(growth(m) / m.sizeBytes, 2) : '-',
          m.rss ? (m.rss.exactPeak ? 'exact' : 'sampled') : '-',
          m.ok ? (m.direction === 'download' ? 'ok, byte-exact' : 'ok') : `failed: ${m.detail}`,
        ]),
      }],
      targets: measuredOk.map((m) => ({
        name: `${m.api} ${m.direction} ${m.sizeBytes / MiB} MiB: RSS growth`,
        target: `<= 2 x size = ${(2 * m.sizeBytes) / MiB} MiB`,
        measured: `${round(growth(m) / MiB, 1)} MiB`,
        met: growth(m) <= 2 * m.sizeBytes,
      })),
      notes: [
        ...scaling,
        'RSS growth = peak RSS of the facade process during the transfer minus its RSS just before; "exact" when the kernel high-water mark rose during the transfer, else the 5 ms sampler.',
        'REST: multipart upload and the download are streams on the facade side; the content travels to and from the zaaksysteem as base64 inside the SOAP XML (ZKN:inhoud), encoded and decoded chunk by chunk.',
        'GraphQL: the upload is a GraphQL multipart request whose file part streams into the SOAP request as the resolver reads it; the download is the document\'s downloadUrl, a single-use token redeemed by the REST stream. Base64 in JSON (inhoudBase64, inhoud.base64) remains for small documents and is not measured here.',
        'On download the XML parser cannot be paused by a slow consumer: decoded content queues in the facade when the caller reads slower than the zaaksysteem sends (bounded by the transport\'s response cap). These figures use a fast local reader.',
      ],
      data: results,
    };
  },
};
