// The whole dashboard against the real API on PGlite: build a schema of two related tables,
// watch the preview, share it read-only, export 300,000 rows and follow the progress live, and
// read the realism report of a preview and of an export.
import { readFile } from 'node:fs/promises';
import type { Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startStack, uniqueEmail, unlabelledControls, type Stack } from './stack.js';

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
    await orders.getByRole('option', { name: /^ref\b/ }).click();
    await orders.getByLabel('table *').fill('users');
    await orders.getByLabel('field *').fill('id');
    await orders.getByLabel('min *').fill('1');
    await orders.getByLabel('max *').fill('1');

    // the relationship is stated plainly, and the preview follows the edit
    await page.getByText('orders.user_id').first().waitFor();
    await expect(page.getByRole('region', { name: 'Relationships' }).textContent()).resolves.toMatch(
      /orders\.user_id\s*→\s*users\.id\s*— 1–1 orders per users/,
    );
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
    // every control has a label or an accessible name
    await orders.getByRole('button', { name: /^Type of orders\.id/ }).click();
    await expect(unlabelledControls(page)).resolves.toEqual([]);
    await orders.getByRole('button', { name: /^Type of orders\.id/ }).click();
    await screenshot(page, 'builder');
    await page.context().close();
  });

  it('says when someone else saved first, and can overwrite', async () => {
    const first = await stack.newPage();
    await first.goto('/signin');
    await first.getByLabel('Email').fill(owner);
    await first.getByLabel('Password').fill(password);
    await first.getByRole('button', { name: 'Sign in' }).click();
    await first.waitForURL('**/schemas');
    // a second tab of the same person (same browser storage, same session)
    const second = await first.context().newPage();
    await first.goto(schemaUrl);
    await second.goto(schemaUrl);
    await first.getByLabel('Schema name').fill(`${schemaName} (first)`);
    await second.getByRole('textbox', { name: 'Seed' }).fill('second-seed');

    await first.getByRole('button', { name: 'Save' }).click();
    await first.getByText(/Saved \(version \d+\)/).waitFor();
    await second.getByRole('button', { name: 'Save' }).click();
    await second.getByText('Someone else saved this schema first').waitFor();
    await second.getByRole('button', { name: 'Overwrite' }).click();
    await second.getByText(/Saved \(version \d+\)/).waitFor();

    // the overwrite kept the second tab's copy, name included
    await first.getByRole('button', { name: 'Save' }).isDisabled();
    await first.reload();
    await expect(first.getByLabel('Schema name').inputValue()).resolves.toBe(schemaName);
    await expect(first.getByRole('textbox', { name: 'Seed' }).inputValue()).resolves.toBe('second-seed');
    await first.getByRole('textbox', { name: 'Seed' }).fill('e2e-seed');
    await first.getByRole('button', { name: 'Save' }).click();
    await first.getByText(/Saved \(version \d+\)/).waitFor();
    await first.context().close();
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
    // viewers still preview, and can open a field's options without changing them
    const orders = page.getByRole('region', { name: 'Table orders' });
    await orders.getByRole('table', { name: 'Preview of orders' }).locator('tbody tr').first().waitFor();
    await orders.getByRole('button', { name: 'Options of user_id' }).click();
    await expect(orders.getByLabel('table *').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'builder-viewer');
    // the builder fits a phone: wide previews scroll inside their own box
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'builder-phone');
    await page.context().close();
  });

  it('lists a new export live with its progress, cancels it and retries it', async () => {
    const page = await stack.newPage();
    await page.goto('/signin');
    await page.getByLabel('Email').fill(owner);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/schemas');

    // the exports page is open (and subscribed to myExports) before the export exists
    const list = await page.context().newPage();
    await list.goto('/exports');
    await list.getByRole('heading', { name: 'Exports' }).waitFor();
    await list.getByText(/No exports yet/).waitFor();

    // the page's GraphQL WebSockets, relayed by hand so the test can drop one and read what the
    // page asks for when it comes back
    const relays: { page: WebSocketRoute; server: WebSocketRoute; subscribed: Promise<Record<string, unknown>>; lastEventId?: string }[] = [];
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      const server = ws.connectToServer();
      let subscribe!: (variables: Record<string, unknown>) => void;
      const subscribed = new Promise<Record<string, unknown>>((resolve) => (subscribe = resolve));
      const relay: (typeof relays)[number] = { page: ws, server, subscribed };
      ws.onMessage((message) => {
        const parsed = JSON.parse(String(message)) as { type: string; payload?: { variables?: Record<string, unknown> } };
        if (parsed.type === 'subscribe') subscribe(parsed.payload?.variables ?? {});
        server.send(message);
      });
      server.onMessage((message) => {
        // the id of the last progress event this socket handed to the page
        const parsed = JSON.parse(String(message)) as { type: string; payload?: { data?: { exportProgress?: { id?: string } } } };
        const id = parsed.type === 'next' ? parsed.payload?.data?.exportProgress?.id : undefined;
        if (id) relay.lastEventId = id;
        ws.send(message);
      });
      relays.push(relay);
    });
    await page.goto(schemaUrl);
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export rows' });
    await dialog.getByLabel('Format').selectOption('CSV');
    // big enough to still be running when it is cancelled (generation runs at ~100,000+ rows/s)
    await dialog.getByLabel('Rows').fill('2000000');
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await page.waitForURL(/\/exports\/[0-9a-f-]{36}$/);

    // a dropped connection is re-opened and the subscription resumes after the last event seen
    const events = page.getByRole('list', { name: 'Event log' }).locator('li');
    await events.filter({ hasText: 'queued' }).waitFor();
    const first = await relays.at(-1)!.subscribed;
    expect(first.afterEventId).toEqual(expect.any(String));
    const dropped = relays.length;
    const before = relays.at(-1)!;
    await before.server.close({ code: 1011, reason: 'test: network drop' });
    await before.page.close({ code: 1011, reason: 'test: network drop' });
    // the last event seen: the newest one that came over the dropped socket, else where it started
    const lastSeen = before.lastEventId ?? first.afterEventId;
    await expect.poll(() => relays.length, { timeout: 30_000 }).toBeGreaterThan(dropped);
    const resumed = await relays.at(-1)!.subscribed;
    expect(resumed).toMatchObject({ exportId: first.exportId, afterEventId: lastSeen });
    expect(await events.filter({ hasText: 'queued' }).count()).toBe(1);

    const cancel = list.getByRole('button', { name: `Cancel export of ${schemaName}` });
    await cancel.waitFor();
    await list.getByRole('progressbar', { name: `Progress of ${schemaName} (CSV)` }).waitFor();
    await screenshot(list, 'exports-running');
    await expect(unlabelledControls(list)).resolves.toEqual([]);
    await cancel.click();
    await list.getByText('Export cancelled.').waitFor();
    await list.getByLabel('Status').selectOption('CANCELLED');
    await list.getByRole('button', { name: `Retry export of ${schemaName}` }).click();
    await list.getByText('Export queued again.').waitFor();
    await list.getByLabel('Status').selectOption('');
    const again = list.getByRole('button', { name: `Cancel export of ${schemaName}` });
    await again.first().click();
    await list.getByText('Export cancelled.').waitFor();
    await page.context().close();
  });

  it('exports 300,000 rows with live progress and downloads them', { timeout: 300_000 }, async () => {
    const page = await stack.newPage();
    await page.goto('/signin');
    await page.getByLabel('Email').fill(owner);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/schemas');
    // every GraphQL WebSocket goes through here, so the test can drop it mid-export
    const sockets: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      sockets.push({ page: ws, server: ws.connectToServer() });
    });
    await page.goto(schemaUrl);

    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export rows' });
    await dialog.getByLabel('Format').selectOption('JSON');
    await dialog.getByLabel('Rows').fill('300000');
    await expect(dialog.getByLabel('Seed').inputValue()).resolves.toBe('e2e-seed');
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await page.waitForURL(/\/exports\/[0-9a-f-]{36}$/);
    await page.getByRole('progressbar').waitFor();

    const watching = watchProgress(page, 'succeeded');
    // drop the connection once the export is under way; the page resumes after the last event
    await page.waitForFunction(() => Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')) > 0);
    const before = sockets.length;
    const open = sockets.at(-1)!;
    await open.server.close({ code: 1011, reason: 'test: network drop' });
    await open.page.close({ code: 1011, reason: 'test: network drop' });
    const { values, status } = await watching;
    expect(sockets.length, 'the page reconnected').toBeGreaterThan(before);
    console.info(`progress values seen: ${values.join(', ')}`);
    expect(status).toBe('succeeded');
    const below100 = new Set(values.filter((v) => v < 100));
    expect(below100.size, `progress values seen: ${values.join(', ')}`).toBeGreaterThanOrEqual(3);
    expect(values.at(-1)).toBe(100);
    const log = page.getByRole('list', { name: 'Event log' });
    const liveLog = await log.locator('li').allTextContents();
    expect(liveLog.at(-1)).toMatch(/succeeded/);
    // nothing was lost or doubled across the drop: the live log is the stored log
    await page.reload();
    await log.locator('li').last().filter({ hasText: 'succeeded' }).waitFor();
    expect(await log.locator('li').allTextContents()).toEqual(liveLog);

    await page.goto('/exports');
    await page.getByRole('link', { name: schemaName }).first().waitFor();
    await screenshot(page, 'exports');

    await page.goBack();
    // needs Export.downloadUrl from the API
    await page.getByRole('link', { name: 'Download' }).waitFor({ timeout: 10_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).click()]);
    const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as Record<string, Record<string, unknown>[]>;
    expect(file.users).toHaveLength(300_000);
    expect(file.orders).toHaveLength(300_000);
    const ids = new Set(file.users!.map((user) => user.id));
    expect(file.orders!.every((order) => ids.has(order.user_id))).toBe(true);
    await page.context().close();
  });

  it('shows the realism report of the preview rows and of an export, a chart per column', async () => {
    const page = await stack.newPage();
    await page.goto('/signin');
    await page.getByLabel('Email').fill(owner);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/schemas');
    await page.goto(schemaUrl);

    // a number field, so that the report has a histogram
    const orders = page.getByRole('region', { name: 'Table orders' });
    await orders.getByRole('button', { name: 'Add field to orders' }).click();
    await orders.getByLabel('Field name').last().fill('total');
    await orders.getByRole('button', { name: /^Type of orders\.total/ }).click();
    await orders.getByLabel('Search field types').fill('number.int');
    await orders.getByRole('option', { name: /^number\.int\b/ }).click();
    const total = orders.getByRole('listitem', { name: 'Field total' });
    await orders.getByRole('button', { name: 'Options of total' }).click();
    await total.getByLabel('min', { exact: true }).fill('1');
    await total.getByLabel('max', { exact: true }).fill('500');

    // the preview's report: the rules of its rows in one line, and a chart per column
    await page.getByText('Realism report of the preview rows').click();
    const preview = page.getByRole('region', { name: 'Realism report of the preview' });
    await preview.getByRole('img', { name: 'histogram of orders.total' }).waitFor();
    await preview.getByText(/^\d+ rules?, 0 violations$/).waitFor();
    // every value of the preview's users.id is new: its figures say so, with no chart
    await expect(preview.getByRole('list', { name: 'top values of users.id' }).count()).resolves.toBe(0);
    await screenshot(page, 'builder-report');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Saved \(version \d+\)/).waitFor();

    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export rows' });
    await dialog.getByLabel('Format').selectOption('CSV');
    await dialog.getByLabel('Rows').fill('2000');
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await page.waitForURL(/\/exports\/[0-9a-f-]{36}$/);

    // once the export succeeded, its page shows the report of all its rows
    const report = page.getByRole('region', { name: 'Realism report', exact: true });
    await report.waitFor({ timeout: 60_000 });
    const summary = await report.locator('.summary').textContent();
    expect(summary).toMatch(/^[1-9]\d* rules?, 0 violations$/);
    const histogram = report.getByRole('img', { name: 'histogram of orders.total' });
    await histogram.waitFor();
    // 1..500 in 20 buckets of 25: 2,000 rows fill every one
    expect(await histogram.locator('rect').count()).toBe(20);
    const counts = await histogram.locator('rect').evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2000);
    await expect(report.getByRole('region', { name: 'Columns of users' }).textContent()).resolves.toContain('2,000 rows');
    await expect(unlabelledControls(page)).resolves.toEqual([]);
    console.info(`screenshot of the export's report: ${await screenshot(page, 'export-report')}`);
    await page.context().close();
  });
});
