// Queue: waiting and active hand-offs with wait times and context, claim (first claim wins, then the chat
// opens), callback tickets, and low ratings to follow up.
import { h, table } from './dom.js';
import { errorText, formatDate, formatDuration, languageName } from './format.js';
import { contextFacts } from './view-chat.js';

/** Renders the queue and refreshes it every 15 seconds; returns the cleanup. */
export async function renderQueue(ctx, main) {
  const { api, t, lang, notify, go } = ctx;

  const claim = async (handoff, button) => {
    button.disabled = true;
    try {
      await api.post(`/api/console/handoffs/${encodeURIComponent(handoff.id)}/claim`);
      notify(t('queue.claimed'), 'success');
      go('chat', encodeURIComponent(handoff.id));
      return;
    } catch (err) {
      if (err.status === 409)
        notify(err.body.by ? t('queue.alreadyTaken', { name: err.body.by }) : t('queue.alreadyTakenUnknown'), 'error');
      else notify(errorText(t, err), 'error');
    }
    await draw();
  };

  const done = async (ticket) => {
    try {
      await api.post(`/api/console/callbacks/${encodeURIComponent(ticket.id)}/done`);
      notify(t('queue.done'), 'success');
    } catch (err) {
      notify(errorText(t, err), 'error');
    }
    await draw();
  };

  const followUp = async (rating) => {
    try {
      await api.post(`/api/console/ratings/${encodeURIComponent(rating.id)}/follow-up`);
      notify(t('queue.followedUp'), 'success');
    } catch (err) {
      notify(errorText(t, err), 'error');
    }
    await draw();
  };

  const chatButton = (handoff) =>
    h(
      'button',
      { type: 'button', className: 'link', dataset: { chat: handoff.id }, onclick: () => go('chat', encodeURIComponent(handoff.id)) },
      t('chat.open'),
    );
  const context = (x) =>
    h('details', { className: 'context-details' }, h('summary', {}, x.topic || t('common.unknown')), contextFacts(t, x.context));

  const transcriptButton = (conversationId) =>
    h(
      'button',
      { type: 'button', className: 'link', onclick: () => go('conversations', encodeURIComponent(conversationId)) },
      t('queue.transcript'),
    );

  async function draw() {
    const { handoffs, callbacks, lowRatings = [] } = await api.get('/api/console/queue');
    const waiting = handoffs.filter((x) => x.status === 'WAITING');
    const active = handoffs.filter((x) => x.status === 'ACTIVE');
    main.replaceChildren(
      h('div', { className: 'toolbar' }, h('button', { type: 'button', onclick: () => void draw() }, t('common.refresh'))),
      table(
        t('queue.waitingTitle'),
        [
          t('queue.position'),
          t('queue.user'),
          t('queue.channel'),
          t('queue.language'),
          t('queue.topic'),
          t('queue.waited'),
          t('queue.actions'),
        ],
        waiting.map((x) => [
          String(x.position),
          x.userName || t('common.unknown'),
          x.channelId,
          languageName(t, x.language),
          context(x),
          formatDuration(t, x.waitSeconds),
          h(
            'span',
            { className: 'actions' },
            h(
              'button',
              { type: 'button', className: 'primary', dataset: { claim: x.id }, onclick: (e) => void claim(x, e.currentTarget) },
              t('queue.claim'),
            ),
            transcriptButton(x.conversationId),
          ),
        ]),
        t('common.none'),
      ),
      table(
        t('queue.activeTitle'),
        [t('queue.user'), t('queue.channel'), t('queue.agent'), t('queue.topic'), t('queue.waitedBeforeClaim'), t('queue.actions')],
        active.map((x) => [
          x.userName || t('common.unknown'),
          x.channelId,
          x.agentName || t('common.unknown'),
          context(x),
          formatDuration(t, x.waitSeconds),
          h('span', { className: 'actions' }, chatButton(x), transcriptButton(x.conversationId)),
        ]),
        t('common.none'),
      ),
      table(
        t('queue.lowRatingsTitle'),
        [t('queue.rating'), t('queue.agent'), t('queue.comment'), t('queue.received'), t('queue.actions')],
        lowRatings.map((r) => [
          h('span', { className: 'flag', dataset: { rating: r.id } }, t('queue.ratingValue', { score: r.score })),
          r.agentName || t('common.unknown'),
          h('span', { dir: 'auto' }, r.comment || t('common.unknown')),
          formatDate(lang, r.ratedAt),
          h(
            'span',
            { className: 'actions' },
            h('button', { type: 'button', onclick: () => void followUp(r) }, t('queue.markFollowedUp')),
            transcriptButton(r.conversationId),
          ),
        ]),
        t('common.none'),
      ),
      table(
        t('queue.callbacksTitle'),
        [t('queue.user'), t('queue.channel'), t('queue.message'), t('queue.received'), t('queue.actions')],
        callbacks.map((x) => [
          x.userName || t('common.unknown'),
          x.channelId,
          h('span', { dir: 'auto' }, x.message),
          formatDate(lang, x.createdAt),
          h(
            'span',
            { className: 'actions' },
            h('button', { type: 'button', onclick: () => void done(x) }, t('queue.markDone')),
            transcriptButton(x.conversationId),
          ),
        ]),
        t('common.none'),
      ),
    );
  }

  await draw();
  const timer = setInterval(() => void draw().catch(() => undefined), 15000);
  return () => clearInterval(timer);
}
