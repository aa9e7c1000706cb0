import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one; the same password hashes differently each time', async () => {
    const a = await hashPassword('korrekt häst batteri');
    const b = await hashPassword('korrekt häst batteri');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('korrekt häst batteri', a)).toBe(true);
    expect(await verifyPassword('korrekt häst batterI', a)).toBe(false);
    expect(await verifyPassword('korrekt häst batteri', 'plain-text')).toBe(false);
  });

  it('refuses short, name-containing and trivial passwords with a Swedish reason', () => {
    expect(passwordProblem('kort', 'anna')).toMatch(/minst 12 tecken/);
    expect(passwordProblem('anna-is-my-name-1', 'anna')).toMatch(/användarnamnet/);
    expect(passwordProblem('aaaaaaaaaaaaaa', 'bo')).toMatch(/för enkelt/);
    expect(passwordProblem('Sommar-i-Katrineholm-26', 'anna')).toBeNull();
  });
});
