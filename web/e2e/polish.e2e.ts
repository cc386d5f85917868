// Issue #17 parts 6–8 in Chromium: the export page (sentences, no ETA once cancelled, the rows/s
// chart, list names), errors beside their field, refs following a renamed table, focus after
// "New schema", picking a type, closing a dialog and saving; the main flow at 360 px; an axe-core
// scan of every page and open dialog (0 serious or critical); screenshots at both widths.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsDir, screenshot, signIn as signInAs, startStack, uniqueEmail, type Stack } from './stack.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let stack: Stack;
const password = 'correct horse battery';
const owner = uniqueEmail('polish');
const schemaName = `Polish ${Date.now().toString(36)}`;
let libraryUrl = '';

const DDL = `create table authors (
  id uuid primary key,
  full_name text not null,
  email text not null unique
);
create table books (
  id uuid primary key,
  author_id uuid not null references authors (id),
  title text not null
);`;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

const signIn = (page: Page) => signInAs(page, owner, password);

/** axe-core's serious and critical violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.impact} ${v.id} (${v.help}): ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 4)
            .join(', ')}`,
      );
  });
}

async function expectAccessible(page: Page, what: string) {
  expect(await seriousViolations(page), what).toEqual([]);
}

/** How far the page scrolls sideways (0: it fits). */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Boxes that scroll sideways but cannot be reached by keyboard or have no name. */
const unreachableScrollers = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => {
        const overflow = getComputedStyle(el).overflowX;
        return (overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1 && el.offsetParent !== null;
      })
      .filter((el) => el.tabIndex < 0 || !el.getAttribute('aria-label'))
      .filter((el) => !el.closest('.svelte-flow, [role="dialog"] [role="listbox"]'))
      .map((el) => el.outerHTML.slice(0, 120)),
  );

const h1Count = (page: Page) => page.locator('h1').count();

/** What the element's aria-describedby points at, as text. */
const description = (control: Locator) =>
  control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ')
      .trim(),
  );

const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? document.activeElement?.tagName);

