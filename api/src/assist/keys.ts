// Users' own provider keys, encrypted with AES-256-GCM under a key derived from TDG_ASSIST_SECRET.
// The user's id is the additional data, so a ciphertext copied to another user's row does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AssistError } from './errors.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyOf(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'tdg', 'assist_secrets api_key', 32));
}

/** base64(iv ‖ ciphertext ‖ tag) */
export function encryptKey(secret: string, userId: string, apiKey: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(apiKey, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

export function decryptKey(secret: string, userId: string, stored: string): string {
  const bytes = Buffer.from(stored, 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new AssistError('auth', 'your stored key cannot be read: store it again');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    // another TDG_ASSIST_SECRET, or a row not written for this user
    throw new AssistError('auth', 'your stored key cannot be read (the server secret changed?): store it again');
  }
}
