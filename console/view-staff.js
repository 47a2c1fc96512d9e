// Staff: who may act as an agent; add by Entra object id, remove console-added entries.
import { field, h, table } from './dom.js';
import { errorText } from './format.js';

/** Renders the staff list and the add form. */
export async function renderStaff(ctx, main) {
  const { api, t, notify } = ctx;

  async function draw() {
    const { staff } = await api.get('/api/console/staff');
    const objectId = h('input', { name: 'aadObjectId', required: true, pattern: '[0-9a-fA-F-]{36}', dir: 'ltr' });
    const name = h('input', { name: 'name', maxlength: 200, dir: 'auto' });
    const email = h('input', { name: 'email', type: 'email', maxlength: 320, dir: 'ltr' });
    main.replaceChildren(
      table(
        t('staff.title'),
        [t('staff.name'), t('staff.email'), t('staff.objectId'), t('staff.source'), t('queue.actions')],
        staff.map((s) => [
          s.name || t('common.unknown'),
          s.email || t('common.unknown'),
          h('code', {}, s.aadObjectId),
          s.source === 'config' ? t('staff.fromConfig') : t('staff.fromDatabase'),
          s.source === 'config'
            ? ''
            : h(
                'button',
                {
                  type: 'button',
                  onclick: async () => {
                    if (!confirm(t('staff.removeConfirm', { name: s.name || s.aadObjectId }))) return;
                    try {
                      await api.del(`/api/console/staff/${encodeURIComponent(s.aadObjectId)}`);
                      notify(t('staff.removed'), 'success');
                    } catch (err) {
                      notify(err.status === 409 ? t('staff.protected', { reason: err.body.message || '' }) : errorText(t, err), 'error');
                    }
                    await draw();
                  },
                },
                t('staff.remove'),
              ),
        ]),
        t('common.none'),
      ),
      h(
        'form',
        {
          className: 'card',
          onsubmit: async (event) => {
            event.preventDefault();
            try {
              await api.post('/api/console/staff', {
                aadObjectId: objectId.value.trim(),
                name: name.value.trim() || undefined,
                email: email.value.trim() || undefined,
              });
              notify(t('staff.added'), 'success');
              await draw();
            } catch (err) {
              notify(errorText(t, err), 'error');
            }
          },
        },
        h('h2', {}, t('staff.addTitle')),
        field(t('staff.objectId'), objectId),
        field(t('staff.name'), name),
        field(t('staff.email'), email),
        h('button', { type: 'submit', className: 'primary' }, t('staff.add')),
      ),
    );
  }

  await draw();
}
