import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shootDesktopAndPhone, useChromium } from './support/fixture.js';
import { seriousViolations as axeSerious, shoot } from './support/views.js';

/** WCAG 2.1 A/AA violations that axe rates serious or critical, as readable lines. */
const seriousViolations = (page: Page) => axeSerious(page, { bestPractice: false });

/** The kind chosen on each slide of the editor, in order. */
const editorKinds = (editor: Locator) =>
  editor.getByTestId('slide-editor').evaluateAll((sets) => sets.map((s) => (s.querySelector('select[name=kind]') as HTMLSelectElement).value));

describe('an admin sets up a wall screen in /admin/tavlor', () => {
  let page: Page;
  const e2e = useChromium(async (app) => {
    page = await e2e.signedIn();
    // The copy button writes to the clipboard; the test reads it back.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  });

  let wallUrl = '';
  let wall: Page;

  it('builds a board of two slides with the keyboard, refuses a bad display time in Swedish, and saves it in the new order', async () => {
    await page.goto(`${e2e.app.url}/`);
    await page.getByTestId('kpi-card').first().waitFor();
    // The admin menu leads to the page.
    await page.getByRole('link', { name: 'Tavlor' }).click();
    await page.waitForURL(/\/admin\/tavlor$/);
    await page.locator('[data-testid="admin-boards"][data-state="ready"]').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('Tavlor och väggskärmar');
    await page.getByTestId('board-new').click();
    const editor = page.getByTestId('board-editor');
    await editor.getByLabel('Tavlans namn').fill('Entréskärmen');

    // Slide 1: a chart of kr paid for the whole förvaltning.
    const first = editor.getByTestId('slide-editor').nth(0);
    await first.getByLabel('Typ av bild').selectOption('chart');
    await first.getByLabel('Enhet').selectOption('SOC');
    await first.getByLabel('Nyckeltal').selectOption('utbetalt-forsorjningsstod');
    // Slide 2: the overview, with too short a display time.
    await editor.getByRole('button', { name: 'Lägg till bild' }).click();
    const second = editor.getByTestId('slide-editor').nth(1);
    await second.getByLabel('Typ av bild').selectOption('overview');
    await second.getByLabel('Enhet').selectOption('SOC');
    await second.getByLabel('Visningstid i sekunder').fill('3');
    // The period rules follow the data: this slide shows January up to the newest month with data.
    await second.getByLabel('Period', { exact: true }).selectOption({ label: 'Hittills i år' });
    await editor.getByRole('button', { name: 'Spara tavlan' }).click();
    await expect(second.getByTestId('seconds-error').textContent()).resolves.toBe('Visningstiden ska vara mellan 5 och 600 hela sekunder.');
    await expect(editor.getByRole('alert').textContent()).resolves.toBe('Tavlan är inte sparad: rätta fälten som är markerade.');
    await expect(second.getByLabel('Visningstid i sekunder').getAttribute('aria-invalid')).resolves.toBe('true');
    // Focus went to the field to correct, and nothing was saved.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('seconds');
    await expect(page.getByTestId('board').count()).resolves.toBe(0);
    // The editor with its errors showing is checked too: the marked fields must still be accessible.
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await shootDesktopAndPhone(page, 'admin-boards-editor', () =>
      expect(page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).resolves.toBeLessThanOrEqual(0),
    );
    await second.getByLabel('Visningstid i sekunder').fill('12');
    await expect(second.getByTestId('seconds-error').count()).resolves.toBe(0);

    // Reorder with the keyboard only: the overview moves up, and focus stays on the moved slide.
    await editor.getByRole('button', { name: 'Flytta upp bild 2' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => editorKinds(editor)).toEqual(['overview', 'chart']);
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return { move: el?.getAttribute('data-move'), legend: el?.closest('fieldset')?.querySelector('legend')?.textContent };
    });
    expect(focused).toEqual({ move: 'down', legend: 'Bild 1' });
    await expect(editor.getByTestId('editor-announce').textContent()).resolves.toBe('Bilden är nu bild 1 av 2.');
    // And back down and up again with Space, to show both buttons work from the keyboard.
    await page.keyboard.press('Space');
    await expect.poll(() => editorKinds(editor)).toEqual(['chart', 'overview']);
    await editor.getByRole('button', { name: 'Flytta upp bild 2' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => editorKinds(editor)).toEqual(['overview', 'chart']);

    await editor.getByRole('button', { name: 'Spara tavlan' }).click();
    await expect(page.getByTestId('admin-notice').textContent()).resolves.toContain('Tavlan Entréskärmen är sparad.');
    await expect(page.getByTestId('admin-notice').getAttribute('role')).resolves.toBe('status');
    const board = page.locator('[data-testid="board"][data-board="Entréskärmen"]');
    await board.waitFor();
    await expect(
      board
        .getByTestId('board-slides')
        .locator('li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-kind'))),
    ).resolves.toEqual(['overview', 'chart']);
    const lines = await board.getByTestId('board-slides').locator('li').allTextContents();
    expect(lines[0]).toBe('Översikt över en enhet · Socialförvaltningen (SOC) · hittills i år · 12 s');
    expect(lines[1]).toMatch(/^Diagram för ett nyckeltal · Socialförvaltningen \(SOC\) · .+ · senaste · 20 s$/);
    await expect(board.getByText('Inga skärmar visar tavlan ännu.').count()).resolves.toBe(1);

    // Opening it again shows what was saved; cancelling changes nothing.
    await board.getByRole('button', { name: 'Redigera tavlan Entréskärmen' }).click();
    const again = page.getByTestId('board-editor');
    await expect(again.getByLabel('Tavlans namn').inputValue()).resolves.toBe('Entréskärmen');
    await expect(editorKinds(again)).resolves.toEqual(['overview', 'chart']);
    await expect(again.getByTestId('slide-editor').nth(0).getByLabel('Visningstid i sekunder').inputValue()).resolves.toBe('12');
    await expect(again.getByTestId('slide-editor').nth(1).getByLabel('Nyckeltal').inputValue()).resolves.toBe('utbetalt-forsorjningsstod');
    await again.getByRole('button', { name: 'Avbryt' }).click();
    await board.waitFor();
    await expect(page.getByTestId('board-editor').count()).resolves.toBe(0);
  });

  it('creates a screen whose address is shown once with a copy button, and the address opens the wall on the first slide', async () => {
    const board = page.locator('[data-testid="board"][data-board="Entréskärmen"]');
    const screenName = board.getByLabel('Ny skärm för tavlan (t.ex. Entrén plan 2)');
    // The server checks again what the form limits: a name past 100 characters (the field's limit
    // taken away, as by an old or altered page) is refused, in Swedish, as an alert.
    await screenName.evaluate((input) => input.removeAttribute('maxlength'));
    await screenName.fill('x'.repeat(101));
    await board.getByRole('button', { name: 'Skapa skärm' }).click();
    const alert = page.locator('[data-testid="admin-notice"][role="alert"]');
    await expect(alert.textContent()).resolves.toContain('Ogiltig uppgift: Skärmens namn får vara högst 100 tecken (name).');
    await expect(board.getByTestId('screens-table').count()).resolves.toBe(0);
    await expect(screenName.inputValue()).resolves.toBe('x'.repeat(101));
    await screenName.fill('Entrén plan 2');
    await board.getByRole('button', { name: 'Skapa skärm' }).click();
    const token = board.getByTestId('screen-token');
    await token.waitFor();
    wallUrl = await token.getByTestId('screen-url').inputValue();
    expect(wallUrl).toMatch(new RegExp(`^${e2e.app.url.replace(/[.]/g, '\\.')}/skarm/[A-Za-z0-9_-]{43}$`));
    await expect(token.getByTestId('screen-token-note').textContent()).resolves.toContain('Länken visas bara nu och kan inte visas igen.');
    await token.getByRole('button', { name: 'Kopiera länken' }).click();
    await token.getByText('Länken är kopierad.').waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(wallUrl);
    await expect(board.locator('tr[data-screen="Entrén plan 2"] [data-testid="screen-status"]').textContent()).resolves.toBe('Aktiv');

    await expect(seriousViolations(page)).resolves.toEqual([]);
    await shootDesktopAndPhone(page, 'admin-boards', async () => {
      await expect(seriousViolations(page)).resolves.toEqual([]);
      // Nothing runs off the side of a phone.
      await expect(page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).resolves.toBeLessThanOrEqual(0);
    });

    // A fresh context: no admin cookie, only the screen's own address.
    wall = await e2e.anonymous({ viewport: { width: 1920, height: 1080 } });
    expect(await wall.context().cookies()).toEqual([]);
    await wall.goto(wallUrl);
    // Polled on the state, so a failure says which one the wall got stuck in; generous, as two cores are shared.
    await expect.poll(() => wall.getByTestId('wall').getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    await expect(wall.getByTestId('wall').getAttribute('data-slide')).resolves.toBe('0');
    await expect(wall.getByTestId('wall-slide').getAttribute('data-kind')).resolves.toBe('overview');
    await wall.getByTestId('wall-card').first().waitFor();
    expect(await wall.getByTestId('wall-title').innerText()).toMatch(/Socialförvaltningen/);
    expect(await wall.getByTestId('wall-period').innerText()).toBe('jan–dec 2022');
    await shoot(wall, 'admin-boards-wall', { fullPage: false });

    // The address is not kept: after a reload the page lists the screen, but not its token.
    await page.reload();
    await page.locator('[data-testid="admin-boards"][data-state="ready"]').waitFor();
    await expect(page.getByTestId('screen-token').count()).resolves.toBe(0);
    const token43 = wallUrl.slice(wallUrl.lastIndexOf('/') + 1);
    expect(await page.content()).not.toContain(token43);
    // The wall has been seen, and the list says when.
    await expect(page.locator('tr[data-screen="Entrén plan 2"] td').nth(1).textContent()).resolves.not.toBe('Aldrig');
  });

  it('revokes the screen after a confirm step, and the wall then says it is not registered', async () => {
    const row = page.locator('tr[data-screen="Entrén plan 2"]');
    await row.getByRole('button', { name: 'Återkalla skärmen Entrén plan 2' }).click();
    await expect(row.getByText('Återkalla Entrén plan 2? Skärmen slutar visa tavlan direkt').count()).resolves.toBe(1);
    // Cancel is the focused choice; cancelling leaves the screen active.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('revoke-cancel');
    await page.keyboard.press('Enter');
    await expect(row.getByTestId('revoke-confirm').count()).resolves.toBe(0);
    await expect(row.getAttribute('data-revoked')).resolves.toBe('false');
    await row.getByRole('button', { name: 'Återkalla skärmen Entrén plan 2' }).click();
    await row.getByRole('button', { name: 'Ja, återkalla' }).click();
    await expect(page.getByTestId('admin-notice').textContent()).resolves.toContain('Skärmen Entrén plan 2 är återkallad.');
    await expect.poll(() => row.getAttribute('data-revoked')).toBe('true');
    await expect(row.getByTestId('screen-status').textContent()).resolves.toMatch(/^Återkallad \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await expect(row.getByRole('button', { name: /Återkalla/ }).count()).resolves.toBe(0);

    // The screen that showed the board, reloaded (as after a restart of the screen's browser).
    await wall.reload();
    await wall.locator('[data-testid="wall"][data-state="unknown"]').waitFor();
    await expect(wall.getByTestId('wall-message').innerText()).resolves.toMatch(/Skärmen är inte registrerad[\s\S]*okänd eller återkallad/);
    await expect(wall.getByTestId('wall-card').count()).resolves.toBe(0);
  });
});
