import { describe, expect, it } from 'vitest';
import { AssistError } from './errors.js';
import { decryptKey, encryptKey } from './keys.js';

describe('stored provider keys', () => {
  const secret = 'server secret of this test';
  const user = '00000000-0000-0000-0000-0000000000a1';

  it('round-trip, and the stored text holds no trace of the key', () => {
    const stored = encryptKey(secret, user, 'sk-test-1234567890');
    expect(stored).not.toContain('sk-test');
    expect(Buffer.from(stored, 'base64').toString('latin1')).not.toContain('sk-test');
    expect(decryptKey(secret, user, stored)).toBe('sk-test-1234567890');
    expect(encryptKey(secret, user, 'sk-test-1234567890')).not.toBe(stored); // a fresh IV each time
  });

  it('do not open under another secret, for another user, or changed by one bit', () => {
    const stored = encryptKey(secret, user, 'sk-test-1234567890');
    expect(() => decryptKey('another secret', user, stored)).toThrow(AssistError);
    expect(() => decryptKey(secret, '00000000-0000-0000-0000-0000000000a2', stored)).toThrow(AssistError);
    const bytes = Buffer.from(stored, 'base64');
    bytes[14] ^= 1;
    expect(() => decryptKey(secret, user, bytes.toString('base64'))).toThrow(AssistError);
  });
});
