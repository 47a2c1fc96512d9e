// The dashboard's satisfaction section: CSAT per week (chart) and per agent (table).
import { h, table } from './dom.js';

/** Share of 4s and 5s as a percentage, or the unknown mark. */
function percent(t, share) {
  return share === null || share === undefined ? t('common.unknown') : `${Math.round(share * 100)}%`;
}

/** Builds the section; `chart(canvas)` is called once the nodes are in the page. */
export function csatSection(t, csat) {
  const canvas = h('canvas', { id: 'chart-csat', role: 'img', 'aria-label': t('dashboard.csatByWeek') });
  const node = h(
    'section',
    { className: 'csat' },
    h(
      'dl',
      { className: 'tiles' },
      h('div', {}, h('dt', {}, t('dashboard.csat')), h('dd', { id: 'csat-total' }, percent(t, csat.satisfied))),
      h('div', {}, h('dt', {}, t('dashboard.ratings')), h('dd', {}, String(csat.count))),
      h(
        'div',
        {},
        h('dt', {}, t('dashboard.averageRating')),
        h('dd', {}, csat.average === null ? t('common.unknown') : String(csat.average)),
      ),
    ),
    h('figure', { className: 'chart' }, h('figcaption', {}, t('dashboard.csatByWeek')), h('div', { className: 'chart-box' }, canvas)),
    h(
      'div',
      { id: 'csat-agents' },
      table(
        t('dashboard.csatByAgent'),
        [t('queue.agent'), t('dashboard.ratings'), t('dashboard.averageRating'), t('dashboard.csat')],
        csat.byAgent.map((a) => [a.agent || t('common.unknown'), String(a.count), String(a.average), percent(t, a.satisfied)]),
        t('dashboard.noData'),
      ),
    ),
  );
  const chart = (Chart, options) =>
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: csat.byWeek.map((w) => w.week.slice(5)),
        datasets: [
          {
            label: t('dashboard.csat'),
            data: csat.byWeek.map((w) => (w.satisfied === null ? 0 : Math.round(w.satisfied * 100))),
            backgroundColor: '#00843D',
          },
        ],
      },
      options: {
        ...options,
        scales: { x: { reverse: options.plugins.legend.rtl }, y: { beginAtZero: true, max: 100, ticks: { precision: 0 } } },
      },
    });
  return { node, chart };
}
