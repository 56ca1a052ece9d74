import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { translator } from '../../src/i18n/i18n.js';
import { DEFAULT_TIME_ZONE } from '../../src/i18n/time-zones.js';
import { findEditionIdByCode } from '../../src/modules/catalogue/find-ids.js';
import { sendDigests } from '../../src/modules/forums/digests/send-digests.js';
import { DIGEST_HOUR, localDayAndHour } from '../../src/modules/forums/forum.js';
import { TINY_PDF } from '../helpers/application-factories.js';
import {
  clickAndWait,
  DEMO_PASSWORD,
  describeJourney,
  expectNoAxeViolations,
  JOURNEY_TIMEOUT_MS,
  readOutbox,
  signIn,
  textOf,
} from './browser-helpers.js';

/**
 * Issue 14's journey, in French: the demo Academy's facilitator forms two balanced groups, opens a
 * role-play whose two roles go to those groups and a structured debate; the two participants (who read the
 * platform in French) each see only their own private brief, post in character (the other sees the role,
 * not the name) and open the debate; one follows the course forum with a daily digest and receives it when
 * the other writes there; a post reported by a participant is hidden by the facilitator; the facilitator
 * publishes the debrief; the gradebook export carries each person's participation. axe on every page.
 */

const fr = translator('fr');
const en = translator('en');
const FACILITATOR = 'facilitator@example.org';
const LAN = 'participant@example.org';
const CARLOS = 'carlos.nunez@example.org';

/** `YYYY-MM-DDTHH:mm` for a datetime-local field, `days` from today. */
function localInput(days: number, time = '12:00'): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
}

