import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMutation, apiQuery, AUTHOR, createAccounts, must, REVIEWER, signedIn } from '../support/accounts';
import { createSmallMapping } from '../support/editor-fixture';
import { ARTIFACTS, ROOT, startStudio, type Studio } from '../support/studio';

const OWN_VERSION = 'You cannot approve your own version: another reviewer must approve it.';

let studio: Studio;
let corpus: string;
const CORPUS_FILES = 3;

beforeAll(async () => {
  // A small review corpus: copies of three example messages under other names.
  corpus = mkdtempSync(join(tmpdir(), 'mapwright-corpus-'));
  const samples = join(ROOT, 'mappings/adt-patient/samples');
  for (const name of readdirSync(samples).sort().slice(0, CORPUS_FILES))
    copyFileSync(join(samples, name), join(corpus, `corpus-${name}`));
  studio = await startStudio({ examples: true, reviewCorpus: corpus });
  // The author also reviews other people's work: the refusal below is about whose version it is, not the role.
  await createAccounts(studio, [
    { person: AUTHOR, roles: ['analyst', 'reviewer'] },
    { person: REVIEWER, roles: ['reviewer'] },
  ]);
}, 120_000);

afterAll(async () => {
  await studio?.close();
  rmSync(corpus, { recursive: true, force: true });
});

interface Summary {
  id: string;
  slug: string;
  name: string;
}
interface Opened {
  id: string;
  draftRevision: number;
  graph: { nodes: Array<{ id: string; label?: string; expression?: string }> };
}

/** The analyst's edit, saved as the draft through the API: birthDate keeps only the year of PID-7. */
async function changeBirthDate(page: Page): Promise<{ id: string; name: string }> {
  const base = studio.base;
  const mappings = must(await apiQuery<Summary[]>(page, base, 'mappings.list', undefined));
  const adt = mappings.find((m) => m.slug === 'adt-patient')!;
  const opened = must(await apiQuery<Opened>(page, base, 'mappings.open', { id: adt.id }));
  const graph = structuredClone(opened.graph);
  const birthDate = graph.nodes.find((n) => n.id === 'birthDate')!;
  birthDate.expression = '$match($string($dob[0].C1), /^\\d{4}/) ? $substring($string($dob[0].C1), 0, 4)';
  must(
    await apiMutation(page, base, 'mappings.saveDraft', {
      id: adt.id,
      expectedRevision: opened.draftRevision,
      graph,
    }),
  );
  return { id: adt.id, name: adt.name };
}

/** The example's expected bundles hold full dates: the new behaviour is accepted as expected (as the analyst would). */
async function acceptNewOutput(page: Page, mappingId: string, versionId: string): Promise<void> {
  const cases = await apiQuery<Array<{ id: string; updatedAt: string }>>(
    page,
    studio.base,
    'testCases.list',
    {
      mappingId,
    },
  );
  if (!cases.ok) return;
  for (const test of cases.data)
    must(
      await apiMutation(page, studio.base, 'testCases.acceptActual', {
        id: test.id,
        source: { kind: 'version', versionId },
        expectedUpdatedAt: test.updatedAt,
      }),
    );
}

