import { readFileSync } from 'node:fs';
import { request } from 'undici';
import { OPERATIONS, type Dialect, type OperationName } from '../../../soap-clients/stuf/operations';
import { NS } from '../../../soap-clients/xml/namespaces';
import { parseXml, type XEl } from '../../../soap-clients/xml/xml-parser';
import type { EmbeddedZaaksysteem } from '../../../src/zaaksysteem/embedded';

export interface SoapAnswer {
  status: number;
  xml: string;
  /** the first child of the SOAP Body (a Fault for errors) */
  body: XEl;
}

/** A StUF message (bare, as in the example files) in a SOAP 1.1 envelope. */
export function envelop(message: string): string {
  const bare = message.replace(/^\s*<\?xml[^>]*\?>/, '');
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${NS.soap11}"><soap:Body>${bare}</soap:Body></soap:Envelope>`;
}

export const readExample = (file: string, vervang: Record<string, string> = {}): string =>
  Object.entries(vervang).reduce((xml, [van, naar]) => xml.split(van).join(naar), readFileSync(file, 'utf8'));

/** Sends SOAP requests to an embedded zaaksysteem (whose fixture validates every answer, embedded-fixture.ts). */
export class SoapTestClient {
  constructor(private readonly zs: () => EmbeddedZaaksysteem) {}

  async post(path: string, soapAction: string | undefined, body: string): Promise<SoapAnswer> {
    const res = await request(this.zs().url + path, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', ...(soapAction !== undefined ? { soapaction: `"${soapAction}"` } : {}) },
      body,
    });
    const xml = await res.body.text();
    const envelope = parseXml(xml);
    const soapBody = envelope.children.find((c) => c.local === 'Body');
    const first = soapBody?.children[0];
    if (!first) throw new Error(`no SOAP body in answer: ${xml.slice(0, 300)}`);
    return { status: res.statusCode, xml, body: first };
  }

  /** sends `message` as operation `op` of `dialect` to the right endpoint with its soapAction */
  send(dialect: Dialect, op: OperationName, message: string): Promise<SoapAnswer> {
    const spec = OPERATIONS[op];
    const url = this.zs().endpoints[dialect][spec.service];
    return this.post(new URL(url).pathname, spec.bindings[dialect].soapAction, envelop(message));
  }
}

// ---- reading answers ------------------------------------------------------------------------------------

export function fout(a: SoapAnswer): { code: string; plek: string; berichtcode: string; details?: string } | undefined {
  if (a.body.local !== 'Fault') return undefined;
  const fo = a.body.children.find((c) => c.local === 'detail')?.children[0];
  const body = fo?.children.find((c) => c.local === 'body');
  const t = (l: string) => body?.children.find((c) => c.local === l)?.text;
  return { code: t('code') ?? '', plek: t('plek') ?? '', berichtcode: fo?.local.slice(0, 4) ?? '', details: t('details') };
}

/** text of the first descendant with this local name (depth first) */
export function find(e: XEl | undefined, local: string): XEl | undefined {
  if (!e) return undefined;
  for (const c of e.children) {
    if (c.local === local) return c;
    const d = find(c, local);
    if (d) return d;
  }
  return undefined;
}

export function findAll(e: XEl | undefined, local: string, acc: XEl[] = []): XEl[] {
  for (const c of e?.children ?? []) {
    if (c.local === local) acc.push(c);
    findAll(c, local, acc);
  }
  return acc;
}

export const text = (e: XEl | undefined, local: string): string | undefined => find(e, local)?.text.trim();