describe('polish', () => {
  it('scans sign-up and sign-in with axe, one h1 each, and signs up', async () => {
    const page = await stack.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Create an account' }).waitFor();
    expect(await h1Count(page)).toBe(1);
    await expectAccessible(page, 'home');
    await page.goto('/signin');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await h1Count(page)).toBe(1);
    await expectAccessible(page, 'sign-in');
    await page.goto('/signup');
    await page.getByLabel('Email').fill(owner);
    expect(await h1Count(page)).toBe(1);
    await expectAccessible(page, 'sign-up');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL('**/schemas');
    await page.context().close();
  });

  it('builds a schema: focus, errors beside their field in words, a starter that previews cleanly, saving', async () => {
    const page = await stack.newPage();
    await signIn(page);
    expect(await h1Count(page)).toBe(1);
    await page.getByRole('button', { name: 'New schema' }).click();
    // focus moves to the new name field
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('name');
    await page.keyboard.type(schemaName);
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/schemas\/[0-9a-f-]{36}$/);
    const users = page.getByRole('region', { name: 'Table users' });
    // the default template uses fields that exist: its preview has rows and no problem is shown
    await users.getByRole('table', { name: 'Preview of users' }).locator('tbody tr').first().waitFor();
    expect(await page.locator('p.error').allTextContents()).toEqual([]);
    expect(await h1Count(page)).toBe(1);
    await expectAccessible(page, 'builder');
    await screenshot(page, 'polish-builder');

    // a field's name left empty: said beside it, in words, tied to it
    const fieldName = page.locator('#tables-0-fields-1--name');
    await fieldName.fill('');
    await expect.poll(() => fieldName.getAttribute('aria-invalid')).toBe('true');
    await expect(description(fieldName)).resolves.toBe("field name can't be empty");
    await fieldName.fill('email');
    await expect.poll(() => fieldName.getAttribute('aria-invalid')).toBe('false');

    // null % outside 0–100 is refused (kept in the box with its reason), not clamped
    const nullBox = page.locator('#tables-0-fields-1--null');
    await nullBox.fill('150');
    await expect.poll(() => nullBox.getAttribute('aria-invalid')).toBe('true');
    await expect(description(nullBox)).resolves.toBe('null % must be from 0 to 100 (got 150)');
    await expect(nullBox.inputValue()).resolves.toBe('150');
    await nullBox.fill('40');
    await expect.poll(() => nullBox.getAttribute('aria-invalid')).toBe('false');

    // the schema's name left empty: beside the name, never "patch.name"; Save focuses it
    const name = page.locator('#schema-name');
    await name.fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => focusedLabel(page)).toBe('schema-name');
    await expect(description(name)).resolves.toBe("name can't be empty");
    expect(await page.getByText('patch.name').count()).toBe(0);
    await name.fill(schemaName);

    // picking a type: focus goes back to the type's button
    await users.getByRole('button', { name: /^Type of users\.email:/ }).click();
    const picker = page.getByRole('dialog', { name: 'Type of users.email' });
    await picker.getByLabel('Search field types').fill('timestamp');
    await picker.getByRole('listbox').getByRole('option').first().waitFor();
    await expectAccessible(page, 'type catalogue open');
    await screenshot(page, 'polish-catalogue');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedLabel(page)).toMatch(/^Type of users\.email: (?!internet\.email$)/);

    // a save the API refuses focuses the control in trouble (a date type is not unique); one that
    // succeeds focuses what the save said
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => focusedLabel(page)).toBe('Unique email');
    await expect(description(page.getByLabel('Unique email'))).resolves.toMatch(/unique is not supported/);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Saved \(version \d+\)\.$/);
    await page.context().close();
  });

  it('imports SQL, renames a table with its refs, explains an empty parent, and gives focus back after each dialog', async () => {
    const page = await stack.newPage();
    await signIn(page);
    // the delete confirmation: scanned open, and Cancel gives focus back to its Delete button
    await page.getByRole('button', { name: `Delete ${schemaName}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete schema?' });
    await confirm.getByRole('button', { name: 'Cancel' }).waitFor();
    await expectAccessible(page, 'delete confirmation');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => focusedLabel(page)).toBe(`Delete ${schemaName}`);

    const importButton = page.getByRole('button', { name: 'Import from SQL' });
    await importButton.click();
    const dialog = page.getByRole('dialog', { name: 'New schema from SQL' });
    await dialog.getByLabel('SQL', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Import from SQL');

    await importButton.click();
    await dialog.getByLabel('SQL', { exact: true }).fill(DDL);
    await dialog.getByRole('button', { name: 'Read SQL' }).click();
    await dialog
      .getByRole('table', { name: 'Column → generator' })
      .getByRole('row', { name: /books\.author_id/ })
      .waitFor();
    await dialog.getByLabel('Name of the new schema').fill('library');
    await expectAccessible(page, 'import dialog');
    await screenshot(page, 'polish-import-dialog');
    await dialog.getByRole('button', { name: 'Create schema' }).click();
    await page.waitForURL(/\/schemas\/[0-9a-f-]{36}$/);
    libraryUrl = new URL(page.url()).pathname;

    const relationships = page.getByRole('region', { name: 'Relationships' });
    await relationships.getByText('books.author_id').waitFor();
    // renaming a table renames it where refs point at it
    await page.getByRole('region', { name: 'Table authors' }).getByLabel('Table name').fill('writers');
    await expect.poll(() => relationships.locator('li').first().textContent()).toMatch(/books\.author_id\s*→\s*writers\.id/);
    const writers = page.getByRole('region', { name: 'Table writers' });
    // a parent with 0 rows says why its children can't be generated, beside its row count
    const rows = writers.getByLabel('Rows', { exact: true });
    await rows.fill('0');
    await expect(description(rows)).resolves.toMatch(/^writers has 0 rows, so books\.author_id has no row to point at and its table can't be generated/);
    await rows.fill('1000');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/^Saved \(version \d+\)\.$/).waitFor();
    await page.getByRole('region', { name: 'Diagram' }).getByRole('group', { name: 'Diagram table writers' }).waitFor();
    await screenshot(page, 'polish-diagram');

    // the export dialog gives focus back to its button when closed
    const exportButton = page.getByRole('button', { name: 'Export', exact: true });
    await exportButton.click();
    const exportDialog = page.getByRole('dialog', { name: 'Export rows' });
    await exportDialog.getByLabel('Format').waitFor();
    await expectAccessible(page, 'export dialog');
    await exportDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Export');
    await page.context().close();
  });

  it('shows an export as sentences with a live rows/s chart, and no ETA once cancelled', async () => {
    const page = await stack.newPage();
    await signIn(page);
    await page.goto(libraryUrl);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export rows' });
    await dialog.getByLabel('Format').selectOption('CSV');
    await dialog.getByLabel('Rows per table').fill('2000000');
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await page.waitForURL(/\/exports\/[0-9a-f-]{36}$/);

    const chart = page.getByRole('img', { name: 'Rows per second over time' });
    await chart.waitFor({ timeout: 60_000 });
    const progress = page.locator('section.card').first();
    await progress.getByText(/^ETA /).waitFor();
    expect(await h1Count(page)).toBe(1);
    await expectAccessible(page, 'export page, running');
    await screenshot(page, 'polish-export-running');

    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Export cancelled.').waitFor();
    const log = page.getByRole('list', { name: 'Event log' }).locator('li');
    await log.filter({ hasText: 'Cancelled' }).first().waitFor();
    expect(await progress.getByText(/ETA/).count()).toBe(0);
    const sentences = await log.locator('span:last-child').allTextContents();
    expect(sentences.length).toBeGreaterThan(2);
    for (const sentence of sentences) {
      expect(sentence).toMatch(/^[A-Z0-9].*\.$/);
      expect(sentence).not.toMatch(/worker/i);
      expect(sentence, 'numbers are grouped').not.toMatch(/\d{4,}/);
    }
    expect(sentences[0]).toBe('Export queued: 2,000,000 rows per table.');
    expect(
      sentences.some((s) => /^[\d,]+ of 4,000,000 rows made \(\d+%\)/.test(s)),
      sentences.join(' | '),
    ).toBe(true);
    await screenshot(page, 'polish-export-cancelled');

    await page.getByRole('link', { name: '← All exports' }).click();
    await page.waitForURL('**/exports');
    const entry = page.locator('ul.exports li').first().getByRole('link').first();
    await expect(entry.textContent()).resolves.toMatch(/^library · CSV · \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC$/);
    expect(await h1Count(page)).toBe(1);
    await expectAccessible(page, 'exports list');
    await page.context().close();
  });

  it('runs the main flow at 360 px: nothing scrolls sideways, scrolling tables reached by keyboard', async () => {
    const page = await stack.newPage({ width: 360, height: 780 });
    await page.goto('/signin');
    await page.getByLabel('Email').waitFor();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.getByLabel('Email').fill(owner);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/schemas');
    await page.getByRole('link', { name: 'library' }).first().waitFor();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(await unreachableScrollers(page)).toEqual([]);
    await expectAccessible(page, 'schemas list at 360 px');

    await page.getByRole('button', { name: 'Import from SQL' }).click();
    const dialog = page.getByRole('dialog', { name: 'New schema from SQL' });
    await dialog.getByLabel('SQL', { exact: true }).fill(DDL);
    await dialog.getByRole('button', { name: 'Read SQL' }).click();
    await dialog.getByRole('table', { name: 'Column → generator' }).waitFor();
    expect(await dialog.evaluate((d) => d.scrollWidth - d.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'polish-import-dialog-phone');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'New schema' }).click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('name');
    await page.keyboard.type(`${schemaName} phone`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/schemas\/[0-9a-f-]{36}$/);
    await page.getByRole('region', { name: 'Table users' }).getByRole('table', { name: 'Preview of users' }).locator('tbody tr').first().waitFor();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(await unreachableScrollers(page)).toEqual([]);
    await screenshot(page, 'polish-builder-phone');
    await page.getByRole('button', { name: /^Type of users\.email:/ }).click();
    await page.getByRole('dialog', { name: 'Type of users.email' }).getByRole('listbox').getByRole('option').first().waitFor();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(resultsDir, 'polish-catalogue-phone.png') });
    await page.keyboard.press('Escape');

    await page.goto(libraryUrl);
    const diagram = page.getByRole('region', { name: 'Diagram' });
    await diagram.getByRole('group', { name: 'Diagram table writers' }).waitFor();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'builder at 360 px');
    await diagram.screenshot({ path: join(resultsDir, 'polish-diagram-phone.png') });

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export rows' });
    await exportDialog.getByLabel('Rows per table').fill('300000');
    await exportDialog.getByRole('button', { name: 'Start export' }).click();
    await page.waitForURL(/\/exports\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Download' }).waitFor({ timeout: 120_000 });
    await page.getByRole('heading', { name: 'Realism report' }).waitFor();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(await unreachableScrollers(page)).toEqual([]);
    expect(await page.getByText(/ETA/).count()).toBe(0);
    await expectAccessible(page, 'finished export at 360 px');
    await screenshot(page, 'polish-export-phone');

    await page.goto('/exports');
    await page.locator('ul.exports li').first().waitFor();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
