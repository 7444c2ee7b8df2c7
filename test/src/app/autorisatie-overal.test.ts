import { describe, expect, it } from 'vitest';
import { geldigGraphqlVerzoek, geldigRestVerzoek, GRAPHQL_OPERATIES, REST_OPERATIES, type Verzoek } from '../bad-input/bad-input.generators';
import { appHarnessPerFile } from './app-harness';

/**
 * Every operation of both doors, as a valid request against the demo data, sent by an authenticated caller whose
 * applicatie lacks the operation it needs: refused with 403 FORBIDDEN, and nothing is asked of the zaaksysteem.
 * The applicaties of the test configuration (test/support/test-auth.ts): `privacy` may only see the protocol,
 * `dashboard` only ask heeftGezinsplan, `wmo` only read.
 */
const h = appHarnessPerFile();

const LEZEN = new Set(['zoekGezinsplannen', 'listLevensdomeinplannen', 'listDeelplannen', 'getGezinsplan', 'getLevensdomeinplan', 'getDeelplan', 'listStatussen', 'listDocumenten', 'downloadDocument', 'gezinsplan', 'levensdomeinplan', 'deelplan', 'gezinsplannenVoorClient']);
const DASHBOARD = new Set(['heeftGezinsplan']);
/** which operations each applicatie may do; every other one it must be refused */
const MAG: Record<'privacy' | 'dashboard' | 'wmo', (operatie: string) => boolean> = {
  privacy: () => false,
  dashboard: (o) => DASHBOARD.has(o),
  wmo: (o) => LEZEN.has(o) || DASHBOARD.has(o),
};

const verzoeken: Verzoek[] = [...REST_OPERATIES.map(geldigRestVerzoek), ...GRAPHQL_OPERATIES.map(geldigGraphqlVerzoek)];

describe.each(Object.keys(MAG) as (keyof typeof MAG)[])('a caller of applicatie %s', (applicatie) => {
  const geweigerd = verzoeken.filter((v) => !MAG[applicatie](v.operatie));

  it.each(geweigerd.map((v) => [`${v.door} ${v.operatie}`, v] as const))('is refused %s, before any SOAP call', async (_naam, v) => {
    const token = await h.token({ azp: applicatie, sub: `${applicatie}-1` });
    const voor = h.recording.calls.length;
    const res = await h.app.inject({ ...v.inject, headers: { ...v.inject.headers, authorization: `Bearer ${token}` } });
    if (v.door === 'rest') {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    } else {
      const body = res.json() as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.map((e) => e.extensions?.code), res.body).toEqual(['FORBIDDEN']);
    }
    expect(h.recording.calls.slice(voor).map((c) => c.operation)).toEqual([]);
  });
});

it('covers every operation: each applicatie is refused most of them, and the walk sends valid requests', async () => {
  expect(verzoeken.length).toBeGreaterThan(30);
  const ok = await h.app.inject({ ...geldigRestVerzoek(REST_OPERATIES.find((o) => o.operatie === 'getGezinsplan')!).inject });
  expect(ok.statusCode).toBe(200);
});
