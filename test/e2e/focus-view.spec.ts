import { expect, type Locator, type Page, test } from '@playwright/test';
import { DateTime } from 'luxon';
import { wcagViolations } from './axe';
import { type RunningHost, startHost } from './host';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface RuleInput {
  name: string;
  /** 1 = Monday … 7 = Sunday. */
  days: number[];
  start?: string;
  end?: string;
  allDay?: boolean;
}

/** A rule running now in this machine's zone (the host's and the browser's): ±1 h, or all day near midnight. */
function ruleCoveringNow(name: string): RuleInput {
  const now = DateTime.local();
  const nearMidnight = now.hour < 1 || now.hour >= 23;
  if (nearMidnight) return { name, days: [now.weekday], allDay: true };
  return {
    name,
    days: [now.weekday],
    start: now.minus({ hours: 1 }).toFormat('HH:mm'),
    end: now.plus({ hours: 1 }).toFormat('HH:mm'),
  };
}

async function openFocusView(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.pageUrl);
  await navLink(page, 'Focus').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Focus' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add rule' })).toBeEnabled();
}

const banner = (page: Page) => page.getByRole('banner');
const toggle = (page: Page) => banner(page).getByRole('button', { name: /^Focus/ });
const statusCard = (page: Page) => page.getByRole('region', { name: 'Focus status' });
const navLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name });
const ruleForm = (page: Page) => page.getByRole('form');

async function fillRule(page: Page, rule: RuleInput): Promise<void> {
  const form = ruleForm(page);
  await form.getByRole('textbox', { name: 'Name' }).fill(rule.name);
  await form.getByRole('radio', { name: rule.allDay ? 'All day' : 'Between two times' }).check();
  for (const [index, day] of WEEKDAYS.entries()) {
    await form.getByRole('checkbox', { name: day }).setChecked(rule.days.includes(index + 1));
  }
  if (!rule.allDay) {
    await form.getByLabel('Starts').fill(rule.start ?? '09:00');
    await form.getByLabel('Ends').fill(rule.end ?? '11:00');
  }
}

async function addRule(page: Page, rule: RuleInput): Promise<void> {
  await page.getByRole('button', { name: 'Add rule' }).click();
  await fillRule(page, rule);
  await ruleForm(page).getByRole('button', { name: 'Save rule' }).click();
  await expect(ruleForm(page)).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Focus rules' })).toContainText(rule.name);
}

async function focusApi(host: RunningHost) {
  return (await host.api('/v1/focus')).json();
}

