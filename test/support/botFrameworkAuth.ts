import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/**
 * A local stand-in for the Bot Framework's OpenID metadata and signing-key endpoints, with a
 * key pair generated per run, so the bot's real JWT validation can be exercised offline.
 */
export class LocalTokenIssuer {
  readonly keyId = randomUUID();
  private readonly privateKey: KeyObject;
  private readonly publicJwk: { n: string; e: string };
  private server?: Server;
  metadataUrl = '';

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
    this.publicJwk = { n: jwk.n, e: jwk.e };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url === '/v1/keys') {
        res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: this.keyId, ...this.publicJwk, endorsements: ['msteams'] }] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.metadataUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A channel token as the Bot Connector would send it; `signWith` lets a test use a foreign key. */
  token(options: { audience: string; serviceUrl: string; signWith?: KeyObject }): string {
    return jwt.sign({ serviceurl: options.serviceUrl }, options.signWith ?? this.privateKey, {
      algorithm: 'RS256',
      keyid: this.keyId,
      issuer: 'https://api.botframework.com',
      audience: options.audience,
      expiresIn: '10m',
      notBefore: 0,
    });
  }
}

export function foreignKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}
