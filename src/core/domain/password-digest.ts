import { createHash } from 'node:crypto';

/** WS-Security UsernameToken PasswordDigest = Base64(SHA-1(nonce + created + password)) (Username Token Profile 1.0 §3.1). */
export function passwordDigest(nonce: Buffer, created: string, password: string): string {
  return createHash('sha1')
    .update(Buffer.concat([nonce, Buffer.from(created, 'utf8'), Buffer.from(password, 'utf8')]))
    .digest('base64');
}
