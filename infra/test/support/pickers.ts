import type { Page } from 'playwright-core';

const literal = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** Types part of a name (any kana form) into an EntityPicker, waits for the server's matches and clicks the one showing `shown`. */
export async function chooseOption(page: Page, name: string, typed: string, shown: string = typed): Promise<void> {
  const input = page.getByTestId(`input-${name}`);
  await input.click();
  await input.fill(typed);
  const option = page.getByTestId(`options-${name}`).getByRole('option', { name: literal(shown) }).first();
  await option.waitFor();
  await option.click();
}

/** Picks an entry as a person does (`chooseOption`); resolves with the id the form now holds. */
export async function pickByName(page: Page, name: string, typed: string, shown: string = typed): Promise<string> {
  await chooseOption(page, name, typed, shown);
  await page.waitForFunction((id) => Boolean(document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value')), `input-${name}`);
  return (await page.getByTestId(`input-${name}`).getAttribute('data-value'))!;
}
