import type { Page } from '@playwright/test';

/** openTerminal loads the app and returns its terminal's log and a way to type a line into it. */
export async function openTerminal(page: Page) {
  await page.goto('/');
  const terminal = page.getByRole('textbox', { name: /Terminal/ });
  const log = page.getByRole('log');
  const type = async (line: string) => {
    await terminal.fill(line);
    await terminal.press('Enter');
  };
  return { terminal, log, type };
}
