import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

/** A free loopback port: bound and released, so that a process started next can listen on it. */
export function vrijePoort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Debian installs it in /usr/sbin, which is not on every user's PATH */
const HAPROXY = existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';

/**
 * HAProxy (the Debian package) in front of facade processes, on loopback: round robin, each instance checked with
 * `GET /health/live` every 500 ms, as an operator's balancer would. Killed with the test process (`-db`: in the
 * foreground, no daemon left behind).
 */
export class LoadBalancer {
  private constructor(
    private readonly proces: ChildProcess,
    readonly url: string,
  ) {}

  static async start(dir: string, instanties: string[]): Promise<LoadBalancer> {
    const poort = await vrijePoort();
    const servers = instanties.map((u, i) => `  server f${i + 1} ${new URL(u).host} check inter 500 fall 1 rise 1`);
    const cfg = path.join(dir, 'haproxy.cfg');
    writeFileSync(
      cfg,
      [
        'global',
        '  maxconn 512',
        'defaults',
        '  mode http',
        '  timeout connect 2s',
        '  timeout client 60s',
        '  timeout server 60s',
        'frontend facade',
        `  bind 127.0.0.1:${poort}`,
        '  default_backend facades',
        'backend facades',
        '  balance roundrobin',
        '  option httpchk GET /health/live',
        // a request per connection: round robin then spreads one client's requests over the instances
        '  option http-server-close',
        ...servers,
        '',
      ].join('\n'),
    );
    const proces = spawn(HAPROXY, ['-f', cfg, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let uitvoer = '';
    proces.stderr?.on('data', (b: Buffer) => (uitvoer = (uitvoer + b.toString()).slice(-2000)));
    process.once('exit', () => proces.kill('SIGKILL'));
    const lb = new LoadBalancer(proces, `http://127.0.0.1:${poort}`);
    for (let i = 0; i < 100; i++) {
      if (proces.exitCode !== null) throw new Error(`haproxy stopte: ${uitvoer}`);
      const ok = await request(`${lb.url}/health/live`).then(
        async (r) => (await r.body.text(), r.statusCode === 200),
        () => false,
      );
      if (ok) return lb;
      await sleep(100);
    }
    proces.kill('SIGKILL');
    throw new Error(`haproxy antwoordt niet: ${uitvoer}`);
  }

  stop(): Promise<void> {
    if (this.proces.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.proces.once('exit', () => resolve());
      this.proces.kill('SIGTERM');
    });
  }
}
