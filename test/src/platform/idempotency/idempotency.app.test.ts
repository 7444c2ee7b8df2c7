import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SoapCall, SoapTransport } from '../../../../soap-clients/transport/soap-transport';
import { buildApp } from '../../../../src/app/app';
import type { AppConfig } from '../../../../src/app/config/app-config';
import { openStore } from '../../../../src/platform/store/open-store';
import type { StoreConfig } from '../../../../src/platform/store/store-config';
import { startAppHarness, type AppHarness } from '../../app/app-harness';
import { MULTIPART_TYPE, multipartBody } from '../../../support/multipart-body';
import { POSTGRES_URL } from '../../../support/store-databases';
import { startTestAuth } from '../../../support/test-auth';

const invoer = (omschrijving = 'Gezinsplan idempotent') => ({
  omschrijving,
  regisseur: { identificatie: 'MDW-1', achternaam: 'Regisseur' },
  clients: [{ bsn: '999990019', geslachtsnaam: 'Jansen' }],
});
const CREATE = `mutation($invoer: GezinsplanInput!, $key: String) { createGezinsplan(invoer: $invoer, idempotencyKey: $key) { identificatie omschrijving } }`;

/** Holds every creeerZaak until `laatGaan`, to keep a create in flight. */
class Sluis implements SoapTransport {
  private open: Promise<void> = Promise.resolve();
  laatGaan = (): void => {};
  constructor(private readonly inner: SoapTransport) {}
  houdVast(): void {
    this.open = new Promise((r) => (this.laatGaan = r));
  }
  async send(call: SoapCall) {
    if (call.operation.name === 'creeerZaak') await this.open;
    return this.inner.send(call);
  }
  close() {
    return this.inner.close();
  }
}

let pgSchema = 0;
const opslag: [string, () => StoreConfig | undefined][] = [
  ['SQLite', () => undefined],
  ['PostgreSQL', () => ({ soort: 'postgres', url: POSTGRES_URL, schema: `t_idempotency_app_${process.pid}_${++pgSchema}` })],
];
afterAll(async () => {
  const { default: pgLib } = await import('pg');
  const client = new pgLib.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    for (let i = 1; i <= pgSchema; i++) await client.query(`DROP SCHEMA IF EXISTS "t_idempotency_app_${process.pid}_${i}" CASCADE`);
  } finally {
    await client.end();
  }
});

