import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleStatus } from '../../../src/content/articles/article.ts';
import { DESK_ACTIONS, listIsOwnOnly, mayDo, nextStatus, type DeskAction, type Transition } from '../../../src/content/articles/workflow.ts';
import type { Actor } from '../../../src/content/users/actor.ts';
import { AppError } from '../../../src/errors.ts';

const writer: Actor = { userId: 1, role: 'writer', name: 'كاتب' };
const editor: Actor = { userId: 2, role: 'editor', name: 'محرر' };
const admin: Actor = { userId: 3, role: 'admin', name: 'مدير' };
const STATUSES: readonly ArticleStatus[] = ['draft', 'review', 'scheduled', 'published', 'unpublished'];

/** What a writer may do to their own article, by status (an editor or admin may do everything). */
const WRITER_OWN: Record<DeskAction, readonly ArticleStatus[]> = {
  create: STATUSES,
  nearDuplicates: STATUSES,
  view: STATUSES,
  submit: STATUSES,
  save: ['draft'],
  restore: ['draft'],
  publish: [],
  schedule: [],
  unpublish: [],
  returnToDraft: [],
  addNote: [],
};
/** What a writer may do to someone else's article. */
const WRITER_OTHER: readonly DeskAction[] = ['create', 'nearDuplicates'];

test('role rules: every action × status for a writer (own and other), an editor and an admin', () => {
  assert.deepEqual(Object.keys(WRITER_OWN).sort(), [...DESK_ACTIONS].sort(), 'the table covers every action');
  for (const action of DESK_ACTIONS) {
    for (const status of STATUSES) {
      const own = { authorId: writer.userId, status };
      const others = { authorId: 99, status };
      assert.equal(mayDo(writer, action, own), WRITER_OWN[action].includes(status), `writer, own ${status}: ${action}`);
      assert.equal(mayDo(writer, action, others), WRITER_OTHER.includes(action), `writer, other's ${status}: ${action}`);
      assert.equal(mayDo(writer, action, { authorId: null, status }), WRITER_OTHER.includes(action), `writer, imported ${status}: ${action}`);
      for (const boss of [editor, admin]) assert.equal(mayDo(boss, action, others), true, `${boss.role}: ${action}`);
    }
  }
  const stranger = { userId: 4, role: 'reader', name: 'x' } as unknown as Actor;
  assert.ok(DESK_ACTIONS.every((action) => !mayDo(stranger, action, { authorId: 4, status: 'draft' })), 'an unknown role may do nothing');
});

test('transitions: draft → review → scheduled/published → unpublished, and nothing else', () => {
  const expected: Record<Transition, Partial<Record<ArticleStatus, ArticleStatus>>> = {
    submit: { draft: 'review' },
    publish: { draft: 'published', review: 'published', scheduled: 'published', unpublished: 'published' },
    schedule: { draft: 'scheduled', review: 'scheduled', scheduled: 'scheduled' },
    unpublish: { published: 'unpublished' },
    returnToDraft: { review: 'draft', scheduled: 'draft', unpublished: 'draft' },
    publishDue: { scheduled: 'published' },
  };
  for (const [transition, outcomes] of Object.entries(expected) as [Transition, Partial<Record<ArticleStatus, ArticleStatus>>][]) {
    for (const from of STATUSES) {
      const to = outcomes[from];
      if (to) assert.equal(nextStatus(transition, from), to, `${transition} from ${from}`);
      else assert.throws(() => nextStatus(transition, from), (e: unknown) => e instanceof AppError && e.code === 'ARTICLE_TRANSITION_INVALID', `${transition} from ${from}`);
    }
  }
});

test("a writer's desk lists are their own work, except what was published today", () => {
  for (const list of ['mine', 'review', 'scheduled', 'all'] as const) {
    assert.equal(listIsOwnOnly(writer, list), true, list);
    assert.equal(listIsOwnOnly(editor, list), false, list);
  }
  assert.equal(listIsOwnOnly(writer, 'published-today'), false);
});
