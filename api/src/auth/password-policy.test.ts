import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './password-policy.js';

describe('new password policy', () => {
  it('refuses the most common passwords, whatever their length', () => {
    const top = dictionary['passwords-common'].slice(0, 200);
    expect(top).toContain('123456');
    for (const password of top) expect(checkNewPassword(password, 8), password).toMatchObject({ kind: 'weak', reasons: expect.arrayContaining(['pwned']) });
  });

  it('refuses short passwords with reason "length" and GoTrue\'s message', () => {
    expect(checkNewPassword('k#9Lq!z', 8)).toMatchObject({ kind: 'weak', reasons: ['length'], message: 'Password should be at least 8 characters.' });
    expect(checkNewPassword('123', 8)).toMatchObject({ reasons: ['length', 'pwned'] });
    // characters, not UTF-16 units: seven emoji are seven characters
    expect(checkNewPassword('🦊🐙🦉🐝🦋🐢🦀', 8)).toMatchObject({ reasons: expect.arrayContaining(['length']) });
  });

  it("refuses simple variants of dictionary words and the user's own email", () => {
    for (const password of ['password1', 'Password123', 'qwertyuiop', 'iloveyou1', 'abcdefgh', 'aaaaaaaaaaaa', 'Summer2024']) {
      expect(checkNewPassword(password, 8), password).toMatchObject({ kind: 'weak' });
    }
    expect(checkNewPassword('carolmorgan1', 8, ['carol.morgan@example.com', 'carol', 'morgan'])).toMatchObject({ kind: 'weak' });
  });

  it('accepts passphrases and random strings', () => {
    for (const password of ['correct horse battery', 'Tr0ub4dor&3', 'x7$kPq9!wE', 'strong-password-42', 'zx-harness-pass-9']) {
      expect(checkNewPassword(password, 8), password).toBeUndefined();
    }
  });

  it('refuses more than 72 bytes, counting UTF-8 bytes', () => {
    const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%&';
    const random72 = Array.from({ length: 72 }, (_, i) => alphabet[(i * 37 + 11) % alphabet.length]).join('');
    expect(checkNewPassword(random72, 8)).toBeUndefined();
    expect(checkNewPassword(`${random72}z`, 8)).toMatchObject({ kind: 'too_long' });
    expect(checkNewPassword('é'.repeat(37), 8)).toMatchObject({ kind: 'too_long' }); // 74 bytes, 37 characters
  });
});
