// Sign up, sign out, the sign-in redirect and back, against the real API and its local auth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startStack, uniqueEmail, type Stack } from './stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

describe('auth', () => {
  it('the home page answers 200', async () => {
    const response = await fetch(stack.web.url);
    expect(response.status).toBe(200);
  });

  it('signs up, signs out, and comes back to the page that asked for sign-in', async () => {
    const page = await stack.newPage();
    const email = uniqueEmail('ada');
    const password = 'correct horse battery';

    await page.goto('/signup');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL('**/schemas');
    await expect(page.getByText(email).first().isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/signin');

    await page.goto('/exports?status=RUNNING');
    await page.waitForURL((url) => url.pathname === '/signin');
    expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/exports?status=RUNNING');

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/invalid login credentials/i);

    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/exports' && url.searchParams.get('status') === 'RUNNING');
    await screenshot(page, 'signed-in');

    // The session survives a reload (supabase-js keeps it in localStorage).
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/exports');
    await page.context().close();
  });

  it('is usable at phone width', async () => {
    const page = await stack.newPage({ width: 390, height: 844 });
    await page.goto('/signin');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'signin-phone');
    await page.context().close();
  });
});
