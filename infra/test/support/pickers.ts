import type { Page } from 'playwright-core';

const literal = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/**
 * Picks an entry in an EntityPicker the way a person does: types part of a name (any kana form),
 * waits for the server's matches and clicks the one showing `shown`. Resolves once the form holds an id.
 */
export async function pickByName(page: Page, name: string, typed: string, shown: string = typed): Promise<string> {
  const input = page.getByTestId(`input-${name}`);
  await input.click();
  await input.fill(typed);
  const option = page.getByTestId(`options-${name}`).getByRole('option', { name: literal(shown) }).first();
  await option.waitFor();
  await option.click();
  await page.waitForFunction((id) => Boolean(document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value')), `input-${name}`);
  return (await input.getAttribute('data-value'))!;
}
