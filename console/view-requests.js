// Requests: filters, list, detail with history, decision (same rules as the Teams card), CSV export.
import { field, h, select, table } from './dom.js';
import { errorText, formatDate } from './format.js';

const kinds = ['whitelisting', 'wfh'];
const statuses = ['SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'INFO_REQUESTED', 'REVOKED'];
const decisions = ['approve', 'reject', 'needs_info'];

/** Renders the filter form and list; a row's details open below it. */
export async function renderRequests(ctx, main) {
  const { api, t, lang, notify } = ctx;
  const any = ['', t('requests.any')];
  const kind = select('kind', [any, ...kinds.map((k) => [k, t(`requests.kinds.${k}`)])], '');
  const status = select('status', [any, ...statuses.map((s) => [s, t(`requests.statuses.${s}`)])], '');
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const q = h('input', { type: 'search', name: 'q', maxlength: 200 });
  const listBox = h('div');
  const detail = h('section', { className: 'detail', id: 'request-detail' });

  const query = () => {
    const params = new URLSearchParams();
    for (const [name, el] of [
      ['kind', kind],
      ['status', status],
      ['from', from],
      ['to', to],
      ['q', q],
    ])
      if (el.value) params.set(name, el.value);
    return params.toString();
  };

  const filters = h(
    'form',
    {
      className: 'filters',
      'aria-label': t('requests.filtersTitle'),
      onsubmit: (event) => {
        event.preventDefault();
        void drawList();
      },
    },
    field(t('requests.kind'), kind),
    field(t('requests.status'), status),
    field(t('requests.from'), from),
    field(t('requests.to'), to),
    field(t('requests.search'), q),
    h('button', { type: 'submit', className: 'primary' }, t('requests.apply')),
    h(
      'button',
      {
        type: 'button',
        onclick: () =>
          api.download(`/api/console/requests.csv?${query()}`, 'pseb-requests.csv').catch((err) => notify(errorText(t, err), 'error')),
      },
      t('requests.exportCsv'),
    ),
  );

  async function drawList() {
    try {
      const { requests } = await api.get(`/api/console/requests?${query()}`);
      listBox.replaceChildren(
        table(
          t('nav.requests'),
          [
            t('requests.reference'),
            t('requests.kind'),
            t('requests.status'),
            t('requests.company'),
            t('requests.agents'),
            t('requests.created'),
            t('queue.actions'),
          ],
          requests.map((r) => [
            r.reference,
            t(`requests.kinds.${r.kind}`),
            h(
              'span',
              {},
              t(`requests.statuses.${r.status}`),
              r.notifyError ? h('span', { className: 'badge badge-warn' }, t('requests.unreachable')) : null,
            ),
            h('span', { dir: 'auto' }, r.companyName),
            r.agentCount === null ? t('common.unknown') : String(r.agentCount),
            formatDate(lang, r.createdAt),
            h(
              'button',
              { type: 'button', className: 'link', dataset: { open: r.reference }, onclick: () => void drawDetail(r.reference) },
              t('requests.details'),
            ),
          ]),
          t('common.none'),
        ),
      );
    } catch (err) {
      notify(errorText(t, err), 'error');
    }
  }

  async function drawDetail(reference) {
    let r;
    try {
      r = await api.get(`/api/console/requests/${encodeURIComponent(reference)}`);
    } catch (err) {
      notify(errorText(t, err), 'error');
      return;
    }
    const open = r.status === 'SUBMITTED' || r.status === 'IN_REVIEW';
    detail.replaceChildren(
      h('h2', {}, t('requests.detailTitle', { reference: r.reference })),
      h(
        'dl',
        { className: 'facts' },
        h('dt', {}, t('requests.kind')),
        h('dd', {}, t(`requests.kinds.${r.kind}`)),
        h('dt', {}, t('requests.status')),
        h('dd', { id: 'request-status' }, t(`requests.statuses.${r.status}`)),
        h('dt', {}, t('requests.company')),
        h('dd', { dir: 'auto' }, r.companyName),
        r.notifyError ? [h('dt', {}, t('requests.unreachable')), h('dd', {}, formatDate(lang, r.notifyFailedAt))] : null,
        (Array.isArray(r.fields) ? r.fields : []).map((f) => [
          h('dt', { dataset: { field: f.name } }, fieldLabel(f.name)),
          h('dd', { dir: 'auto', dataset: { field: f.name } }, fieldValue(f)),
        ]),
      ),
      ...(r.kind === 'wfh' || r.agents.length > 0
        ? [
            table(
              t('requests.agentList'),
              [t('requests.agentName'), t('requests.cnic'), t('requests.city'), t('requests.isp'), t('requests.ip')],
              r.agents.map((a) => [a.fullName, a.cnic, a.city, a.isp, a.ipAddress === 'dynamic' ? t('requests.dynamicIp') : a.ipAddress]),
              t('common.none'),
            ),
          ]
        : []),
      table(
        t('requests.history'),
        [t('requests.when'), t('requests.who'), t('requests.change'), t('requests.note')],
        r.events.map((e) => [
          formatDate(lang, e.createdAt),
          e.actorName,
          `${e.fromStatus ? `${t(`requests.statuses.${e.fromStatus}`)} → ` : ''}${t(`requests.statuses.${e.toStatus}`)}`,
          h('span', { dir: 'auto' }, e.note || ''),
        ]),
        t('common.none'),
      ),
      open ? decisionForm(r.reference) : h('p', { className: 'muted' }, t('requests.notOpen')),
      // replaceChildren would print a null as "null".
      r.status === 'APPROVED' ? letterActions(r.reference) : '',
    );
    detail.scrollIntoView({ block: 'nearest' });
  }

  /** A field's label in the console's language; a field the console does not know keeps its name. */
  function fieldLabel(name) {
    const label = t(`requests.field.${name}`);
    return label === `requests.field.${name}` || !label ? name : label;
  }

  /** A field's value: lists one per line, a listed city by its name, a skipped field marked as such. */
  function fieldValue(f) {
    if (f.value === null) return h('span', { className: 'muted' }, t('requests.skipped'));
    if (f.city) return t(`requests.cities.${f.city}`);
    if (Array.isArray(f.value))
      return h(
        'ul',
        { className: 'values' },
        f.value.map((v) => h('li', { dir: 'ltr' }, v)),
      );
    return String(f.value);
  }

  function decisionForm(reference) {
    const decision = select(
      'decision',
      decisions.map((d) => [d, t(`requests.decisions.${d}`)]),
      'approve',
    );
    const note = h('textarea', { name: 'note', rows: 3, maxlength: 2000, dir: 'auto' });
    const hint = h('p', { className: 'muted' }, t('requests.noteRequired'));
    return h(
      'form',
      {
        className: 'decide',
        'aria-label': t('requests.decideTitle'),
        onsubmit: async (event) => {
          event.preventDefault();
          if (decision.value !== 'approve' && !note.value.trim()) {
            notify(t('requests.noteRequired'), 'error');
            note.focus();
            return;
          }
          try {
            const result = await api.post(`/api/console/requests/${encodeURIComponent(reference)}/decision`, {
              decision: decision.value,
              note: note.value.trim() || undefined,
            });
            notify(t('requests.decided', { status: t(`requests.statuses.${result.status}`) }), 'success');
          } catch (err) {
            if (err.status === 409 && err.body.error === 'already_decided') {
              notify(
                t('requests.alreadyDecided', { by: err.body.by || t('common.unknown'), status: t(`requests.statuses.${err.body.status}`) }),
                'error',
              );
            } else notify(errorText(t, err), 'error');
          }
          await Promise.all([drawDetail(reference), drawList()]);
        },
      },
      h('h3', {}, t('requests.decideTitle')),
      field(t('requests.decision'), decision),
      field(t('requests.note'), note),
      hint,
      h('button', { type: 'submit', className: 'primary' }, t('requests.submitDecision')),
    );
  }

  /** An approved request's letter (bot/letters): download the PDF, or revoke the approval with a reason. */
  function letterActions(reference) {
    const reason = h('textarea', { name: 'reason', rows: 2, maxlength: 1000, dir: 'auto' });
    const path = `/api/console/requests/${encodeURIComponent(reference)}`;
    return h(
      'form',
      {
        className: 'decide',
        'aria-label': t('requests.letterTitle'),
        onsubmit: async (event) => {
          event.preventDefault();
          if (!reason.value.trim()) {
            notify(t('requests.revokeReasonRequired'), 'error');
            reason.focus();
            return;
          }
          try {
            await api.post(`${path}/revoke`, { reason: reason.value.trim() });
            notify(t('requests.revoked'), 'success');
          } catch (err) {
            notify(errorText(t, err), 'error');
          }
          await Promise.all([drawDetail(reference), drawList()]);
        },
      },
      h('h3', {}, t('requests.letterTitle')),
      h(
        'button',
        {
          type: 'button',
          dataset: { letter: reference },
          onclick: () => api.download(`${path}/letter`, `PSEB-letter-${reference}.pdf`).catch((err) => notify(errorText(t, err), 'error')),
        },
        t('requests.downloadLetter'),
      ),
      field(t('requests.revokeReason'), reason),
      h('button', { type: 'submit' }, t('requests.revoke')),
    );
  }

  main.replaceChildren(filters, listBox, detail);
  await drawList();
}
