// Issue #17's flows outside the builder's editors: a schema from pasted SQL, the export dialog's
// row plan, the relationship diagram, Retry landing on the new export's own page, and the schema
// list on a phone.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsDir, screenshot, signIn as signInAs, startStack, uniqueEmail, type Stack } from './stack.js';

let stack: Stack;
const password = 'correct horse battery';
const owner = uniqueEmail('flow');
const schemaName = `Imported ${Date.now().toString(36)}`;
let schemaUrl = '';

const DDL = `create table authors (
  id uuid primary key,
  full_name text not null,
  email text not null unique,
  created_at timestamptz not null
);
create table books (
  id uuid primary key,
  author_id uuid not null references authors (id),
  title text not null,
  created_at timestamptz not null,
  updated_at timestamptz,
  check (updated_at >= created_at)
);`;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

const signIn = (page: Page, email = owner) => signInAs(page, email, password);

/** The text of the export's file, once the export page offers it. */
async function downloaded(page: Page): Promise<string> {
  const link = page.getByRole('link', { name: 'Download' });
  await link.waitFor({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFile((await download.path())!, 'utf8');
}

/** How far the page scrolls sideways (0: it fits). */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('workflow', () => {
  it('signs up', async () => {
    const page = await stack.newPage();
    await page.goto('/signup');
    await page.getByLabel('Email').fill(owner);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL('**/schemas');
    // a schema with a long name, so the phone test has a full list to fit
    await page.getByRole('button', { name: 'New schema' }).click();
    await page.getByLabel('Schema name').fill('A schema with a rather long name for a narrow phone screen');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/schemas\/[0-9a-f-]{36}$/);
    await page.context().close();
  });

  it('creates a schema from pasted or uploaded SQL, showing each column’s generator and why', async () => {
    const page = await stack.newPage();
    await signIn(page);
    await page.getByRole('button', { name: 'Import from SQL' }).click();
    const dialog = page.getByRole('dialog', { name: 'New schema from SQL' });
    // SQL the parser rejects is answered at its line and column, in words
    await dialog.getByLabel('SQL', { exact: true }).fill('create table ok (id int);\ncreate tabel broken (id int);');
    await dialog.getByRole('button', { name: 'Read SQL' }).click();
    await dialog.getByText(/^Line 2, column \d+: .*syntax error/i).waitFor();

    // an uploaded file fills the SQL box and names the schema
    await dialog.getByLabel('Or upload a .sql file').setInputFiles({ name: 'library.sql', mimeType: 'text/plain', buffer: Buffer.from(DDL) });
    await expect.poll(() => dialog.getByLabel('SQL', { exact: true }).inputValue()).toBe(DDL);
    await dialog.getByRole('button', { name: 'Read SQL' }).click();
    const table = dialog.getByRole('table', { name: 'Column → generator' });
    await table.getByRole('row', { name: /books\.author_id\s+ref → authors\.id/ }).waitFor();
    await expect(table.getByRole('row', { name: /authors\.email/ }).textContent()).resolves.toMatch(/email/);
    expect(await table.locator('tbody tr').count()).toBe(9);
    await table.getByRole('row', { name: /books\.updated_at\s+after created_at/ }).waitFor();
    await expect(dialog.getByLabel('Name of the new schema').inputValue()).resolves.toBe('library');
    await dialog.getByLabel('Name of the new schema').fill(schemaName);
    await screenshot(page, 'import-dialog');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'import-dialog-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await dialog.getByRole('button', { name: 'Create schema' }).click();
    await page.waitForURL(/\/schemas\/[0-9a-f-]{36}$/);
    schemaUrl = new URL(page.url()).pathname;
    await expect(page.getByLabel('Schema name').inputValue()).resolves.toBe(schemaName);
    await page.getByRole('region', { name: 'Table authors' }).waitFor();
    await page.getByRole('region', { name: 'Table books' }).waitFor();
    await page.context().close();
  });

  it('draws the tables and an edge per ref in a diagram, and opens a field’s editor from it', async () => {
    const page = await stack.newPage();
    await signIn(page);
    await page.goto(schemaUrl);
    const diagram = page.getByRole('region', { name: 'Diagram' });
    await diagram.getByRole('group', { name: 'Diagram table authors' }).waitFor();
    await diagram.getByRole('group', { name: 'Diagram table books' }).waitFor();
    const edge = diagram.getByRole('group', { name: 'Reference books.author_id → authors' });
    await edge.waitFor();
    // the edge is drawn between the two boxes: parent on the left, child on the right
    const [authors, books, line] = await Promise.all([
      diagram.getByRole('group', { name: 'Diagram table authors' }).boundingBox(),
      diagram.getByRole('group', { name: 'Diagram table books' }).boundingBox(),
      edge.locator('path').first().boundingBox(),
    ]);
    expect(books!.x).toBeGreaterThan(authors!.x + authors!.width - 1);
    expect(line!.x).toBeGreaterThanOrEqual(authors!.x + authors!.width - 2);
    expect(line!.x + line!.width).toBeLessThanOrEqual(books!.x + 2);
    // the realism rules the importer set, in words, at their fields
    const rules = diagram.getByRole('list', { name: 'Realism rules' });
    await expect(rules.getByRole('listitem').filter({ hasText: 'books.updated_at' }).textContent()).resolves.toMatch(/inequality.*updated_at ≥ created_at/);
    await expect(rules.getByRole('listitem').filter({ hasText: 'books.created_at' }).textContent()).resolves.toMatch(/created_at ≥ author_id\.created_at/);
    await screenshot(page, 'diagram');
    await diagram.screenshot({ path: join(resultsDir, 'diagram-only.png') });

    // a field of a box opens that field's editor, its options open and focused
    await diagram.getByRole('button', { name: 'Edit field books.author_id' }).click();
    const field = page.getByRole('region', { name: 'Table books' }).getByRole('listitem', { name: 'Field author_id' });
    await expect.poll(() => field.evaluate((item) => item.contains(document.activeElement))).toBe(true);
    await expect(field.getByRole('button', { name: 'Options of author_id' }).getAttribute('aria-expanded')).resolves.toBe('true');
    await page.setViewportSize({ width: 390, height: 844 });
    await diagram.scrollIntoViewIfNeeded();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await diagram.screenshot({ path: join(resultsDir, 'diagram-phone.png') });
    await page.context().close();
  });

  it('exports with every table scaled to N: the dialog shows the total, and the file has N rows per table', async () => {
    const page = await stack.newPage();
    await signIn(page);
    await page.goto(schemaUrl);
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export rows' });
    // as the schema says: each table's own count, editable, and their total
    const counts = dialog.getByRole('table', { name: 'Row counts by table' });
    await expect(counts.getByLabel('Row count of authors').inputValue()).resolves.toBe('1000');
    await dialog.getByText('Total: 2,000 rows over 2 tables').waitFor();
    await counts.getByLabel('Row count of books').fill('250');
    await dialog.getByText('Total: 1,250 rows over 2 tables').waitFor();
    await dialog.getByText(/estimated file size about [\d.]+ (KB|MB)/).waitFor();
    await screenshot(page, 'export-dialog');
    await page.setViewportSize({ width: 390, height: 844 });
    await dialog.screenshot({ path: join(resultsDir, 'export-dialog-phone.png') });
    expect(await dialog.evaluate((d) => d.scrollWidth - d.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    await dialog.getByLabel('Format').selectOption('JSON');
    await dialog.getByLabel('Scale every table to N').check();
    await dialog.getByLabel('Rows per table').fill('1500');
    await dialog.getByText('Total: 3,000 rows over 2 tables').waitFor();
    const estimate = /about ([\d.]+) (KB|MB)/.exec((await dialog.getByText(/estimated file size/).textContent()) ?? '')!;
    const estimatedBytes = Number(estimate[1]) * (estimate[2] === 'MB' ? 1e6 : 1e3);
    await screenshot(page, 'export-dialog-scaled');
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await page.waitForURL(/\/exports\/[0-9a-f-]{36}$/);
    const text = await downloaded(page);
    const file = JSON.parse(text) as Record<string, Record<string, unknown>[]>;
    // the estimate from 20 preview rows a table is close to the file
    const actualBytes = Buffer.byteLength(text);
    console.info(`JSON export of 3,000 rows: estimated ${estimatedBytes} bytes, file ${actualBytes} bytes`);
    expect(estimatedBytes / actualBytes).toBeGreaterThan(0.8);
    expect(estimatedBytes / actualBytes).toBeLessThan(1.25);
    expect(file.authors).toHaveLength(1500);
    expect(file.books).toHaveLength(1500);
    await page.context().close();
  });

  it('exports each table’s own count when the schema’s counts are kept, edited ones included', async () => {
    const page = await stack.newPage();
    await signIn(page);
    await page.goto(schemaUrl);
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export rows' });
    await dialog.getByLabel('Format').selectOption('JSON');
    await dialog.getByRole('table', { name: 'Row counts by table' }).getByLabel('Row count of books').fill('250');
    await dialog.getByText('Total: 1,250 rows over 2 tables').waitFor();
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await page.waitForURL(/\/exports\/[0-9a-f-]{36}$/);
    const file = JSON.parse(await downloaded(page)) as Record<string, unknown[]>;
    expect([file.authors!.length, file.books!.length]).toEqual([1000, 250]);
    await page.context().close();
  });

  it('says the row limit in words, not as the API’s message', async () => {
    const page = await stack.newPage();
    await signIn(page);
    await page.goto(schemaUrl);
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export rows' });
    await dialog.getByLabel('Rows per table').fill('6000000');
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await dialog.getByText('An export has at most 10,000,000 rows over all tables; these counts make 12,000,000.', { exact: false }).waitFor();
    expect(await dialog.getByText(/rowCount|LimitError/).count()).toBe(0);
    await page.context().close();
  });

  it('after Retry, shows the new export’s own page: no message or events of the cancelled one', async () => {
    const page = await stack.newPage();
    await signIn(page);
    await page.goto(schemaUrl);
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export rows' });
    await dialog.getByLabel('Rows per table').fill('2000000');
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await page.waitForURL(/\/exports\/[0-9a-f-]{36}$/);
    const cancelledUrl = page.url();
    const log = page.getByRole('list', { name: 'Event log' }).locator('li');
    await log.filter({ hasText: 'queued' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Export cancelled.').waitFor();
    await log.filter({ hasText: 'cancelled' }).first().waitFor();

    await page.getByRole('button', { name: 'Retry' }).click();
    await page.waitForURL((url) => url.href !== cancelledUrl && /\/exports\/[0-9a-f-]{36}$/.test(url.pathname));
    await log.filter({ hasText: 'queued' }).waitFor();
    expect(await page.getByText('Export cancelled.').count()).toBe(0);
    const events = await log.allTextContents();
    expect(
      events.some((text) => /cancel/i.test(text)),
      events.join(' | '),
    ).toBe(false);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Export cancelled.').waitFor();
    await page.context().close();
  });

  it('fits the schema list on a 390 px phone without sideways scroll', async () => {
    const page = await stack.newPage({ width: 390, height: 844 });
    await signIn(page);
    await page.getByRole('link', { name: /rather long name/ }).waitFor();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'schemas-phone');
    await page.context().close();
  });
});
