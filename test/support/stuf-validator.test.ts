import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedFile } from './shared';
import { validateStuf } from './stuf-validator';

// The oracle itself must be able to say no, or every "valid" in the suite means nothing.
describe('validateStuf', () => {
  it('accepts an official example and rejects a deliberately invalid one', async () => {
    const [ok, bad] = await validateStuf([
      { name: 'ok', xml: readFileSync(sharedFile('stuf-zkn/examples/soap/zds-1.2_creeerZaak_ZakLk01.request.xml'), 'utf8') },
      { name: 'bad', xml: readFileSync(sharedFile('stuf-zkn/examples/invalid/zds-1.2_creeerZaak_ZakLk01_bad-zaakniveau.xml'), 'utf8') },
    ]);
    expect(ok!.valid).toBe(true);
    expect(bad!.valid).toBe(false);
    expect(bad!.output).toMatch(/zaakniveau|INVALID/);
  });
});
