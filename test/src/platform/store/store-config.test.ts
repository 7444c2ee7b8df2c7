import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigCheck } from '../../../../src/core/config/config-check';
import { parseStoreConfig } from '../../../../src/platform/store/store-config';

const parse = (raw: unknown, dataDir?: string) => {
  const c = new ConfigCheck();
  return { config: parseStoreConfig(c, raw, 'config.store', dataDir), problems: c.problems.map((p) => `${p.name}: ${p.reason}`) };
};

describe('parseStoreConfig', () => {
  it('defaults to SQLite under the data directory, so a start without configuration needs nothing', () => {
    expect(parse(undefined).config).toEqual({ soort: 'sqlite', pad: path.join('data', 'facade.sqlite') });
    expect(parse(undefined, '/var/lib/facade').config).toEqual({ soort: 'sqlite', pad: '/var/lib/facade/facade.sqlite' });
    expect(parse({ soort: 'sqlite' }, '/d').config).toEqual({ soort: 'sqlite', pad: '/d/facade.sqlite' });
    expect(parse({ soort: 'sqlite', pad: '/x/y.db' }).config).toEqual({ soort: 'sqlite', pad: '/x/y.db' });
  });

  it('takes a PostgreSQL URL and schema', () => {
    expect(parse({ soort: 'postgres', url: 'postgresql://facade@db:5432/facade', schema: 'stuf_facade' })).toEqual({
      config: { soort: 'postgres', url: 'postgresql://facade@db:5432/facade', schema: 'stuf_facade' },
      problems: [],
    });
  });

  it('reports every problem with its path', () => {
    expect(parse({ soort: 'mysql' }).problems).toEqual(['config.store.soort: moet een van sqlite, postgres zijn']);
    expect(parse({ soort: 'postgres', url: 'https://db', schema: 'Drop Table', pad: 'x' }).problems).toEqual([
      'config.store.pad: onbekende instelling (bekend: soort, url, schema)',
      'config.store.url: is geen postgres://-URL',
      'config.store.schema: moet een naam van kleine letters, cijfers en _ zijn (hoogstens 63 tekens)',
    ]);
    expect(parse({ soort: 'postgres' }).problems).toEqual(['config.store.url: ontbreekt']);
    expect(parse('sqlite').problems).toEqual(['config.store: moet een object zijn']);
  });
});
