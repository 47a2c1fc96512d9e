// Announcements: compose in three languages with a preview of each, choose the audience, see the count,
// create and send; the list shows each announcement's progress.
import { field, h, select, table } from './dom.js';
import { errorText } from './format.js';

const languages = [
  ['en', 'ltr'],
  ['ur', 'rtl'],
  ['ur-Latn', 'ltr'],
];
const maxLength = 2000;

/** A progress bar of sent + failed + opted out over the total, with the counts as text. */
function progress(t, a) {
  const done = a.sent + a.failed + a.optedOut;
  return h(
    'div',
    { className: 'announcement-progress' },
    h('progress', { max: Math.max(a.total, 1), value: a.total ? done : 1, 'aria-label': t('announcements.progressLabel') }),
    h(
      'span',
      { className: 'muted' },
      t('announcements.counts', { sent: a.sent, failed: a.failed, optedOut: a.optedOut, pending: a.pending, total: a.total }),
    ),
  );
}

/** Renders the compose form and the list; polls while anything is being sent. */
export async function renderAnnouncements(ctx, main) {
  const { api, t, notify } = ctx;
  const headings = await api.get('/api/console/announcements/headings');
  let timer;

  const inputs = Object.fromEntries(
    languages.map(([lang, dir]) => [
      lang,
      h('textarea', { name: `text-${lang}`, rows: 4, maxlength: maxLength, required: true, dir, lang }),
    ]),
  );
  const previews = Object.fromEntries(
    languages.map(([lang, dir]) => [lang, h('div', { className: 'announcement-preview', dir, lang, dataset: { lang } })]),
  );
  const drawPreview = (lang) => {
    previews[lang].replaceChildren(h('strong', {}, headings[lang]), h('p', {}, inputs[lang].value.trim() || '…'));
  };
  for (const [lang] of languages) {
    inputs[lang].addEventListener('input', () => drawPreview(lang));
    drawPreview(lang);
  }

  const kind = select(
    'kind',
    [
      ['', t('announcements.anyKind')],
      ['whitelisting', t('announcements.kind.whitelisting')],
      ['wfh', t('announcements.kind.wfh')],
    ],
    '',
  );
  const status = select(
    'status',
    [
      ['', t('announcements.everyone')],
      ['open', t('announcements.status.open')],
      ['approved', t('announcements.status.approved')],
    ],
    '',
  );
  const city = h('input', { name: 'city', maxlength: 80, dir: 'auto' });
  const count = h('output', { name: 'count', 'aria-live': 'polite' });
  const audience = () => {
    const value = {};
    if (kind.value) value.kind = kind.value;
    if (status.value) value.status = status.value;
    if (city.value.trim()) value.city = city.value.trim();
    return value;
  };
  const recount = async () => {
    try {
      const { recipients } = await api.post('/api/console/announcements/count', { audience: audience() });
      count.textContent = t('announcements.recipients', { count: recipients });
      count.dataset.count = String(recipients);
    } catch (err) {
      notify(errorText(t, err), 'error');
    }
  };
  for (const control of [kind, status, city]) control.addEventListener('change', () => void recount());

  const list = h('div', {});
  async function drawList() {
    const { announcements } = await api.get('/api/console/announcements');
    list.replaceChildren(
      table(
        t('announcements.listTitle'),
        [t('announcements.text'), t('announcements.status.label'), t('announcements.progress'), t('queue.actions')],
        announcements.map((a) => [
          h('span', { dir: 'auto' }, a.text.en),
          t(`announcements.state.${a.status}`),
          progress(t, a),
          a.status === 'draft'
            ? h(
                'button',
                { type: 'button', className: 'primary', dataset: { send: a.id }, onclick: () => void sendNow(a) },
                t('announcements.send'),
              )
            : '',
        ]),
        t('common.none'),
      ),
    );
    clearTimeout(timer);
    if (announcements.some((a) => a.status === 'sending')) timer = setTimeout(() => void drawList().catch(() => undefined), 2000);
  }

  async function sendNow(a) {
    if (!confirm(t('announcements.confirmSend', { count: a.total }))) return;
    try {
      await api.post(`/api/console/announcements/${encodeURIComponent(a.id)}/send`);
      notify(t('announcements.sending'), 'success');
    } catch (err) {
      notify(err.status === 409 ? t('announcements.alreadySent') : errorText(t, err), 'error');
    }
    await drawList();
  }

  const form = h(
    'form',
    {
      className: 'card',
      onsubmit: async (event) => {
        event.preventDefault();
        const text = Object.fromEntries(languages.map(([lang]) => [lang, inputs[lang].value.trim()]));
        try {
          const created = await api.post('/api/console/announcements', { text, audience: audience() });
          notify(t('announcements.created', { count: created.recipients }), 'success');
          for (const [lang] of languages) {
            inputs[lang].value = '';
            drawPreview(lang);
          }
          await drawList();
        } catch (err) {
          notify(errorText(t, err), 'error');
        }
      },
    },
    h('h2', {}, t('announcements.composeTitle')),
    languages.map(([lang]) =>
      h(
        'div',
        { className: 'announcement-language' },
        field(t(`announcements.language.${lang}`), inputs[lang]),
        h('p', { className: 'muted' }, t('announcements.preview')),
        previews[lang],
      ),
    ),
    h('h3', {}, t('announcements.audience')),
    field(t('announcements.kindLabel'), kind),
    field(t('announcements.statusLabel'), status),
    field(t('announcements.city'), city),
    h('p', {}, count),
    h('button', { type: 'submit', className: 'primary' }, t('announcements.create')),
  );

  main.replaceChildren(form, list);
  await Promise.all([recount(), drawList()]);
  return () => clearTimeout(timer);
}
