import { serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { appHarnessPerFile } from '../../app/app-harness';

/** /graphql as GraphQL over HTTP says, with the project's own audit suite, and its errors in the log. */
const h = appHarnessPerFile();
const BSN = '999900018';
const post = (payload: unknown, accept?: string) =>
  h.app.inject({ method: 'POST', url: '/graphql', payload: payload as string, headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) } });

describe('GraphQL over HTTP', () => {
  it('passes the graphql-http server audits without an error or a warning', async () => {
    const url = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const bevindingen: string[] = [];
    // the audits' requests carry the harness's token, as every caller's must
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', h.authorization);
      return fetch(input, { ...init, headers });
    };
    for (const audit of serverAudits({ url: `${url}/graphql`, fetchFn })) {
      const r = await audit.fn();
      if (r.status === 'error' || r.status === 'warn') bevindingen.push(`${r.status} ${audit.name}: ${r.reason}`);
    }
    expect(bevindingen).toEqual([]);
  }, 60_000);

  it.each([
    ['a syntax error', `{ gezinsplannenVoorClient(bsn: "${BSN}") {`],
    ['more tokens than maxTokens', `{ gezinsplannenVoorClient(bsn: "${BSN}") { ${'identificatie '.repeat(3100)}} }`],
  ])('answers %s with 400 and GRAPHQL_PARSE_FAILED (200 for a client that asks application/json)', async (_, query) => {
    for (const accept of [undefined, 'application/graphql-response+json']) {
      const r = await post({ query }, accept);
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    }
    expect((await post({ query }, 'application/json')).statusCode).toBe(200);
  });

  it('refuses a GET whose URL holds a BSN, in any spelling, before anything runs; the same question by POST is answered', async () => {
    const vraag = `{ voorzieningenVanClient(bsn: "${BSN}") { identificatie } }`;
    const urls = [`/graphql?query=${encodeURIComponent(vraag)}`, `/graphql?query=${encodeURIComponent(vraag.replace(`"${BSN}"`, '$b'))}&variables=${encodeURIComponent(JSON.stringify({ b: BSN }))}`, `/graphql?query=${vraag.replace(/ /g, '+')}`];
    for (const url of urls) {
      const r = await h.app.inject({ method: 'GET', url, headers: { 'apollo-require-preflight': 'true' } });
      expect(r.statusCode, url).toBe(400);
      expect(r.json().errors[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', invalidParams: [{ name: 'query', reason: 'bevat een BSN' }] } });
      expect(r.body).not.toContain(BSN);
    }
    expect(h.logs.filter((l) => l.includes(BSN))).toEqual([]);
    const zonderBsn = await h.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent('{ gezinsplan(identificatie: "9999-GZP-0001") { identificatie } }')}`, headers: { 'apollo-require-preflight': 'true' } });
    expect(zonderBsn.statusCode, zonderBsn.body).toBe(200);
    expect((await post({ query: `{ gezinsplannenVoorClient(bsn: "${BSN}") { identificatie } }` })).json().data.gezinsplannenVoorClient).toEqual([{ identificatie: '9999-GZP-0001' }]);
  });

  it('answers a body that is no JSON with 400 and a GraphQL error', async () => {
    const r = await post('{"query": ');
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ errors: [{ message: 'Het verzoek kon niet gelezen worden', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('logs caller errors at info by code and path, never the query text or a variable value', async () => {
    h.logs.length = 0;
    await post({ query: `{ gezinsplannenVoorClient(bsn: "${BSN}") { onbekend } }` });
    await post({ query: 'query($b: String!) { gezinsplannenVoorClient(bsn: $b) { identificatie } }', variables: { b: Number(BSN) } });
    await post({ query: `{ gezinsplannenVoorClient(bsn: "${BSN}") {` });
    await post({ query: 'query($b: String!) { gezinsplannenVoorClient(bsn: $b) { identificatie } }', variables: { b: '999900019' } });
    const regels = h.logs.map((l) => JSON.parse(l) as { level: number; code?: string; msg: string });
    const fouten = regels.filter((l) => l.code);
    expect(fouten.map((l) => l.code)).toEqual(['GRAPHQL_VALIDATION_FAILED', 'VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'VALIDATION_FAILED']);
    expect(fouten.every((l) => l.level === 30)).toBe(true);
    expect(h.logs.join('')).not.toMatch(/99990001[89]|bsn:|\$b|String!/);
  });
});
