// The schema assistant in the builder, against the real API on PGlite and a stand-in provider
// speaking the chat-completions protocol: ask, watch the answer, read the diff, accept.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatCompletionsStream, startStandIn, type StandIn } from '../../api/src/assist/testing/stand-in.js';
import { screenshot, startStack, uniqueEmail, unlabelledControls, type Stack } from './stack.js';

let stack: Stack;
let standIn: StandIn;
const password = 'correct horse battery';

const ANSWER = {
  explanation: 'A coffee shop: customers and the products they buy, with real product names.',
  definition: {
    version: 1,
    locale: 'en',
    tables: [
      {
        name: 'users',
        rows: 20,
        fields: [
          { name: 'id', type: 'string.uuid', unique: true },
          { name: 'email', type: 'internet.email', unique: true },
        ],
      },
      {
        name: 'products',
        rows: 10,
        description: 'What the shop sells',
        fields: [
          { name: 'id', type: 'string.uuid', unique: true },
          { name: 'name', type: 'pick', options: { values: ['Espresso beans 1 kg', 'Oat milk 1 l', 'Pour-over dripper', 'Paper filters (100)'] } },
        ],
      },
    ],
  },
};

beforeAll(async () => {
  standIn = await startStandIn();
  stack = await startStack({
    TDG_ASSIST_PROVIDER: 'openai',
    TDG_ASSIST_BASE_URL: standIn.url,
    TDG_ASSIST_MODEL: 'stand-in-model',
    TDG_ASSIST_API_KEY: 'sk-e2e-key-0123456789',
  });
});

afterAll(async () => {
  await stack?.stop();
  await standIn?.close();
});

async function signUp(page: Page, email: string) {
  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL('**/schemas');
}

describe('schema assistant', () => {
  it('describes the data, shows the proposed change as a diff, and applies it on Accept', async () => {
    const page = await stack.newPage();
    await signUp(page, uniqueEmail('assist'));
    await page.getByRole('button', { name: 'New schema' }).click();
    await page.getByLabel('Schema name').fill('Coffee');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/schemas\/[0-9a-f-]{36}$/);

    const panel = page.getByRole('region', { name: 'Schema assistant' });
    await panel.waitFor();
    standIn.reply({ events: chatCompletionsStream(JSON.stringify(ANSWER), { size: 12 }) });
    await panel.getByLabel('What to do').selectOption('DESCRIBE');
    await panel.getByLabel('Ask the assistant').fill('A coffee shop selling beans and brewing gear');
    await panel.getByRole('button', { name: 'Ask' }).click();

    await panel.getByText(ANSWER.explanation).waitFor();
    const diff = panel.getByRole('list', { name: 'Proposed change to the definition' });
    await expect(diff.textContent()).resolves.toContain('products.name');
    await expect(diff.textContent()).resolves.toContain('pick (4 values)');
    expect(standIn.requests).toHaveLength(1);
    await expect(unlabelledControls(page)).resolves.toEqual([]);
    await screenshot(page, 'assistant-proposed');

    await panel.getByRole('button', { name: 'Accept' }).click();
    await panel.getByText(/Applied: the schema is now at version \d+/).waitFor();
    await page.getByRole('region', { name: 'Table products' }).waitFor();
    await screenshot(page, 'assistant-applied');
    await page.context().close();
  });
});