describe('reviewing a version', () => {
  it('lets a reviewer see what changed and approve, and refuses the author their own approval', async () => {
    // The analyst edits, commits and submits through the studio.
    const author = await signedIn(studio, AUTHOR);
    const adt = await changeBirthDate(author.page);
    await author.page.goto(`${studio.base}/#/mappings/${adt.id}`);
    await author.page.getByRole('heading', { name: adt.name }).waitFor();
    await author.page.getByRole('button', { name: 'Commit version' }).click();
    const commit = author.page.getByRole('dialog', { name: 'Commit a version' });
    await commit.getByLabel('Message').fill('birthDate: keep the year only');
    await commit.getByRole('button', { name: 'Commit' }).click();
    await author.page.getByRole('status').filter({ hasText: 'Version 2 committed.' }).waitFor();

    await author.page.getByRole('button', { name: 'History' }).click();
    const history = author.page.getByRole('complementary', { name: 'History' });
    const v2 = history.locator('[data-version="2"]');
    await v2.getByText('birthDate: keep the year only').waitFor();
    await v2.getByText(AUTHOR.email).waitFor();
    const versions = must(
      await apiQuery<Array<{ id: string; number: number }>>(author.page, studio.base, 'versions.list', {
        mappingId: adt.id,
      }),
    );
    const v2Id = versions.find((v) => v.number === 2)!.id;
    await acceptNewOutput(author.page, adt.id, v2Id);

    await v2.getByRole('button', { name: 'Submit for review' }).click();
    const submit = author.page.getByRole('dialog', { name: 'Submit version 2 for review' });
    await submit.getByLabel('Description').fill('PID-7 often has a bogus day: keep the year only.');
    await submit.getByRole('button', { name: 'Submit for review' }).click();
    await v2.locator('[data-review-state="in-review"]').waitFor();

    // The author may look at the review but not approve it: the page says why.
    await author.page.goto(`${studio.base}/#/review/${v2Id}`);
    await author.page.getByRole('list', { name: 'Why you cannot approve' }).getByText(OWN_VERSION).waitFor();
    await expect.poll(() => author.page.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    // ... and the server refuses it however it is asked.
    const refused = await apiMutation(author.page, studio.base, 'reviews.approve', { versionId: v2Id });
    expect(refused).toMatchObject({ ok: false, status: 403, code: 'FORBIDDEN', message: OWN_VERSION });

    // The reviewer finds it in the queue on the home page.
    const reviewer = await signedIn(studio, REVIEWER);
    const page = reviewer.page;
    // Monaco's diff editor and its workers come from the studio itself, never from elsewhere.
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(r.url())) outside.push(r.url());
    });
    await page
      .getByRole('region', { name: 'Waiting for review' })
      .getByRole('link', { name: `${adt.name} version 2` })
      .click();
    await page.getByRole('heading', { name: `Review: ${adt.name} version 2` }).waitFor();
    await page.getByLabel('Description').getByText('PID-7 often has a bogus day').waitFor();

    // (1) The changed node is highlighted on the canvas and its parameter listed.
    const node = page.locator('.react-flow__node[data-id="birthDate"]');
    await node.and(page.locator('[data-diff="changed"]')).waitFor({ timeout: 60_000 });
    const changes = page.getByRole('region', { name: 'Changed parameters' });
    await changes.locator('[data-change-node="birthDate"]').getByText('expression').waitFor();
    expect(await page.locator('.react-flow__node[data-diff="changed"]').count()).toBe(1);

    // (3) The output differences, grouped: birthDate changed in every message that has a birth date.
    const output = page.getByRole('region', { name: 'Output differences' });
    const group = output
      .locator('summary')
      .filter({ hasText: /^Patient\.birthDate changed in \d+ of \d+ messages$/ });
    await group.waitFor();
    const [, count, total] = /in (\d+) of (\d+)/.exec((await group.textContent()) ?? '')!;
    expect(Number(count)).toBeGreaterThan(0);
    expect(Number(count)).toBeLessThanOrEqual(Number(total));
    // The corpus adds its messages to the comparison when asked.
    await output.getByLabel('Include corpus').check();
    const withCorpus = new RegExp(
      `^Patient\\.birthDate changed in \\d+ of ${Number(total) + CORPUS_FILES} messages$`,
    );
    await output.locator('summary').filter({ hasText: withCorpus }).waitFor({ timeout: 60_000 });
    await output.getByText(`Include corpus (${CORPUS_FILES} messages)`).waitFor();
    await group.click();
    const firstMessage = output.locator('.diff-messages > li summary').first();
    await firstMessage.click();
    await output.locator('.element-diffs th').filter({ hasText: 'Patient.birthDate' }).first().waitFor();

    // (2) Both programs side by side, (4) the checks of both versions.
    await page.locator('.program-diff .monaco-diff-editor').waitFor();
    await page.getByRole('region', { name: 'Tests and validation' }).getByText('Validation errors').waitFor();

    // A comment anchored to the node: the node shows a marker, the comment selects the node.
    await changes.locator('[data-change-node="birthDate"] button').first().click();
    const commentBox = page.getByRole('form', { name: 'Comment' });
    await commentBox.getByText('Comment on node').waitFor();
    await commentBox.getByLabel('Comment text').fill('A year alone is a valid FHIR date: fine.');
    await commentBox.getByRole('button', { name: 'Add comment' }).click();
    const timeline = page.getByRole('region', { name: 'Review timeline' });
    await timeline.getByText('A year alone is a valid FHIR date: fine.').waitFor();
    await page.locator('.react-flow__node[data-id="birthDate"][data-comments="1"]').waitFor();
    // Clicking the empty canvas clears the selection; the comment's anchor selects the node again.
    await page.locator('.diff-canvas .react-flow__pane').dispatchEvent('click');
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(0);
    await timeline.getByRole('button', { name: 'birthDate' }).click();
    await page.locator('.react-flow__node[data-id="birthDate"].selected').waitFor();

    // The decision.
    const approve = page.getByRole('button', { name: 'Approve' });
    await expect.poll(() => approve.isEnabled(), { timeout: 60_000 }).toBe(true);
    await approve.click();
    await page.locator('.page-head [data-review-state="approved"]').getByText('Approved').waitFor();
    await timeline.locator('[data-action="approve"]').getByText(REVIEWER.email).waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'review.png') });
    expect(outside).toEqual([]);

    await author.context.close();
    await reviewer.context.close();
  });

  it('sends a version back with a note, and the author can submit it again', async () => {
    const id = await createSmallMapping(studio.db, 'Sent back ADT');
    const author = await signedIn(studio, AUTHOR);
    const base = studio.base;
    const opened = must(await apiQuery<Opened>(author.page, base, 'mappings.open', { id }));
    must(
      await apiMutation(author.page, base, 'versions.commit', {
        mappingId: id,
        expectedRevision: opened.draftRevision,
        message: 'first',
      }),
    );
    const graph = structuredClone(opened.graph);
    graph.nodes.find((n) => n.id === 'humanName')!.label = 'Name';
    const saved = must(
      await apiMutation<{ draftRevision: number }>(author.page, base, 'mappings.saveDraft', {
        id,
        expectedRevision: opened.draftRevision,
        graph,
      }),
    );
    const v2 = must(
      await apiMutation<{ id: string }>(author.page, base, 'versions.commit', {
        mappingId: id,
        expectedRevision: saved.draftRevision,
        message: 'shorter label',
      }),
    );
    must(
      await apiMutation(author.page, base, 'reviews.submit', {
        versionId: v2.id,
        description: 'A shorter label.',
      }),
    );

    const reviewer = await signedIn(studio, REVIEWER);
    const page = reviewer.page;
    await page.goto(`${base}/#/review/${v2.id}`);
    await page
      .locator('.react-flow__node[data-id="humanName"][data-diff="changed"]')
      .waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Request changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request changes to version 2' });
    // A decision to send work back says why.
    expect(await dialog.getByRole('button', { name: 'Request changes' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Note').fill('Keep the longer label: analysts search for it.');
    await dialog.getByRole('button', { name: 'Request changes' }).click();
    await page.locator('.page-head [data-review-state="changes-requested"]').waitFor();
    const timeline = page.getByRole('region', { name: 'Review timeline' });
    await timeline.locator('[data-action="request_changes"]').getByText('Keep the longer label').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);

    // Back with the author: the history shows the state, and the version can go to review again.
    await author.page.goto(`${base}/#/mappings/${id}`);
    await author.page.getByRole('button', { name: 'History' }).click();
    const item = author.page.getByRole('complementary', { name: 'History' }).locator('[data-version="2"]');
    await item.locator('[data-review-state="changes-requested"]').getByText('Changes requested').waitFor();
    await item.getByRole('button', { name: 'Submit for review' }).click();
    const submit = author.page.getByRole('dialog', { name: 'Submit version 2 for review' });
    await submit
      .getByLabel('Description')
      .fill('Explained in the comment: the short label is the team convention.');
    await submit.getByRole('button', { name: 'Submit for review' }).click();
    await item.locator('[data-review-state="in-review"]').waitFor();

    await author.context.close();
    await reviewer.context.close();
  });
});
