// Chat: a claimed hand-off in the console — live transcript (polled every second), context, suggested
// answers, saved replies, a reply box, private notes and End. #chat lists the chats in progress.
import { field, h, table } from './dom.js';
import { errorText, formatDate, languageName } from './format.js';

/** How often the transcript is polled, so the user's replies appear within a second. */
const pollMs = 900;

/** The transcript as list items (newest last). */
export function transcriptItems(t, lang, messages) {
  return messages.map((m) =>
    h(
      'li',
      { className: `msg msg-${m.direction}${m.private ? ' msg-private' : ''}`, dataset: { id: m.id } },
      h(
        'span',
        { className: 'msg-meta' },
        `${m.private ? t('conversations.private') : t(`conversations.${m.direction}`)}${m.userName ? ` · ${m.userName}` : ''} · ${formatDate(lang, m.createdAt)}`,
      ),
      h('span', { className: 'msg-text', dir: 'auto' }, m.text || ''),
    ),
  );
}

/** The context an agent starts from: language, last messages, open requests, the unfinished form. */
export function contextFacts(t, context) {
  if (!context) return h('p', { className: 'muted' }, t('common.unknown'));
  const none = t('common.unknown');
  const fact = (label, value) => [h('dt', {}, label), h('dd', { dir: 'auto' }, value)];
  return h(
    'dl',
    { className: 'facts context' },
    fact(t('queue.language'), t(`faq.languages.${context.language}`)),
    fact(
      t('chat.lastMessages'),
      context.lastMessages.length
        ? h(
            'ul',
            { className: 'plain' },
            context.lastMessages.map((m) => h('li', { dir: 'auto' }, m)),
          )
        : none,
    ),
    fact(
      t('chat.openRequests'),
      context.openRequests.length
        ? context.openRequests.map((r) => `${r.reference} (${t(`requests.statuses.${r.status}`)})`).join(', ')
        : none,
    ),
    fact(
      t('chat.form'),
      context.form
        ? t('chat.formProgress', {
            kind: t(`requests.kinds.${context.form.kind}`),
            answered: context.form.answered,
            total: context.form.total,
          })
        : none,
    ),
  );
}