describeJourney(
  'browser: learning together (groups, role-play, debate, forum)',
  { jobRunner: true },
  (journey) => {
    const check = (page: Page) => expectNoAxeViolations(page);
    const click = (page: Page, name: string, role: 'link' | 'button' = 'link') =>
      clickAndWait(page, () => page.getByRole(role, { name, exact: true }).first().click());
    const field = (page: Page, name: string) => page.locator(`[name="${name}"]`).first();
    const inFrench = async (page: Page, email: string) => {
      await signIn(page, journey.server.url, email, DEMO_PASSWORD);
      await page.goto(`${journey.server.url}/lang/fr?next=/my/pathway`);
    };

    test(
      'a facilitator forms balanced groups, opens a role-play for them and a debate; participants post in character, get a digest; a reported post is hidden; the debrief is published; participation reaches the gradebook',
      async () => {
        const url = journey.server.url;
        const lan = await journey.open();
        await inFrench(lan, LAN);
        const editionId =
          (await findEditionIdByCode(journey.server.deps.db, journey.server.deps, 'A9012027')) ?? '';
        const spacePath = `/spaces/${editionId}`;
        await lan.goto(`${url}${spacePath}`);
        await check(lan);

        // Two groups formed with balance.
        const staff = await journey.open();
        await signIn(staff, url, FACILITATOR, DEMO_PASSWORD);
        await staff.goto(`${url}${spacePath}/groups`);
        await check(staff);
        await staff.getByLabel(fr.t('groups.create.name')).fill('Délégations');
        await staff.getByLabel(fr.t('groups.create.formation')).selectOption('balanced');
        await staff.getByLabel(fr.t('groups.create.groupCount')).fill('2');
        await click(staff, fr.t('groups.create.submit'), 'button');
        await check(staff);
        // The set's page: two groups sharing the confirmed participants evenly.
        const sizes = await Promise.all(
          (await staff.locator('section.card').all()).map((card) => card.locator('li').count()),
        );
        expect(sizes).toHaveLength(2);
        expect(Math.abs((sizes[0] ?? 0) - (sizes[1] ?? 0))).toBeLessThanOrEqual(1);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);

        // A role-play for those two groups.
        await staff.goto(`${url}${spacePath}/build`);
        await click(staff, fr.t('roleplays.kind.label'));
        await check(staff);
        await staff
          .getByLabel(fr.t('spaces.build.itemTitle', { language: fr.t('spaces.language.fr') }))
          .fill('Négocier un accord bilatéral');
        await click(staff, fr.t('form.save'), 'button');
        const itemId = /items\/([\w-]+)/.exec(staff.url())?.[1];
        expect(itemId).toBeTruthy();
        await staff.goto(`${url}/roleplays/${itemId}/manage`);
        await check(staff);
        const roles = [
          {
            name: 'Ministère du travail du pays d’origine',
            public: 'Vous représentez le pays d’origine.',
            private: 'SECRET-ORIGINE : vous pouvez céder sur les frais de recrutement.',
          },
          {
            name: 'Ministère du travail du pays de destination',
            public: 'Vous représentez le pays de destination.',
            private: 'SECRET-DESTINATION : le quota peut monter à 5 000.',
          },
        ];
        for (const role of roles) {
          const form = staff.locator('form[action$="/roles"]');
          await form.evaluate((element) => {
            (element.closest('details') as HTMLDetailsElement).open = true;
          });
          await form.locator('[name="name.fr"]').fill(role.name);
          await form.locator('[name="publicBrief.fr"]').fill(role.public);
          await form.locator('[name="privateBrief.fr"]').fill(role.private);
          await clickAndWait(staff, () =>
            form.getByRole('button', { name: fr.t('roleplays.manage.addRole'), exact: true }).click(),
          );
        }
        await field(staff, 'title.fr').fill('Première séance de négociation');
        await field(staff, 'startsAt').fill(localInput(-1));
        await field(staff, 'endsAt').fill(localInput(7));
        await click(staff, fr.t('roleplays.manage.addPhase'), 'button');
        await staff.getByLabel(fr.t('roleplays.manage.groupSet')).selectOption({
          label: fr.t('roleplays.manage.groupSetOption', { name: 'Délégations', count: 2 }),
        });
        await click(staff, fr.t('roleplays.manage.assign'), 'button');
        expect(await textOf(staff.locator('main'))).toContain(fr.t('roleplays.flash.assigned'));
        await check(staff);

        // A debate whose teams the facilitator assigns.
        await staff.goto(`${url}${spacePath}/build`);
        await click(staff, fr.t('forums.kind.debate'));
        await staff
          .getByLabel(fr.t('spaces.build.itemTitle', { language: fr.t('spaces.language.fr') }))
          .fill('Débat : le recrutement équitable');
        await staff
          .getByLabel(fr.t('forums.debate.build.motion'))
          .fill('Les frais de recrutement doivent être interdits');
        await staff.getByLabel(fr.t('forums.debate.build.positions')).fill('Pour\nContre');
        await staff.getByLabel(fr.t('forums.debate.build.deadline.opening')).fill(localInput(2));
        await staff.getByLabel(fr.t('forums.debate.build.deadline.rebuttal')).fill(localInput(4));
        await staff.getByLabel(fr.t('forums.debate.build.deadline.closing')).fill(localInput(6));
        await click(staff, fr.t('form.save'), 'button');
        await check(staff);
        const debateLink = staff.getByRole('link', { name: fr.t('forums.debate.open'), exact: true }).first();
        const debatePath = (await debateLink.getAttribute('href')) ?? '';
        expect(debatePath).toMatch(/^\/debates\//);
        await staff.goto(`${url}${debatePath}`);
        const teamSelects = staff.locator('select[name^="team."]');
        const people = await teamSelects.count();
        expect(people).toBeGreaterThanOrEqual(2);
        // Alternately for and against.
        for (let i = 0; i < people; i++) await teamSelects.nth(i).selectOption({ index: 1 + (i % 2) });
        await click(staff, fr.t('forums.debate.saveTeams'), 'button');
        await check(staff);

        // Each participant sees their own private brief only, and posts in character.
        const carlos = await journey.open();
        await inFrench(carlos, CARLOS);
        const briefs: Record<string, string> = {};
        let phaseUrl = '';
        for (const [who, page] of [
          ['lan', lan],
          ['carlos', carlos],
        ] as const) {
          await page.goto(`${url}/spaces/${editionId}/items/${itemId}`);
          await check(page);
          const text = await textOf(page.locator('main'));
          const mine = roles.filter((r) => text.includes(r.private));
          expect(mine, who).toHaveLength(1);
          briefs[who] = mine[0]?.name ?? '';
          await clickAndWait(page, () => page.locator('a[href*="/phases/"]').first().click());
          phaseUrl = page.url();
          await check(page);
          const subject = who === 'lan' ? 'Notre proposition' : 'Notre réponse';
          const topic = page.locator('form').filter({ has: page.locator('[name="subject"]') });
          await topic.locator('[name="subject"]').fill(subject);
          await topic
            .locator('[name="body"]')
            .fill(who === 'lan' ? 'Nous proposons un accord sur les frais.' : 'Nous acceptons de discuter.');
          // Lan's proposal carries the draft text as a file, from the phase page's own form.
          if (who === 'lan')
            await topic
              .locator('input[type="file"]')
              .setInputFiles({ name: 'proposition.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
          await clickAndWait(page, () =>
            topic.getByRole('button', { name: fr.t('roleplays.discussion.send'), exact: true }).click(),
          );
          expect(await textOf(page.locator('main'))).toContain(subject);
          if (who === 'lan') expect(await textOf(page.locator('main'))).toContain('proposition.pdf');
        }
        // Carlos sees Lan's topic under her role's name, never her own name.
        await carlos.goto(phaseUrl);
        const lanTopic = carlos.locator('.card', { hasText: 'Notre proposition' }).first();
        expect(await textOf(lanTopic)).toContain(briefs.lan);
        expect(await textOf(carlos.locator('main'))).not.toContain('Nguyễn');
        await carlos.screenshot({ path: join(tmpdir(), 'learning-together-phase-fr.png'), fullPage: true });

        // Lan follows the course forum with a daily digest; Carlos writes there, once off-topic.
        const courseForum = await journey.server.deps.db
          .selectFrom('forums')
          .select('id')
          .where('edition_id', '=', editionId)
          .where('scope_kind', '=', 'space')
          .executeTakeFirstOrThrow();
        const forumPath = `/forums/${courseForum.id}`;
        await lan.goto(`${url}${forumPath}`);
        await check(lan);
        await field(lan, 'subject').fill('Bonjour de Hanoï');
        await field(lan, 'body').fill('Je travaille sur la migration de main-d’œuvre vers le Japon.');
        await click(lan, fr.t('forums.forum.start'), 'button');
        await lan.goto(`${url}${forumPath}`);
        await lan.locator('select[name="mode"]').first().selectOption('digest');
        await click(lan, fr.t('forums.subscribe.save'), 'button');
        await carlos.goto(`${url}${forumPath}`);
        await field(carlos, 'subject').fill('Achetez des montres pas chères');
        await field(carlos, 'body').fill('Publicité sans rapport avec le cours.');
        await click(carlos, fr.t('forums.forum.start'), 'button');
        const spamPath = new URL(carlos.url()).pathname;
        expect(spamPath).toMatch(/^\/threads\//);

        // Digests leave from 07:00 in the reader's time zone: the run is at the first such moment from now
        // (the same day's posts are still within its 24 hours), whatever hour the test runs at.
        const lanZone =
          (
            await journey.server.deps.db
              .selectFrom('users')
              .select('time_zone')
              .where('email', '=', LAN)
              .executeTakeFirstOrThrow()
          ).time_zone ?? DEFAULT_TIME_ZONE;
        const digestAt = new Date();
        while (localDayAndHour(digestAt, lanZone).hour < DIGEST_HOUR)
          digestAt.setTime(digestAt.getTime() + 15 * 60_000);
        const digest = await sendDigests(journey.server.deps.db, journey.server.deps, digestAt);
        expect(digest.sent).toBeGreaterThanOrEqual(1);
        // The digest is mailed by the job runner, in Lan's own language (English): wait for it.
        const subject = en.t('forums.notice.digest.subject', { posts: 1 }).split(':')[0] ?? '';
        let mail = await readOutbox(journey.server.dataDir, LAN, { timeoutMs: 20_000 });
        for (let tries = 0; !mail.text.includes(subject) && tries < 100; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          mail = await readOutbox(journey.server.dataDir, LAN);
        }
        expect(mail.text).toContain(subject);

        // Lan reports the post; the facilitator hides it; Lan no longer sees it.
        // A post's actions are links: the chosen one opens as the page's single form, under the post.
        await lan.goto(`${url}${spamPath}`);
        await click(lan, fr.t('forums.post.report'));
        await check(lan);
        await field(lan, 'reason').fill('Publicité');
        await click(lan, fr.t('forums.post.report'), 'button');
        expect(await textOf(lan.locator('main'))).toContain(fr.t('forums.flash.reported'));
        await staff.goto(`${url}${spamPath}`);
        await check(staff);
        await click(staff, fr.t('forums.post.hide'));
        await field(staff, 'note').fill('Publicité');
        await click(staff, fr.t('forums.post.hide'), 'button');
        expect(await textOf(staff.locator('main'))).toContain(fr.t('forums.flash.hidden'));
        await lan.goto(`${url}${spamPath}`);
        expect(await textOf(lan.locator('main'))).not.toContain('Publicité sans rapport');

        // The debrief, published, reaches the participants.
        await staff.goto(`${url}/roleplays/${itemId}/manage`);
        await field(staff, 'debrief.fr').fill(
          'Débriefing : les deux délégations ont trouvé un terrain d’entente.',
        );
        await staff.locator('[name="publish"]').check();
        await clickAndWait(staff, () =>
          staff
            .locator('form')
            .filter({ has: staff.locator('[name="debrief.fr"]') })
            .getByRole('button', { name: fr.t('roleplays.manage.save'), exact: true })
            .click(),
        );
        await lan.goto(`${url}/spaces/${editionId}/items/${itemId}`);
        expect(await textOf(lan.locator('main'))).toContain('les deux délégations ont trouvé');
        await check(lan);

        // Participation in the gradebook export (once the edition has a result policy: one component, 100 %).
        await staff.goto(`${url}/results/${editionId}/policy`);
        await staff.locator('input[name$=".weight"]').first().fill('100');
        await click(staff, fr.t('results.policy.save'), 'button');
        expect(new URL(staff.url()).pathname).toBe(`/results/${editionId}`);
        await check(staff);
        const csv = await staff.evaluate(
          async (path) => (await fetch(path, { credentials: 'same-origin' })).text(),
          `/results/${editionId}/gradebook.csv`,
        );
        const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
        expect(Object.keys(rows[0] ?? {})).toEqual(
          expect.arrayContaining(['forum_threads', 'forum_replies', 'forum_posts', 'debate_rounds']),
        );
        // Lan opened a thread in the course forum.
        const lanRow = rows.find((row) => row.email === LAN);
        expect(Number(lanRow?.forum_threads)).toBeGreaterThanOrEqual(1);
      },
      JOURNEY_TIMEOUT_MS * 3,
    );
  },
);
