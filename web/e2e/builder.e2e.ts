// The schema builder loses nothing and finds every type: a reload puts unsaved edits back with a
// notice, leaving asks first, Ctrl+Z undoes a removed field, and the type catalogue is browsed,
// searched and chosen from by keyboard — on a desk and inside a 390 px phone; the reference date
// set at creation shows and is edited in the settings.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { resultsDir, screenshot, signIn as signInAs, startStack, uniqueEmail, unlabelledControls, type Stack } from './stack.js';

let stack: Stack;
const email = uniqueEmail('builder');
const password = 'correct horse battery';
let schemaUrl = '';

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

const signIn = (page: Page) => signInAs(page, email, password);

const users = (page: Page) => page.getByRole('region', { name: 'Table users' });
const fieldNames = (page: Page) =>
  users(page)
    .getByLabel('Field name')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

describe('schema builder', () => {
  it('keeps unsaved edits through a reload, with a notice and a way to discard them', async () => {
    const page = await stack.newPage();
    await page.goto('/signup');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL('**/schemas');
    await page.getByRole('button', { name: 'New schema' }).click();
    await page.getByLabel('Schema name').fill('Drafts');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/schemas\/[0-9a-f-]{36}$/);
    schemaUrl = new URL(page.url()).pathname;

    await users(page).getByRole('button', { name: 'Add field to users' }).click();
    await users(page).getByLabel('Field name').last().fill('nickname');
    await page.getByText(/Version \d+ · unsaved changes/).waitFor();
    // the draft is written as you type (not only when the page goes away)
    await page.waitForFunction((key) => localStorage.getItem(key)?.includes('nickname'), `tdg.draft.${schemaUrl.split('/').pop()}`);

    // leaving inside the app asks first, and staying keeps the edits
    await page.getByRole('link', { name: 'Schemas', exact: true }).click();
    const leave = page.getByRole('dialog', { name: 'Leave with unsaved changes?' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Cancel' }).click();
    expect(new URL(page.url()).pathname).toBe(schemaUrl);

    // a reload asks the browser's own question; accepted, the page comes back with the draft
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    expect(asked).toEqual(['beforeunload']);
    await page.getByText('Restored your unsaved changes').waitFor();
    await expect(fieldNames(page)).resolves.toEqual(['id', 'email', 'nickname']);
    await page.getByText(/Version \d+ · unsaved changes/).waitFor();
    // the restored draft's preview follows: its rows, with the draft's new field among the columns
    const preview = page.getByRole('table', { name: 'Preview of users' });
    await preview.locator('tbody tr').first().waitFor();
    await expect(preview.getByRole('columnheader').allTextContents()).resolves.toEqual(['id', 'email', 'nickname']);
    await screenshot(page, 'builder-draft-restored');

    await page.getByRole('button', { name: 'Discard draft' }).click();
    await expect(fieldNames(page)).resolves.toEqual(['id', 'email']);
    await expect(page.getByRole('button', { name: 'Save' }).isDisabled()).resolves.toBe(true);
    await page.reload();
    await users(page).getByLabel('Field name').first().waitFor();
    expect(await page.getByText('Restored your unsaved changes').count()).toBe(0);
    await page.context().close();
  });

  it('undoes the removal of a field with Ctrl+Z and redoes it with Ctrl+Shift+Z or the buttons', async () => {
    const page = await stack.newPage();
    await signIn(page);
    await page.goto(schemaUrl);
    await users(page).getByRole('button', { name: 'Remove field email' }).click();
    await expect(fieldNames(page)).resolves.toEqual(['id']);

    await page.keyboard.press('Control+z');
    await expect(fieldNames(page)).resolves.toEqual(['id', 'email']);
    await expect(page.getByRole('button', { name: 'Save' }).isDisabled()).resolves.toBe(true);
    await page.keyboard.press('Control+Shift+z');
    await expect(fieldNames(page)).resolves.toEqual(['id']);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(fieldNames(page)).resolves.toEqual(['id', 'email']);
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect(fieldNames(page)).resolves.toEqual(['id']);

    // typing is one step; undone, the text box keeps the focus
    const name = users(page).getByLabel('Field name').first();
    await name.fill('user_id');
    await name.press('Control+z');
    await expect(name.inputValue()).resolves.toBe('id');
    await expect(name.evaluate((input) => input === document.activeElement)).resolves.toBe(true);

    // removing a table is undone the same way
    await page.getByRole('button', { name: 'Remove table users' }).click();
    expect(await users(page).count()).toBe(0);
    await page.keyboard.press('Control+z');
    await users(page).waitFor();
    await expect(fieldNames(page)).resolves.toEqual(['id']);
    await page.keyboard.press('Control+z');
    await expect(fieldNames(page)).resolves.toEqual(['id', 'email']);
    await page.context().close();
  });

  it('shows the reference date the schema got when it was created, refuses a bad one and saves an edited one', async () => {
    const page = await stack.newPage();
    await signIn(page);
    await page.goto(schemaUrl);
    await users(page).getByLabel('Field name').first().waitFor();
    const reference = page.getByRole('textbox', { name: 'Reference date' });
    // set by createSchema to the moment of creation (this run)
    expect(Math.abs(Date.parse(await reference.inputValue()) - Date.now())).toBeLessThan(3_600_000);

    await reference.fill('next tuesday');
    await page.getByText(/^referenceDate: /).waitFor();
    await reference.fill('2020-02-29T12:00:00Z');
    await expect(page.getByText(/^referenceDate: /).waitFor({ state: 'detached' })).resolves.toBeUndefined();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Saved \(version \d+\)/).waitFor();
    await page.reload();
    await users(page).getByLabel('Field name').first().waitFor();
    await expect(page.getByRole('textbox', { name: 'Reference date' }).inputValue()).resolves.toBe('2020-02-29T12:00:00Z');
    await page.context().close();
  });

  it('finds a date type by typing "timestamp" and chooses it by keyboard, from the whole catalogue', async () => {
    const page = await stack.newPage();
    await signIn(page);
    await page.goto(schemaUrl);
    const response = await fetch(`${stack.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ fieldTypes { id } }' }),
    });
    const apiTypes = ((await response.json()) as { data: { fieldTypes: { id: string }[] } }).data.fieldTypes.length;
    expect(apiTypes).toBeGreaterThan(200);

    const typeButton = users(page).getByRole('button', { name: /^Type of users\.email/ });
    await typeButton.focus();
    await page.keyboard.press('Enter');
    const search = page.getByRole('combobox', { name: 'Search field types' });
    await expect(search.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    // browsing: every type the API has, in groups with counts
    const listbox = page.getByRole('listbox', { name: 'Field types' });
    await expect(listbox.getByRole('option').count()).resolves.toBe(apiTypes);
    await page
      .getByRole('combobox', { name: 'Group' })
      .locator('option', { hasText: `All groups (${apiTypes})` })
      .waitFor({ state: 'attached' });
    await listbox.getByRole('group', { name: /^Date & time \d+$/ }).waitFor();
    await screenshot(page, 'type-picker');

    await page.keyboard.type('timestamp');
    const first = listbox.getByRole('option').first();
    await expect(first.textContent()).resolves.toMatch(/^date\./);
    await page.keyboard.press('ArrowDown');
    const active = listbox.getByRole('option', { selected: true });
    const chosen = (await active.locator('.id').textContent())!.trim();
    expect(chosen).toMatch(/^date\./);
    await expect(search.getAttribute('aria-activedescendant')).resolves.toBe(await active.getAttribute('id'));
    await page.keyboard.press('Enter');
    await listbox.waitFor({ state: 'detached' });
    await expect(
      users(page)
        .getByRole('button', { name: `Type of users.email: ${chosen}` })
        .evaluate((button) => button === document.activeElement),
    ).resolves.toBe(true);

    // Escape closes without choosing; "enum", "foreign key" and "formula" find pick, ref and expression
    await page.keyboard.press('Enter');
    for (const [query, id] of [
      ['enum', 'pick'],
      ['foreign key', 'ref'],
      ['formula', 'expression'],
    ]) {
      await search.fill(query!);
      await expect(listbox.getByRole('option').first().locator('.id').textContent()).resolves.toBe(id);
    }
    await page.keyboard.press('Escape');
    await listbox.waitFor({ state: 'detached' });
    await users(page)
      .getByRole('button', { name: `Type of users.email: ${chosen}` })
      .waitFor();
    await page.context().close();
  });

  it('fits the type picker inside a 390 px phone', async () => {
    const page = await stack.newPage({ width: 390, height: 844 });
    await signIn(page);
    await page.goto(schemaUrl);
    await users(page).getByRole('button', { name: 'Add field to users' }).click();
    await users(page)
      .getByRole('button', { name: /^Type of users\.field/ })
      .click();
    await page.getByRole('combobox', { name: 'Search field types' }).fill('price');
    const panel = page.getByRole('dialog', { name: 'Type of users.field' });
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(unlabelledControls(page)).resolves.toEqual([]);
    await page.getByRole('option', { name: /^commerce\.price/ }).waitFor();
    console.info(`screenshot of the picker on a phone: ${await screenshot(page, 'type-picker-phone')}`);
    // the sheet as the phone's screen shows it (a full-page screenshot stretches the viewport)
    await page.screenshot({ path: join(resultsDir, 'type-picker-phone-screen.png') });

    // a number option keeps its format and reads in words
    await page.getByRole('option', { name: /^commerce\.price/ }).click();
    await users(page).getByRole('button', { name: 'Options of field' }).click();
    await users(page).getByLabel('Decimal places').fill('2');
    const smallest = users(page).getByLabel('Smallest value');
    await smallest.fill('40.20');
    await users(page).getByLabel('Largest value').fill('41');
    // the preview follows the options (its prices between 40.20 and 41), and the input still reads "40.20"
    const prices = () =>
      users(page)
        .getByRole('table', { name: 'Preview of users' })
        .evaluate((table) => {
          const column = [...table.querySelectorAll('thead th')].findIndex((th) => th.textContent === 'field');
          return column < 0 ? [] : [...table.querySelectorAll('tbody tr')].map((tr) => Number(tr.children[column]?.textContent));
        })
        .catch(() => [] as number[]);
    const inRange = async () => {
      const values = await prices();
      return values.length > 0 && values.every((value) => value >= 40.2 && value <= 41);
    };
    await expect.poll(inRange, { timeout: 15_000 }).toBe(true);
    await expect(smallest.inputValue()).resolves.toBe('40.20');
    await screenshot(page, 'builder-options-phone');
    await page.context().close();
  });
});
