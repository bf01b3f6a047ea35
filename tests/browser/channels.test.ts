import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMutation, apiQuery, AUTHOR, createAccounts, must, REVIEWER, signedIn } from '../support/accounts';
import { commitVersion } from '../support/approved-versions';
import { createSmallMapping } from '../support/editor-fixture';
import { ARTIFACTS, startStudio, type Person, type Studio } from '../support/studio';

const OPERATOR: Person = {
  email: 'otto@hospital.example',
  name: 'Otto Operator',
  password: 'correct horse battery',
};

let studio: Studio;

beforeAll(async () => {
  studio = await startStudio();
  await createAccounts(studio, [
    { person: AUTHOR, roles: ['analyst'] },
    { person: REVIEWER, roles: ['reviewer'] },
    { person: OPERATOR, roles: ['operator'] },
  ]);
}, 120_000);

afterAll(async () => {
  await studio?.close();
});

/** The channel page's "Live version" box once it says `text`. */
async function seeLive(page: Page, text: string): Promise<void> {
  await page.getByRole('region', { name: 'Live version' }).getByText(text, { exact: true }).waitFor();
}

/** Picks a version in the Deploy panel and confirms. */
async function deploy(page: Page, number: number, note: string): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(`^Version ${number}\\b`) }).check();
  await page.getByRole('button', { name: `Deploy version ${number}…` }).click();
  const confirm = page.getByRole('alertdialog', { name: new RegExp(`^Deploy version ${number} to`) });
  await confirm.getByLabel('Note').fill(note);
  await confirm.getByRole('button', { name: `Deploy version ${number}` }).click();
  await confirm.waitFor({ state: 'detached' });
}

