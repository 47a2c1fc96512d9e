// Saved replies: a name and a text per language (English required; Urdu and Roman Urdu fall back to it).
import { field, h, table } from './dom.js';
import { errorText } from './format.js';

const languages = ['en', 'ur', 'ur-Latn'];

/** Renders the list and the add / edit form. */
export async function renderSnippets(ctx, main) {
  const { api, t, notify } = ctx;

  async function draw(editing) {
    const { snippets } = await api.get('/api/console/snippets');
    const name = h('input', {
      name: 'name',
      id: 'snippet-name',
      required: true,
      maxlength: 60,
      dir: 'auto',
      value: editing ? editing.name : '',
    });
    const texts = Object.fromEntries(
      languages.map((l) => {
        const area = h('textarea', {
          name: l,
          id: `snippet-${l}`,
          rows: 3,
          maxlength: 4000,
          required: l === 'en',
          dir: l === 'ur' ? 'rtl' : 'auto',
          lang: l,
        });
        area.value = editing ? editing.texts[l] : '';
        return [l, area];
      }),
    );
    const form = h(
      'form',
      {
        className: 'card snippet-texts',
        id: 'snippet-form',
        onsubmit: async (event) => {
          event.preventDefault();
          const body = { name: name.value, ...Object.fromEntries(languages.map((l) => [l, texts[l].value])) };
          try {
            if (editing) await api.put(`/api/console/snippets/${encodeURIComponent(editing.id)}`, body);
            else await api.post('/api/console/snippets', body);
            notify(t('snippets.saved'), 'success');
            await draw();
          } catch (err) {
            notify(err.status === 409 ? t('snippets.duplicate') : errorText(t, err), 'error');
          }
        },
      },
      h('h2', {}, editing ? t('snippets.editTitle', { name: editing.name }) : t('snippets.addTitle')),
      field(t('snippets.name'), name),
      languages.map((l) => field(t(`faq.languages.${l}`), texts[l])),
      h('p', { className: 'muted' }, t('snippets.fallback')),
      h(
        'div',
        { className: 'actions' },
        h('button', { type: 'submit', className: 'primary' }, t('common.save')),
        editing ? h('button', { type: 'button', onclick: () => void draw() }, t('common.cancel')) : '',
      ),
    );
    main.replaceChildren(
      table(
        t('snippets.title'),
        [t('snippets.name'), t('faq.languages.en'), t('faq.languages.ur'), t('faq.languages.ur-Latn'), t('queue.actions')],
        snippets.map((s) => [
          h('code', {}, s.name),
          h('span', { dir: 'auto' }, s.texts.en),
          h('span', { dir: 'rtl', lang: 'ur' }, s.texts.ur || t('common.unknown')),
          h('span', { dir: 'auto' }, s.texts['ur-Latn'] || t('common.unknown')),
          h(
            'span',
            { className: 'actions' },
            h('button', { type: 'button', onclick: () => void draw(s) }, t('snippets.edit')),
            h(
              'button',
              {
                type: 'button',
                onclick: async () => {
                  if (!confirm(t('snippets.deleteConfirm', { name: s.name }))) return;
                  try {
                    await api.del(`/api/console/snippets/${encodeURIComponent(s.id)}`);
                    notify(t('snippets.deleted'), 'success');
                  } catch (err) {
                    notify(errorText(t, err), 'error');
                  }
                  await draw();
                },
              },
              t('snippets.delete'),
            ),
          ),
        ]),
        t('common.none'),
      ),
      form,
    );
  }

  await draw();
  return undefined;
}
