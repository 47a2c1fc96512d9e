// Conversations: recent ones, a transcript (masked unless revealed, which is audited), private notes.
import { field, h, table } from './dom.js';
import { errorText, formatDate, languageName } from './format.js';

/** Renders the list, and the transcript of the conversation in the hash (#conversations/<id>). */
export async function renderConversations(ctx, main) {
  const { api, t, lang, notify, go } = ctx;
  const selected = decodeURIComponent(location.hash.split('/').slice(1).join('/') || '');
  const { conversations } = await api.get('/api/console/conversations');
  const list = table(
    t('conversations.listTitle'),
    [t('queue.user'), t('queue.channel'), t('queue.language'), t('conversations.updated'), t('queue.actions')],
    conversations.map((c) => [
      c.userName || t('common.unknown'),
      c.channelId,
      languageName(t, c.language),
      formatDate(lang, c.updatedAt),
      h(
        'button',
        { type: 'button', className: 'link', onclick: () => go('conversations', encodeURIComponent(c.conversationId)) },
        t('conversations.open'),
      ),
    ]),
    t('common.none'),
  );
  const detail = h('section', { className: 'detail' });
  main.replaceChildren(list, detail);
  if (selected) await showTranscript(false);

  async function showTranscript(reveal) {
    let data;
    try {
      data = await api.get(`/api/console/conversations/${encodeURIComponent(selected)}/transcript${reveal ? '?reveal=1' : ''}`);
    } catch (err) {
      notify(errorText(t, err), 'error');
      return;
    }
    const note = h('textarea', { name: 'note', rows: 2, maxlength: 4000, required: true, dir: 'auto' });
    const form = h(
      'form',
      {
        className: 'inline-form',
        onsubmit: async (event) => {
          event.preventDefault();
          try {
            await api.post(`/api/console/conversations/${encodeURIComponent(selected)}/notes`, { text: note.value });
            notify(t('conversations.noteAdded'), 'success');
            await showTranscript(reveal);
          } catch (err) {
            notify(errorText(t, err), 'error');
          }
        },
      },
      field(t('conversations.noteLabel'), note),
      h('button', { type: 'submit' }, t('conversations.addNote')),
    );
    detail.replaceChildren(
      h('h2', {}, t('conversations.transcriptTitle', { id: selected })),
      data.revealed
        ? h('p', { className: 'banner banner-warn' }, t('conversations.revealed'))
        : h(
            'p',
            { className: 'muted' },
            t('conversations.masked'),
            ' ',
            h(
              'button',
              { type: 'button', onclick: () => confirm(t('conversations.revealConfirm')) && void showTranscript(true) },
              t('conversations.reveal'),
            ),
          ),
      h(
        'ol',
        { className: 'transcript' },
        data.messages.map((m) =>
          h(
            'li',
            { className: `msg msg-${m.direction}${m.private ? ' msg-private' : ''}` },
            h(
              'span',
              { className: 'msg-meta' },
              `${m.private ? t('conversations.private') : t(`conversations.${m.direction}`)}${m.userName ? ` · ${m.userName}` : ''} · ${formatDate(lang, m.createdAt)}`,
            ),
            h('span', { className: 'msg-text', dir: 'auto' }, m.text || ''),
          ),
        ),
      ),
      form,
    );
  }
}
