import { describe, expect, it } from 'vitest';
import { RouteTable } from '../../../../src/platform/http-contract/route-table';

describe('RouteTable', () => {
  const routes = new RouteTable();
  routes.add('/api/v1/zaken/:identificatie', ['GET', 'HEAD']);
  routes.add('/api/v1/zaken/:identificatie', 'PATCH');
  routes.add('/api/docs/*', 'GET');
  routes.add('*', 'OPTIONS');
  routes.add('/a.b', 'GET');

  it('knows the methods of a path, a parameter being one segment', () => {
    expect(routes.methodsOf('/api/v1/zaken/Z-1?expand=documenten')).toEqual(['GET', 'HEAD', 'PATCH']);
    expect(routes.methodsOf('/api/v1/zaken/Z-1/x')).toEqual([]);
  });

  it('a wildcard is the rest of the path; a route that is only a wildcard names no path', () => {
    expect(routes.methodsOf('/api/docs/static/x.js')).toEqual(['GET']);
    expect(routes.methodsOf('/elders')).toEqual([]);
  });

  it('takes the path literally, not as a pattern', () => {
    expect(routes.methodsOf('/a.b')).toEqual(['GET']);
    expect(routes.methodsOf('/axb')).toEqual([]);
  });
});
