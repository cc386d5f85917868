// The whole dashboard against the real API on PGlite: build a schema of two related tables,
// watch the preview, share it read-only, export 300,000 rows and follow the progress live.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startStack, uniqueEmail, type Stack } from './stack.js';

let stack: Stack;
const password = 'correct horse battery';
const owner = uniqueEmail('owner');
const viewer = uniqueEmail('viewer');
const schemaName = `Shop ${Date.now().toString(36)}`;
let schemaUrl = '';

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

async function signUp(page: Page, email: string) {
  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL('**/schemas');
}

/** Resolves with every aria-valuenow the progress bar shows until the export reaches `final`. */
function watchProgress(page: Page, final: string) {
  return page.evaluate(
    (final) =>
      new Promise<{ values: number[]; status: string }>((resolve) => {
        const values: number[] = [];
        const check = () => {
          const bar = document.querySelector('[role="progressbar"]');
          const value = bar ? Number(bar.getAttribute('aria-valuenow')) : NaN;
          if (!Number.isNaN(value) && values.at(-1) !== value) values.push(value);
          const status = document.querySelector('h1 + .actions .badge, .actions .badge')?.textContent?.trim() ?? '';
          if (['succeeded', 'failed', 'cancelled'].includes(status)) {
            observer.disconnect();
            resolve({ values, status });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        check();
        void final;
      }),
    final,
  );
}

describe('dashboard', () => {
  it('signs up the person the schema will be shared with', async () => {
    const page = await stack.newPage();
    await signUp(page, viewer);
    await page.context().close();
  });

  it('builds a schema of two related tables with a live preview, and shares it', async () => {
    const page = await stack.newPage();
    await signUp(page, owner);

    await page.getByRole('button', { name: 'New schema' }).click();
    await page.getByLabel('Schema name').fill(schemaName);
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/schemas\/[0-9a-f-]{36}$/);
    schemaUrl = new URL(page.url()).pathname;

    // the starter table previews at once
    const users = page.getByRole('region', { name: 'Table users' });
    await users.getByRole('table', { name: 'Preview of users' }).locator('tbody tr').first().waitFor();

    await page.getByRole('button', { name: 'Add table' }).click();
    const table = page.getByRole('region', { name: 'Table table' });
    await table.getByLabel('Table name').fill('orders');
    const orders = page.getByRole('region', { name: 'Table orders' });
    await orders.getByRole('button', { name: 'Add field to orders' }).click();
    await orders.getByLabel('Field name').nth(1).fill('user_id');
    await orders.getByRole('button', { name: /^Type of orders\.user_id/ }).click();
    await orders.getByLabel('Search field types').fill('ref');
    await orders.getByRole('button', { name: /^ref\b/ }).click();
    await orders.getByLabel('table *').fill('users');
    await orders.getByLabel('field *').fill('id');
    await orders.getByLabel('min *').fill('1');
    await orders.getByLabel('max *').fill('1');

    // the relationship is stated plainly, and the preview follows the edit
    await page.getByText('orders.user_id').first().waitFor();
    await expect(page.getByRole('region', { name: 'Relationships' }).textContent()).resolves.toMatch(/orders\.user_id\s*→\s*users\.id\s*— 1–1 orders per users/);
    const preview = orders.getByRole('table', { name: 'Preview of orders' });
    await preview.locator('thead th', { hasText: 'user_id' }).waitFor();
    const previewRows = await preview.locator('tbody tr').count();
    expect(previewRows).toBeGreaterThan(0);
    expect(previewRows).toBeLessThanOrEqual(20);

    // a problem is shown beside the option it names, and goes away when fixed
    await orders.getByLabel('field *').fill('nope');
    await orders.getByText(/unknown field "nope"/).waitFor();
    await orders.getByLabel('field *').fill('id');
    await orders.getByText(/unknown field "nope"/).waitFor({ state: 'detached' });

    await page.getByRole('textbox', { name: 'Seed' }).fill('e2e-seed');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Saved \(version \d+\)/).waitFor();

    await page.getByLabel('Member email').fill(viewer);
    await page.getByLabel('Role', { exact: true }).selectOption('VIEWER');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByText(`Shared with ${viewer} as viewer.`).waitFor();
    await page.getByLabel(`Role of ${viewer}`).waitFor();
    await screenshot(page, 'builder');
    await page.context().close();
  });

  it('shows the shared schema read-only to a viewer', async () => {
    const page = await stack.newPage();
    await page.goto('/signin');
    await page.getByLabel('Email').fill(viewer);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/schemas');
    await page.getByLabel('Show').selectOption('SHARED');
    await page.getByRole('link', { name: schemaName }).click();
    await page.getByText(/Read-only/).waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add table' }).count()).toBe(0);
    await expect(page.getByLabel('Table name').first().isDisabled()).resolves.toBe(true);
    await screenshot(page, 'builder-viewer');
    await page.context().close();
  });

  it('exports 300,000 rows with live progress and downloads them', async () => {
    const page = await stack.newPage();
    await page.goto('/signin');
    await page.getByLabel('Email').fill(owner);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/schemas');
    await page.goto(schemaUrl);

    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export rows' });
    await dialog.getByLabel('Format').selectOption('JSON');
    await dialog.getByLabel('Rows').fill('300000');
    await expect(dialog.getByLabel('Seed').inputValue()).resolves.toBe('e2e-seed');
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await page.waitForURL(/\/exports\/[0-9a-f-]{36}$/);
    await page.getByRole('progressbar').waitFor();

    const { values, status } = await watchProgress(page, 'succeeded');
    expect(status).toBe('succeeded');
    const below100 = new Set(values.filter((v) => v < 100));
    expect(below100.size, `progress values seen: ${values.join(', ')}`).toBeGreaterThanOrEqual(3);
    expect(values.at(-1)).toBe(100);
    const log = await page.getByRole('list', { name: 'Event log' }).textContent();
    expect(log).toMatch(/succeeded/);

    await page.goto('/exports');
    await page.getByRole('link', { name: schemaName }).first().waitFor();
    await screenshot(page, 'exports');

    await page.goBack();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).click()]);
    const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as Record<string, Record<string, unknown>[]>;
    expect(file.users).toHaveLength(300_000);
    expect(file.orders).toHaveLength(300_000);
    const ids = new Set(file.users!.map((user) => user.id));
    expect(file.orders!.every((order) => ids.has(order.user_id))).toBe(true);
    await page.context().close();
  });
});