describe('running a channel', () => {
  it('lets an operator create a channel, deploy approved versions, roll back and read the history', async () => {
    const base = studio.base;
    const mappingId = await createSmallMapping(studio.db, 'Lab ADT');
    const author = await signedIn(studio, AUTHOR);
    const reviewer = await signedIn(studio, REVIEWER);
    const relabel = (label: string) => (graph: { nodes: Array<{ id: string; label?: string }> }) => {
      graph.nodes.find((n) => n.id === 'humanName')!.label = label;
    };
    await commitVersion(base, mappingId, author.page, { message: 'first', reviewer: reviewer.page });
    await commitVersion(base, mappingId, author.page, {
      message: 'shorter label',
      edit: relabel('Name'),
      reviewer: reviewer.page,
    });
    // Committed but never submitted: listed, not deployable.
    await commitVersion(base, mappingId, author.page, { message: 'work in progress', edit: relabel('Nm') });

    const { context, page } = await signedIn(studio, OPERATOR);
    await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: 'Channels' }).click();
    await page.getByRole('heading', { name: 'Channels' }).waitFor();
    await page.getByText('No channels yet.').waitFor();

    await page.getByRole('button', { name: 'New channel' }).click();
    const form = page.getByRole('form', { name: 'New channel' });
    await form.getByLabel('Name').fill('Lab ADT in');
    await form.getByLabel('HTTP path').fill('lab-adt');
    await form.getByLabel('MLLP port (optional)').fill('39575');
    await form.getByLabel('Mapping').selectOption({ label: 'Lab ADT' });
    await form.getByRole('button', { name: 'Create channel' }).click();

    // The HTTP ingest token is shown this once, with a warning and a copy button, before the channel.
    await page.getByRole('heading', { name: 'Channel created: its ingest token' }).waitFor();
    await page.getByText('it will not be shown again').waitFor();
    const token = (await page.getByLabel('Ingest token', { exact: true }).textContent()) ?? '';
    expect(token.length).toBeGreaterThan(20);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await page.getByRole('button', { name: 'Copy token' }).click();
    await page.getByRole('status').getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    const channelHeading = page.getByRole('heading', { name: 'Lab ADT in', level: 1 });
    await channelHeading.waitFor();
    await seeLive(page, 'Not deployed');
    await page.getByText('Nothing has been deployed on this channel yet.').waitFor();

    // Only approved versions can be chosen; the others show why.
    const v3 = page.locator('.version-choice[data-version="3"]');
    await v3.getByText('Not submitted').waitFor();
    expect(await v3.getByRole('radio').isDisabled()).toBe(true);
    expect(await page.locator('.version-choice[data-version="1"]').getByRole('radio').isEnabled()).toBe(true);

    await deploy(page, 1, 'first go-live');
    await seeLive(page, 'Version 1');
    await deploy(page, 2, 'shorter label');
    await seeLive(page, 'Version 2');

    await page.getByRole('button', { name: 'Roll back to version 1…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Roll back Lab ADT in to version 1?' });
    await confirm.getByLabel('Note').fill('label confuses the ward');
    await confirm.getByRole('button', { name: 'Roll back to version 1' }).click();
    await seeLive(page, 'Version 1');
    const history = page.getByRole('table', { name: 'Deployment history' });
    const rows = history.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.dataset.kind, tr.dataset.version]))).toEqual([
      ['rollback', '1'],
      ['deploy', '2'],
      ['deploy', '1'],
    ]);
    await rows.first().getByText('label confuses the ward').waitFor();
    await rows.first().getByText(OPERATOR.email).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'channels.png'), fullPage: true });

    // A lost token is replaced, never shown again: the new one differs from the first.
    await page.getByRole('button', { name: 'Replace the token…' }).click();
    await page
      .getByRole('alertdialog', { name: 'Replace the ingest token of Lab ADT in?' })
      .getByRole('button', { name: 'Replace the token' })
      .click();
    await page.getByRole('heading', { name: 'New ingest token' }).waitFor();
    const replaced = (await page.getByLabel('Ingest token', { exact: true }).textContent()) ?? '';
    expect(replaced.length).toBeGreaterThan(20);
    expect(replaced).not.toBe(token);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('button', { name: 'Replace the token…' }).waitFor();

    // The list shows what runs where and who put it there.
    await page.getByRole('link', { name: '← Channels' }).click();
    const row = page.getByRole('table', { name: 'Channels' }).locator('tr[data-channel="Lab ADT in"]');
    await row
      .locator('[data-live-version="1"]')
      .getByText(`rollback by ${OPERATOR.email}`, { exact: false })
      .waitFor();
    await row.getByText('39575').waitFor();
    await row.getByText('Lab ADT', { exact: true }).waitFor();

    // A second channel on the same path is refused, and the form shows the server's words as they are.
    await page.getByRole('button', { name: 'New channel' }).click();
    await form.getByLabel('Name').fill('Lab ADT copy');
    await form.getByLabel('HTTP path').fill('lab-adt');
    await form.getByLabel('Mapping').selectOption({ label: 'Lab ADT' });
    await form.getByRole('button', { name: 'Create channel' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    const server = await apiMutation(page, base, 'channels.create', {
      name: 'Lab ADT copy',
      path: 'lab-adt',
      mappingId,
    });
    expect(server).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await refusal.textContent()).toBe(server.ok ? '' : server.message);
    await context.close();

    // An analyst sees the channels but is offered no controls, and the server refuses them a deploy.
    const analyst = author.page;
    await analyst.goto(`${base}/#/channels`);
    const analystRow = analyst.locator('tr[data-channel="Lab ADT in"]');
    await analystRow.locator('[data-live-version="1"]').waitFor();
    expect(await analyst.getByRole('button', { name: 'New channel' }).count()).toBe(0);
    await analystRow.getByRole('link', { name: 'Lab ADT in' }).click();
    await seeLive(analyst, 'Version 1');
    await analyst.getByRole('table', { name: 'Deployment history' }).locator('tbody tr').nth(2).waitFor();
    expect(await analyst.getByRole('heading', { name: 'Deploy', exact: true }).count()).toBe(0);
    expect(await analyst.getByRole('button', { name: /^(Roll back|Replace the token)/ }).count()).toBe(0);
    const channelId = analyst.url().split('/').pop()!;
    const versions = must(
      await apiQuery<Array<{ id: string; number: number }>>(analyst, base, 'versions.list', { mappingId }),
    );
    const version2 = versions.find((v) => v.number === 2)!;
    const refused = await apiMutation(analyst, base, 'deployments.deploy', {
      channelId,
      versionId: version2.id,
    });
    expect(refused).toMatchObject({ ok: false, status: 403, code: 'FORBIDDEN' });

    await author.context.close();
    await reviewer.context.close();
  }, 240_000);
});