/** Renders #chat/<handoffId>, or the list of chats in progress; returns the cleanup (stops polling). */
export async function renderChat(ctx, main) {
  const { api, t, lang, notify, go } = ctx;
  const handoffId = decodeURIComponent(location.hash.split('/').slice(1).join('/') || '');
  if (!handoffId) {
    const { handoffs } = await api.get('/api/console/queue');
    main.replaceChildren(
      table(
        t('chat.listTitle'),
        [t('queue.user'), t('queue.channel'), t('queue.language'), t('queue.agent'), t('queue.actions')],
        handoffs
          .filter((x) => x.status === 'ACTIVE')
          .map((x) => [
            x.userName || t('common.unknown'),
            x.channelId,
            languageName(t, x.language),
            x.agentName || t('common.unknown'),
            h(
              'button',
              { type: 'button', className: 'link', dataset: { chat: x.id }, onclick: () => go('chat', encodeURIComponent(x.id)) },
              t('chat.open'),
            ),
          ]),
        t('common.none'),
      ),
    );
    return undefined;
  }

  let handoff = await api.get(`/api/console/handoffs/${encodeURIComponent(handoffId)}`);
  const { snippets } = await api.get('/api/console/snippets');
  const transcript = h('ol', { className: 'transcript chat-transcript', id: 'chat-transcript', 'aria-live': 'polite' });
  const header = h('div', { className: 'chat-header' });
  const side = h('aside', { className: 'chat-side' });
  const reply = h('textarea', { name: 'reply', id: 'chat-reply', rows: 3, maxlength: 4000, dir: 'auto' });
  const note = h('textarea', { name: 'note', id: 'chat-note', rows: 2, maxlength: 4000, dir: 'auto' });
  const picker = h(
    'select',
    { name: 'snippet', id: 'chat-snippet' },
    h('option', { value: '' }, t('chat.pickSnippet')),
    snippets.map((s) => h('option', { value: s.id }, s.name)),
  );
  const sendButton = h('button', { type: 'submit', className: 'primary', id: 'chat-send' }, t('chat.send'));
  const snippetButton = h(
    'button',
    {
      type: 'button',
      id: 'chat-send-snippet',
      onclick: () =>
        void act(
          () => api.post(`/api/console/handoffs/${encodeURIComponent(handoffId)}/snippets`, { snippetId: picker.value }),
          t('chat.snippetSent'),
        ),
    },
    t('chat.sendSnippet'),
  );
  const endButton = h(
    'button',
    {
      type: 'button',
      id: 'chat-end',
      onclick: () =>
        confirm(t('chat.endConfirm')) &&
        void act(() => api.post(`/api/console/handoffs/${encodeURIComponent(handoffId)}/end`), t('chat.ended')),
    },
    t('chat.end'),
  );

  /** Runs a desk action, says how it went, and refreshes at once (without waiting for it). */
  async function act(call, success) {
    let ok = false;
    try {
      await call();
      notify(success, 'success');
      ok = true;
    } catch (err) {
      if (err.status === 403) notify(t('chat.notYours', { name: err.body.by || '' }), 'error');
      else if (err.status === 409) notify(t('chat.closed'), 'error');
      else if (err.status === 502) notify(t('chat.undelivered'), 'error');
      else notify(errorText(t, err), 'error');
    }
    void refresh(true).catch(() => undefined);
    return ok;
  }

  const replyForm = h(
    'form',
    {
      className: 'chat-reply',
      id: 'chat-reply-form',
      onsubmit: async (event) => {
        event.preventDefault();
        const text = reply.value.trim();
        if (!text) return;
        if (await act(() => api.post(`/api/console/handoffs/${encodeURIComponent(handoffId)}/messages`, { text }), t('chat.sent')))
          reply.value = '';
      },
    },
    field(t('chat.replyLabel'), reply),
    h('div', { className: 'actions' }, sendButton, picker, snippetButton, endButton),
  );
  const noteForm = h(
    'form',
    {
      className: 'inline-form',
      id: 'chat-note-form',
      onsubmit: async (event) => {
        event.preventDefault();
        if (!note.value.trim()) return;
        if (
          await act(
            () => api.post(`/api/console/conversations/${encodeURIComponent(handoff.conversationId)}/notes`, { text: note.value }),
            t('conversations.noteAdded'),
          )
        )
          note.value = '';
      },
    },
    field(t('conversations.noteLabel'), note),
    h('button', { type: 'submit' }, t('conversations.addNote')),
  );

  function drawSide() {
    const suggestions = handoff.context ? handoff.context.suggestions : [];
    side.replaceChildren(
      h('h2', {}, t('chat.contextTitle')),
      contextFacts(t, handoff.context),
      h('h2', {}, t('chat.suggestionsTitle')),
      suggestions.length
        ? h(
            'ol',
            { className: 'suggestions' },
            suggestions.map((s) =>
              h(
                'li',
                { dataset: { topic: s.topicId } },
                h('strong', { dir: 'auto' }, s.question),
                h('p', { dir: 'auto', className: 'muted' }, s.answer),
                h(
                  'button',
                  {
                    type: 'button',
                    disabled: !handoff.mine,
                    onclick: () =>
                      void act(
                        () => api.post(`/api/console/handoffs/${encodeURIComponent(handoffId)}/answers`, { topicId: s.topicId }),
                        t('chat.answerSent'),
                      ),
                  },
                  t('chat.sendAnswer'),
                ),
              ),
            ),
          )
        : h('p', { className: 'muted' }, t('chat.noSuggestions')),
    );
  }

  function drawHeader() {
    const state =
      handoff.status === 'ACTIVE'
        ? handoff.mine
          ? t('chat.yours')
          : t('chat.theirs', { name: handoff.agentName || '' })
        : t(`chat.status.${handoff.status}`);
    header.replaceChildren(
      h('h2', {}, t('chat.title', { user: handoff.userName || t('common.unknown') })),
      h('p', { className: 'muted', id: 'chat-state' }, `${handoff.channelId} · ${state}`),
    );
    const canWrite = handoff.status === 'ACTIVE' && handoff.mine;
    for (const control of [reply, sendButton, picker, snippetButton]) control.disabled = !canWrite;
    endButton.disabled = handoff.status === 'CLOSED' || (handoff.status === 'ACTIVE' && !handoff.mine);
  }

  let lastKey = '';
  let stopped = false;
  /** Polls the transcript; redraws only when it changed. `withHandoff` also re-reads the hand-off's state. */
  async function refresh(withHandoff = false) {
    if (withHandoff) {
      handoff = await api.get(`/api/console/handoffs/${encodeURIComponent(handoffId)}`);
      drawHeader();
      drawSide();
    }
    const data = await api.get(`/api/console/conversations/${encodeURIComponent(handoff.conversationId)}/transcript`);
    const last = data.messages[data.messages.length - 1];
    const key = `${data.messages.length}:${last ? last.id : ''}`;
    if (key === lastKey) return;
    lastKey = key;
    const atBottom = transcript.scrollTop + transcript.clientHeight >= transcript.scrollHeight - 40;
    transcript.replaceChildren(...transcriptItems(t, lang, data.messages));
    if (atBottom) transcript.scrollTop = transcript.scrollHeight;
  }

  drawHeader();
  drawSide();
  main.replaceChildren(
    h('div', { className: 'chat' }, h('section', { className: 'chat-main' }, header, transcript, replyForm, noteForm), side),
  );
  await refresh();
  transcript.scrollTop = transcript.scrollHeight;
  main.dataset.chat = handoffId;

  let ticks = 0;
  const loop = async () => {
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      if (stopped) break;
      ticks += 1;
      // The hand-off's state (ended by the user, taken over) changes rarely: every fifth poll.
      await refresh(ticks % 5 === 0).catch(() => undefined);
    }
  };
  void loop();
  return () => {
    stopped = true;
  };
}
