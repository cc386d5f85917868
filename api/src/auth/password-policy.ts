// Which new passwords the local auth accepts: GoTrue's length rules (at least N characters, at most
// 72 bytes) plus zxcvbn's estimate with its common-password dictionary instead of GoTrue's optional
// HaveIBeenPwned check, answered with GoTrue's `weak_password` reasons.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { MAX_PASSWORD_BYTES } from './settings.js';

/** zxcvbn score 2 means more than 10^6 guesses: no common password or simple variant of one passes. */
const MIN_SCORE = 2;

export type PasswordProblem = { kind: 'too_long'; message: string } | { kind: 'weak'; message: string; reasons: ('length' | 'pwned')[] };

let estimator: ZxcvbnFactory | undefined;

// built on first use: the dictionaries take a few milliseconds to index
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return estimator;
}

export function passwordBytes(password: string): number {
  return Buffer.byteLength(password, 'utf8');
}

/**
 * Undefined when `password` may be set; otherwise what is wrong with it. `userInputs` (the email and
 * its parts) count as known words, so `carol@example.com` cannot choose `carol2024`.
 */
export function checkNewPassword(password: string, minLength: number, userInputs: string[] = []): PasswordProblem | undefined {
  if (passwordBytes(password) > MAX_PASSWORD_BYTES) {
    return { kind: 'too_long', message: `Password cannot be longer than ${MAX_PASSWORD_BYTES} characters` };
  }
  const reasons: ('length' | 'pwned')[] = [];
  const messages: string[] = [];
  if ([...password].length < minLength) {
    reasons.push('length');
    messages.push(`Password should be at least ${minLength} characters.`);
  }
  if (password.length > 0 && zxcvbn().check(password, userInputs).score < MIN_SCORE) {
    reasons.push('pwned');
    messages.push('Password is known to be weak and easy to guess, please choose a different one.');
  }
  return reasons.length ? { kind: 'weak', message: messages.join(' '), reasons } : undefined;
}