describe.each(opslag)('Idempotency-Key through both doors, store on %s', (_naam, storeConfig) => {
  let h: AppHarness;
  let sluis: Sluis;
  const zaken = () => h.zaaksysteem.store.zaken.count();
  const post = (key: string | undefined, body: object = invoer()) =>
    h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', headers: key === undefined ? {} : { 'idempotency-key': key }, payload: body });

  beforeAll(async () => {
    const store = storeConfig();
    h = await startAppHarness({
      tussen: (t) => (sluis = new Sluis(t)),
      config: (c) => {
        if (store) c.store = store;
      },
    });
  });
  afterAll(() => h.close());

  it('REST: a repeat gets the first outcome, marked as a replay, and makes one zaak', async () => {
    const voor = zaken();
    const eerste = await post('"rest-herhaling"');
    expect(eerste.statusCode).toBe(201);
    const tweede = await post('"rest-herhaling"');
    expect(tweede.statusCode).toBe(201);
    expect(tweede.body).toBe(eerste.body);
    expect(tweede.headers.location).toBe(eerste.headers.location);
    expect(tweede.headers.etag).toBe(eerste.headers.etag);
    expect(tweede.headers['idempotent-replayed']).toBe('true');
    expect(eerste.headers['idempotent-replayed']).toBeUndefined();
    expect(zaken()).toBe(voor + 1);
    const opdracht = await h.app.inject({ method: 'GET', url: '/api/v1/opdrachten/rest-herhaling' });
    expect(opdracht.json()).toMatchObject({ idempotencyKey: 'rest-herhaling', toestand: 'klaar', status: 201 });
  });

  it('REST: the same key with another body is 422, a malformed key 400, and without a key every POST runs', async () => {
    await post('"rest-ander"');
    const voor = zaken();
    const ander = await post('"rest-ander"', invoer('Een ander gezinsplan'));
    expect(ander.statusCode).toBe(422);
    expect(ander.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const kaal = await post('zonder-aanhalingstekens');
    expect(kaal.statusCode).toBe(400);
    expect(kaal.json().invalidParams).toEqual([expect.objectContaining({ name: 'Idempotency-Key' })]);
    expect((await post(`"${'x'.repeat(256)}"`)).statusCode).toBe(400);
    expect(zaken()).toBe(voor);
    await post(undefined);
    await post(undefined);
    expect(zaken()).toBe(voor + 2);
  });

  it('REST: while the first is in flight a repeat is 409 with Retry-After; afterwards it gets the outcome', async () => {
    const voor = zaken();
    sluis.houdVast();
    const eerste = post('"rest-bezig"');
    await expect.poll(async () => (await h.app.inject({ method: 'GET', url: '/api/v1/opdrachten/rest-bezig' })).statusCode).toBe(200);
    const tijdens = await post('"rest-bezig"');
    expect(tijdens.statusCode).toBe(409);
    expect(tijdens.json().code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(tijdens.headers['retry-after']).toBe('2');
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/opdrachten/rest-bezig' })).json().toestand).toBe('bezig');
    sluis.laatGaan();
    expect((await eerste).statusCode).toBe(201);
    expect((await post('"rest-bezig"')).body).toBe((await eerste).body);
    expect(zaken()).toBe(voor + 1);
  });

  it('GraphQL: a repeat returns the first result, another input is IDEMPOTENCY_KEY_REUSED, in flight IDEMPOTENCY_IN_PROGRESS', async () => {
    const voor = zaken();
    const eerste = await h.gql(CREATE, { invoer: invoer(), key: 'gql-1' });
    const tweede = await h.gql(CREATE, { invoer: invoer(), key: 'gql-1' });
    expect(eerste.errors).toBeUndefined();
    expect(tweede.data).toEqual(eerste.data);
    expect(zaken()).toBe(voor + 1);
    const ander = await h.gql(CREATE, { invoer: invoer('Anders'), key: 'gql-1' });
    expect(ander.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // the REST door's key with the same value is another request
    expect((await post('"gql-1"')).statusCode).toBe(422);

    sluis.houdVast();
    const bezig = h.gql(CREATE, { invoer: invoer(), key: 'gql-bezig' });
    await expect.poll(async () => (await h.gql<{ opdracht: { toestand: string } | null }>('{ opdracht(idempotencyKey: "gql-bezig") { toestand } }')).data?.opdracht?.toestand).toBe('BEZIG');
    const tijdens = await h.gql(CREATE, { invoer: invoer(), key: 'gql-bezig' });
    expect(tijdens.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    sluis.laatGaan();
    expect((await bezig).errors).toBeUndefined();
    const opdracht = await h.gql('{ opdracht(idempotencyKey: "gql-bezig") { idempotencyKey toestand status } }');
    expect(opdracht.data).toEqual({ opdracht: { idempotencyKey: 'gql-bezig', toestand: 'KLAAR', status: 200 } });
    expect(zaken()).toBe(voor + 2);
  });

  it('REST: a repeated multipart upload with the same key adds one document and replays its answer', async () => {
    const zaak = (await post(undefined)).json().identificatie as string;
    const body = multipartBody([
      { naam: 'titel', waarde: 'Plan van aanpak' },
      { naam: 'documenttype', waarde: 'Gezinsplan' },
      { naam: 'auteur', waarde: 'P. Jansen' },
      { naam: 'creatiedatum', waarde: '2026-11-20' },
      { naam: 'inhoud', bestandsnaam: 'plan.txt', type: 'text/plain', inhoud: Buffer.from('inhoud van het plan') },
    ]);
    const upload = () => h.app.inject({ method: 'POST', url: `/api/v1/zaken/${zaak}/documenten`, headers: { 'content-type': MULTIPART_TYPE, 'idempotency-key': '"upload-1"' }, payload: body });
    const eerste = await upload();
    expect(eerste.statusCode).toBe(201);
    const tweede = await upload();
    expect(tweede.statusCode).toBe(201);
    expect(tweede.body).toBe(eerste.body);
    expect(tweede.headers['idempotent-replayed']).toBe('true');
    const lijst = await h.app.inject({ method: 'GET', url: `/api/v1/zaken/${zaak}/documenten` });
    expect(lijst.json().count).toBe(1);
  });

  it("another applicatie does not see the caller's key: 404 and null", async () => {
    await post('"eigen-sleutel"');
    const wmo = `Bearer ${await h.token({ azp: 'wmo', sub: 'wmo-gebruiker' })}`;
    const rest = await h.app.inject({ method: 'GET', url: '/api/v1/opdrachten/eigen-sleutel', headers: { authorization: wmo } });
    expect(rest.statusCode).toBe(404);
    const gql = await h.app.inject({ method: 'POST', url: '/graphql', headers: { authorization: wmo }, payload: { query: '{ opdracht(idempotencyKey: "eigen-sleutel") { toestand } }' } });
    expect(gql.json()).toEqual({ data: { opdracht: null } });
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/opdrachten/nooit-gebruikt' })).statusCode).toBe(404);
  });
});

describe('configuration of Idempotency-Keys', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness({ config: (c) => void (c.idempotency = { ...c.idempotency, verplicht: true, bewaarUren: 0 }) });
  });
  afterAll(() => h.close());

  it('required: a change without a key is 400 in both doors, a POST that only reads needs none', async () => {
    const voor = h.zaaksysteem.store.zaken.count();
    const rest = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', payload: invoer() });
    expect(rest.statusCode).toBe(400);
    expect(rest.json().code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const gql = await h.gql(CREATE, { invoer: invoer() });
    expect(gql.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect(h.zaaksysteem.store.zaken.count()).toBe(voor);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen/_bestaan', payload: { bsns: ['999990019'] } })).statusCode).toBe(200);
  });

  it('after the retention (here none) the key is new again: the same request runs once more', async () => {
    const voor = h.zaaksysteem.store.zaken.count();
    const headers = { 'idempotency-key': '"kort-bewaard"' };
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', headers, payload: invoer() })).statusCode).toBe(201);
    const opnieuw = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', headers, payload: invoer() });
    expect(opnieuw.statusCode).toBe(201);
    expect(opnieuw.headers['idempotent-replayed']).toBeUndefined();
    expect(h.zaaksysteem.store.zaken.count()).toBe(voor + 2);
  });
});

describe('two facade instances on one PostgreSQL', () => {
  const schema = `t_idempotency_twee_${process.pid}`;
  let h: AppHarness;
  let tweede: Awaited<ReturnType<typeof buildApp>>;
  let auth: Awaited<ReturnType<typeof startTestAuth>>;
  let sluis: Sluis;
  beforeAll(async () => {
    const store: StoreConfig = { soort: 'postgres', url: POSTGRES_URL, schema };
    let config: AppConfig | undefined;
    h = await startAppHarness({ tussen: (t) => (sluis = new Sluis(t)), config: (c) => void ((c.store = store), (config = c)) });
    auth = await startTestAuth();
    // the same zaaksysteem (the harness's ports, not closed by this app), its own store connection and issuer
    tweede = await buildApp({ ...config!, auth: auth.config }, { ports: { ...h.ports, close: async () => {} }, store: await openStore(store), logStream: { write: () => true } as unknown as NodeJS.WritableStream });
  });
  afterAll(async () => {
    await tweede.close();
    await auth.close();
    await h.close();
    const { default: pgLib } = await import('pg');
    const client = new pgLib.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
  });

  it('the same key sent to both at once makes one zaak; the other is 409, then the first outcome', async () => {
    const voor = h.zaaksysteem.store.zaken.count();
    const headers = { 'idempotency-key': '"twee-instanties"' };
    sluis.houdVast();
    const een = h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', headers, payload: invoer() });
    const authorization = `Bearer ${await auth.token()}`;
    await expect.poll(async () => (await h.app.inject({ method: 'GET', url: '/api/v1/opdrachten/twee-instanties' })).statusCode).toBe(200);
    const twee = await tweede.inject({ method: 'POST', url: '/api/v1/gezinsplannen', headers: { ...headers, authorization }, payload: invoer() });
    expect(twee.statusCode).toBe(409);
    sluis.laatGaan();
    expect((await een).statusCode).toBe(201);
    const daarna = await tweede.inject({ method: 'POST', url: '/api/v1/gezinsplannen', headers: { ...headers, authorization }, payload: invoer() });
    expect(daarna.statusCode).toBe(201);
    expect(daarna.body).toBe((await een).body);
    expect(h.zaaksysteem.store.zaken.count()).toBe(voor + 1);
  });
});
