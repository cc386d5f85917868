import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';

/** The ES256 key pair the local Auth stand-in signs access tokens with. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** Public half, as served by /auth/v1/.well-known/jwks.json. */
  publicJwk: JWK;
}

async function fromPrivateJwk(jwk: JWK): Promise<SigningKey> {
  const privateKey = (await importJWK(jwk, 'ES256')) as CryptoKey;
  const { d: _secret, ...pub } = jwk;
  return { kid: jwk.kid!, privateKey, publicJwk: { ...pub, alg: 'ES256', use: 'sig', key_ops: ['verify'] } };
}

async function newPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: crypto.randomUUID(), alg: 'ES256' };
}

/** A fresh key pair kept in memory only (tests, throwaway servers). */
export async function generateSigningKey(): Promise<SigningKey> {
  return fromPrivateJwk(await newPrivateJwk());
}

/**
 * Loads the key pair from `<dataDir>/auth/signing-key.json`, creating it on first run, so tokens
 * issued before a restart stay valid.
 */
export async function loadSigningKey(dataDir: string): Promise<SigningKey> {
  const file = join(dataDir, 'auth', 'signing-key.json');
  try {
    return await fromPrivateJwk(JSON.parse(await readFile(file, 'utf8')) as JWK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`${file}: cannot read the auth signing key (${(error as Error).message})`);
    }
  }
  const jwk = await newPrivateJwk();
  await mkdir(join(dataDir, 'auth'), { recursive: true });
  // wx: if two processes start at once, the second fails here instead of overwriting the first key
  await writeFile(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' }).catch(async (error) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  });
  return fromPrivateJwk(JSON.parse(await readFile(file, 'utf8')) as JWK);
}
