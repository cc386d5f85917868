import { CliError } from './errors.js';

/** `--auth-password` of tdg seed and tdg generate: what GoTrue accepts (at least 6 characters; bcrypt reads 72 bytes). */
export function authPasswordOption(value: string | undefined): string | undefined {
  if (value !== undefined && (value.length < 6 || Buffer.byteLength(value) > 72))
    throw new CliError('--auth-password: must be 6 to 72 bytes (what GoTrue accepts)');
  return value;
}
