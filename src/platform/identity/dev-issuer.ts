import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

/** The audience of the development issuer's tokens, and of the demo configuration. */
export const DEV_AUDIENCE = 'stuf-zkn-facade';
const ALG = 'ES256';
const DEFAULT_GELDIG_S = 3600;

export interface DevIssuer {
  /** `http://127.0.0.1:<port>`, the `iss` of its tokens */
  readonly issuer: string;
  readonly jwksUri: string;
  /**
   * A token over `claims`, with iss, aud (DEV_AUDIENCE), iat and exp (`geldigS` from now) unless `claims` sets
   * them; a claim set to undefined is left out.
   */
  mint(claims?: JWTPayload, opts?: { geldigS?: number }): Promise<string>;
  close(): Promise<void>;
}

/**
 * A token issuer for development and tests: an ES256 key pair made at start (so its tokens die with the
 * process), its public key as a JWKS on 127.0.0.1 on an ephemeral port (node:http), and a function that signs
 * tokens. Never for production: whoever runs the process can mint any token.
 */
export async function startDevIssuer(): Promise<DevIssuer> {
  const { publicKey, privateKey } = await generateKeyPair(ALG);
  const kid = randomUUID();
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' }] });
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/jwks') res.writeHead(200, { 'content-type': 'application/jwk-set+json' }).end(jwks);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    mint(claims = {}, { geldigS = DEFAULT_GELDIG_S } = {}) {
      const iat = Math.floor(Date.now() / 1000);
      const payload = Object.fromEntries(Object.entries({ iss: issuer, aud: DEV_AUDIENCE, iat, exp: iat + geldigS, ...claims }).filter(([, v]) => v !== undefined));
      return new SignJWT(payload).setProtectedHeader({ alg: ALG, kid, typ: 'at+jwt' }).sign(privateKey);
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