/** Presses Tab until `target` has focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test('a rule covering now turns focus on with its name; disabling it turns focus off; it can be deleted', async ({
  page,
}) => {
  const host = await startHost();
  try {
    await openFocusView(page, host);
    await expect(statusCard(page)).toContainText('Not in focus');
    await expect(page.getByText('No rules yet')).toBeVisible();

    await addRule(page, ruleCoveringNow('Deep work'));
    await expect(toggle(page)).toHaveAccessibleName(/^Focus on · Deep work/);
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('heading', { name: 'In focus — Deep work' })).toBeVisible();
    await expect(page.getByRole('timer')).toHaveText(/^\d+:\d\d(:\d\d)?$|^\d+ d/);
    const status = await focusApi(host);
    expect(status).toMatchObject({ active: true, cause: 'schedule', ruleName: 'Deep work' });

    // The week view lists today's block for screen readers.
    const today = DateTime.local().setLocale('en-GB').toFormat('cccc');
    await expect(page.getByRole('list', { name: 'Focus blocks this week' })).toContainText(
      new RegExp(`${today} .*today: .*Deep work`),
    );

    // "Until this block ends" is offered while a block runs.
    await banner(page).getByRole('button', { name: 'More focus options' }).click();
    await expect(page.getByRole('menuitem', { name: 'Start focus until this block ends' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);

    // Disabled in the editor: the schedule no longer turns focus on.
    await page.getByRole('button', { name: 'Edit Deep work' }).click();
    await ruleForm(page).getByRole('checkbox', { name: 'Enabled' }).uncheck();
    await ruleForm(page).getByRole('button', { name: 'Save rule' }).click();
    await expect(page.getByRole('switch', { name: 'Enable Deep work' })).not.toBeChecked();
    await expect(toggle(page)).toHaveAccessibleName('Focus off');
    await expect(statusCard(page)).toContainText('Not in focus');
    expect(await focusApi(host)).toMatchObject({ active: false, cause: null });

    // The switch turns it back on.
    await page.getByRole('switch', { name: 'Enable Deep work' }).check();
    await expect(toggle(page)).toHaveAccessibleName(/^Focus on · Deep work/);

    // Turning focus off during the block skips it; the card offers to resume.
    await toggle(page).click();
    await expect(toggle(page)).toHaveAccessibleName('Focus off · Skipping Deep work');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    await expect(statusCard(page)).toContainText('Skipping Deep work');
    expect(await focusApi(host)).toMatchObject({ active: false, skipping: true });
    await page.getByRole('button', { name: 'Resume Deep work' }).click();
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('button', { name: 'Delete Deep work', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Keep Deep work' })).toBeFocused();
    await page.getByRole('button', { name: 'Delete Deep work for good' }).click();
    await expect(page.getByText('No rules yet')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add rule' })).toBeFocused();

    // The view survives a reload, straight from its address.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Focus' })).toBeVisible();
    await expect(navLink(page, 'Focus')).toHaveAttribute('aria-current', 'page');
    await expect(navLink(page, 'Inbox')).not.toHaveAttribute('aria-current');
  } finally {
    await host.stop();
  }
});

test('the rule editor explains what is wrong, in words, next to the field', async ({ page }) => {
  const host = await startHost();
  try {
    await openFocusView(page, host);
    await page.getByRole('button', { name: 'Add rule' }).click();
    const form = ruleForm(page);
    await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused();
    for (const day of WEEKDAYS) await form.getByRole('checkbox', { name: day }).uncheck();
    await form.getByRole('button', { name: 'Save rule' }).click();

    const name = form.getByRole('textbox', { name: 'Name' });
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription('This rule needs a name.');
    await expect(name).toBeFocused();
    await expect(form.getByRole('group', { name: 'Days' })).toHaveAccessibleDescription(
      'This rule needs at least one day.',
    );

    // Errors clear as the fields are fixed.
    await name.fill('Late shift');
    await expect(name).not.toHaveAttribute('aria-invalid', 'true');
    await form.getByRole('checkbox', { name: 'Friday' }).check();
    await expect(form.getByText('needs at least one day')).toHaveCount(0);

    await form.getByLabel('Starts').fill('22:00');
    await form.getByLabel('Ends').fill('02:00');
    await expect(form.getByLabel('Ends')).toHaveAccessibleDescription('Ends the next day');
    await form.getByLabel('Ends').fill('22:00');
    await expect(form.getByLabel('Ends')).toHaveAccessibleDescription(/^Start and end must differ/);

    await form.getByLabel('Ends').fill('01:30');
    await form.getByRole('button', { name: 'Save rule' }).click();
    await expect(page.getByRole('list', { name: 'Focus rules' })).toContainText(
      'Fri · 22:00–01:30 (next day)',
    );
  } finally {
    await host.stop();
  }
});

test('"until tomorrow" from the header ends focus when the next working day starts', async ({ page }) => {
  const host = await startHost();
  try {
    await page.goto(host.pageUrl);
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    await banner(page).getByRole('button', { name: 'More focus options' }).click();
    // No block runs, so only "until tomorrow" is offered.
    await expect(page.getByRole('menuitem')).toHaveCount(1);
    await page.getByRole('menuitem', { name: 'Start focus until tomorrow' }).click();
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');

    // The default working hours: Monday to Friday from 09:00, in the host's (this machine's) zone.
    let expected = DateTime.local().startOf('day').plus({ days: 1 });
    while (expected.weekday > 5) expected = expected.plus({ days: 1 });
    expected = expected.set({ hour: 9 });
    const status = await focusApi(host);
    expect(status.cause).toBe('manual');
    expect(Date.parse(status.until)).toBe(expected.toMillis());
    await expect(toggle(page)).toContainText(expected.toFormat('HH:mm'));
  } finally {
    await host.stop();
  }
});

test('a rule can be added with the keyboard alone', async ({ page }) => {
  const host = await startHost();
  try {
    await page.goto(host.pageUrl);
    await page.goto(new URL('#/focus', host.pageUrl).href);
    await expect(page.getByRole('button', { name: 'Add rule' })).toBeEnabled();

    const add = page.getByRole('button', { name: 'Add rule' });
    await tabTo(page, add);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await page.keyboard.type('Reading');
    await tabTo(page, page.getByRole('checkbox', { name: 'Saturday' }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Save rule' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('list', { name: 'Focus rules' })).toContainText('Mon–Sat · 09:00–11:00');
    await expect(add).toBeFocused();
    // The switch is reachable and works from the keyboard too.
    await tabTo(page, page.getByRole('switch', { name: 'Enable Reading' }));
    await page.keyboard.press('Space');
    await expect(page.getByRole('switch', { name: 'Enable Reading' })).not.toBeChecked();
  } finally {
    await host.stop();
  }
});

test.describe('focus view accessibility', () => {
  // axe is injected as a script, which the page's CSP rightly forbids; only this context bypasses it.
  test.use({ bypassCSP: true, viewport: { width: 1180, height: 900 } });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the focus view has no WCAG 2.1 A/AA violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const host = await startHost();
      try {
        await openFocusView(page, host);
        expect(await wcagViolations(page)).toEqual([]);

        await addRule(page, ruleCoveringNow('Deep work'));
        await addRule(page, { name: 'Morning writing', days: [1, 2, 3, 4, 5], start: '07:30', end: '09:00' });
        await addRule(page, { name: 'No-meeting afternoon', days: [3], start: '13:00', end: '17:00' });
        await addRule(page, { name: 'Offline Sunday', days: [7], allDay: true });
        await page.getByRole('switch', { name: 'Enable Offline Sunday' }).uncheck();
        await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
        expect(await wcagViolations(page)).toEqual([]);
        // The header is sticky: from the top, a full-page screenshot shows it where it belongs.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: `.tmp/screenshots/focus-${scheme}.png`, fullPage: true });

        // The editor with errors showing, and the open menu.
        await page.getByRole('button', { name: 'Add rule' }).click();
        await ruleForm(page).getByRole('button', { name: 'Save rule' }).click();
        await expect(ruleForm(page).getByText('This rule needs a name.')).toBeVisible();
        await banner(page).getByRole('button', { name: 'More focus options' }).click();
        await expect(page.getByRole('menu')).toBeVisible();
        expect(await wcagViolations(page)).toEqual([]);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: `.tmp/screenshots/focus-editor-${scheme}.png`, fullPage: true });
      } finally {
        await host.stop();
      }
    });
  }
});
