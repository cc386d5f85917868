// Prompts live in prompts/*.md, each with a `version` in its front matter; a message records the
// version that asked (describe@1), so an answer can be traced to the words that produced it.
import { readFileSync } from 'node:fs';
import { catalog } from '../engine/index.js';

export interface Prompt {
  name: string;
  version: number;
  /** `name@version`, as stored with each message. */
  id: string;
  text: string;
}

const loaded = new Map<string, Prompt>();

export function loadPrompt(name: string): Prompt {
  let prompt = loaded.get(name);
  if (!prompt) {
    const file = readFileSync(new URL(`./prompts/${name}.md`, import.meta.url), 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file);
    const version = Number(/^version:\s*(\d+)\s*$/m.exec(match?.[1] ?? '')?.[1]);
    if (!match || !Number.isInteger(version)) throw new Error(`prompts/${name}.md: needs front matter with "version: <n>"`);
    prompt = { name, version, id: `${name}@${version}`, text: match[2].trim() };
    loaded.set(name, prompt);
  }
  return prompt;
}

/** The task's prompt with the definition primer, the catalogue and the current schema filled in. */
export function systemPrompt(name: string, current: string): { text: string; id: string } {
  const prompt = loadPrompt(name);
  const primer = loadPrompt('definition');
  const catalogue = catalog.map((type) => `${type.id}: ${type.kind}`).join(', ');
  const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
  const text = fill(prompt.text, { definition: fill(primer.text, { catalog: catalogue }), current });
  return { text, id: `${prompt.id}+${primer.id}` };
}
