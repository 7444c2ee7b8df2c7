/**
 * The routes the facade serves, as patterns, to tell a wrong method on a known path (405) from an unknown path
 * (404): Fastify's router answers both with its not-found handler. A parameter (`:id`) is one path segment, a
 * wildcard (`*`) the rest of the path; a route that is only a wildcard (CORS's OPTIONS *) names no path.
 */
export class RouteTable {
  private readonly patterns: { pattern: RegExp; methods: Set<string> }[] = [];

  add(url: string, method: string | string[]): void {
    if (url === '*' || url === '/*') return;
    const source = url
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    const pattern = new RegExp(`^${source}$`);
    const methods = Array.isArray(method) ? method : [method];
    const known = this.patterns.find((p) => p.pattern.source === pattern.source);
    if (known) methods.forEach((m) => known.methods.add(m));
    else this.patterns.push({ pattern, methods: new Set(methods) });
  }

  /** the methods of a request's path, from its URL (the query does not count) */
  methodsOf(url: string): string[] {
    const path = url.split('?')[0]!;
    const methods = new Set(this.patterns.filter((p) => p.pattern.test(path)).flatMap((p) => [...p.methods]));
    return [...methods].sort();
  }
}

