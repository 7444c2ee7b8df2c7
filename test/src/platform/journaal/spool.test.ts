import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bytesOf, collectBytes } from '../../../../src/core/domain/document';
import { Spool } from '../../../../src/platform/journaal/spool';

const dir = mkdtempSync(path.join(tmpdir(), 'spool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function* inDelen(data: Buffer, delen: number): AsyncIterable<Uint8Array> {
  const stuk = Math.ceil(data.length / delen);
  for (let i = 0; i < data.length; i += stuk) yield data.subarray(i, i + stuk);
}

describe('the spool of document content', () => {
  it('keeps content byte-exact under its SHA-256, readable again and again', async () => {
    const spool = await Spool.open(path.join(dir, 'a'));
    const data = randomBytes(300_000);
    const g = await spool.bewaar({ bestandsnaam: 'x.pdf', contentType: 'application/pdf', body: inDelen(data, 7) });
    expect(g).toMatchObject({ sha256: createHash('sha256').update(data).digest('hex'), grootte: data.length, bestandsnaam: 'x.pdf', contentType: 'application/pdf' });
    expect((await collectBytes(g.body)).equals(data)).toBe(true);
    expect((await collectBytes(g.body)).equals(data)).toBe(true);
    expect((await collectBytes(spool.inhoud(g.sha256, 'x.pdf', 'application/pdf', g.grootte).body)).equals(data)).toBe(true);
  });

  it('keeps the same content once, and nothing of content whose stream failed', async () => {
    const map = path.join(dir, 'b');
    const spool = await Spool.open(map);
    const data = Buffer.from('dezelfde inhoud');
    await spool.bewaar({ bestandsnaam: 'a.txt', contentType: 'text/plain', body: bytesOf(data) });
    await spool.bewaar({ bestandsnaam: 'b.txt', contentType: 'text/plain', body: bytesOf(data) });
    async function* kapot(): AsyncIterable<Uint8Array> {
      yield Buffer.from('begin');
      throw new RangeError('te groot');
    }
    await expect(spool.bewaar({ bestandsnaam: 'c.txt', contentType: 'text/plain', body: kapot() })).rejects.toThrow('te groot');
    expect(readdirSync(map)).toEqual([createHash('sha256').update(data).digest('hex')]);
  });

  it('removes old content no entry needs, and keeps what is needed or just written', async () => {
    const map = path.join(dir, 'c');
    const spool = await Spool.open(map);
    const [nodig, oud, nieuw] = await Promise.all(['nodig', 'oud', 'nieuw'].map((t) => spool.bewaar({ bestandsnaam: 't', contentType: 'text/plain', body: bytesOf(Buffer.from(t)) })));
    const uurGeleden = new Date(Date.now() - 3_600_000);
    for (const g of [nodig!, oud!]) utimesSync(path.join(map, g.sha256), uurGeleden, uurGeleden);
    expect(await spool.ruimOp(async (sha) => sha === nodig!.sha256, 60_000)).toBe(1);
    expect(readdirSync(map).sort()).toEqual([nodig!.sha256, nieuw!.sha256].sort());
  });
});
