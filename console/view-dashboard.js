// Dashboard: chart.js charts of requests, hand-offs, FAQ outcomes and languages, plus wait times.
import { h } from './dom.js';
import { formatDuration } from './format.js';
import { csatSection } from './view-csat.js';

const palette = ['#00843D', '#1f6fb2', '#c77c02', '#b3261e', '#6b4fa3', '#2a9d8f', '#7a7a7a'];

/** Renders the charts; returns a cleanup that destroys them. */
export async function renderDashboard(ctx, main) {
  const { api, t, lang } = ctx;
  const data = await api.get('/api/console/dashboard?days=30');
  const Chart = window.Chart;
  const styles = getComputedStyle(document.body);
  Chart.defaults.color = styles.getPropertyValue('--fg').trim() || '#222';
  Chart.defaults.borderColor = styles.getPropertyValue('--border').trim() || '#ccc';
  Chart.defaults.font.family = styles.fontFamily;
  const rtl = lang === 'ur';
  const charts = [];

  const chartBox = (id, title) => {
    const canvas = h('canvas', { id, role: 'img', 'aria-label': title });
    return { canvas, node: h('figure', { className: 'chart' }, h('figcaption', {}, title), h('div', { className: 'chart-box' }, canvas)) };
  };
  const datasets = (series, label) =>
    Object.entries(series).map(([key, values], i) => ({
      label: label(key),
      data: values,
      backgroundColor: palette[i % palette.length],
      borderColor: palette[i % palette.length],
    }));
  const base = {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    locale: rtl ? 'ur-PK' : 'en-GB',
    plugins: { legend: { rtl, position: 'bottom' }, tooltip: { rtl } },
  };
  const stacked = {
    ...base,
    scales: { x: { stacked: true, reverse: rtl }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
  };
  const dayLabels = data.days.map((d) => d.slice(5));

  const byKind = chartBox('chart-requests-kind', t('dashboard.requestsByKind'));
  const byStatus = chartBox('chart-requests-status', t('dashboard.requestsByStatus'));
  const handoffs = chartBox('chart-handoffs', t('dashboard.handoffsPerDay'));
  const faq = chartBox('chart-faq', t('dashboard.faqOutcomes'));
  const languages = chartBox('chart-languages', t('dashboard.languageMix'));

  main.replaceChildren(
    h('p', { className: 'muted' }, t('dashboard.period', { days: data.days.length })),
    h(
      'dl',
      { className: 'tiles' },
      h('div', {}, h('dt', {}, t('dashboard.requestsTotal')), h('dd', {}, String(data.requests.total))),
      h('div', {}, h('dt', {}, t('dashboard.handoffsTotal')), h('dd', {}, String(data.handoffs.total))),
      h(
        'div',
        {},
        h('dt', {}, t('dashboard.medianWait')),
        h('dd', { id: 'median-wait' }, formatDuration(t, data.handoffs.medianWaitSeconds)),
      ),
      h('div', {}, h('dt', {}, t('dashboard.p90Wait')), h('dd', { id: 'p90-wait' }, formatDuration(t, data.handoffs.p90WaitSeconds))),
    ),
    h('div', { className: 'charts' }, byKind.node, byStatus.node, handoffs.node, faq.node, languages.node),
  );
  const csat = csatSection(t, data.csat);
  main.append(csat.node);
  charts.push(csat.chart(Chart, base));

  charts.push(
    new Chart(byKind.canvas, {
      type: 'bar',
      data: { labels: dayLabels, datasets: datasets(data.requests.byKind, (k) => t(`requests.kinds.${k}`)) },
      options: stacked,
    }),
    new Chart(byStatus.canvas, {
      type: 'bar',
      data: { labels: dayLabels, datasets: datasets(data.requests.byStatus, (s) => t(`requests.statuses.${s}`)) },
      options: stacked,
    }),
    new Chart(handoffs.canvas, {
      type: 'line',
      data: {
        labels: dayLabels,
        datasets: [
          {
            label: t('dashboard.handoffs'),
            data: data.handoffs.perDay,
            borderColor: palette[1],
            backgroundColor: palette[1],
            tension: 0.2,
          },
        ],
      },
      options: { ...base, scales: { x: { reverse: rtl }, y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }),
    new Chart(faq.canvas, {
      type: 'doughnut',
      data: {
        labels: Object.keys(data.faq.counts).map((d) =>
          ['answered', 'suggested', 'declined'].includes(d) ? t(`dashboard.outcomes.${d}`) : d,
        ),
        datasets: [{ data: Object.values(data.faq.counts), backgroundColor: palette }],
      },
      options: base,
    }),
  );

  const sources = ['conversations', 'requests', 'faq'];
  const known = ['en', 'ur', 'ur-Latn'];
  // A fixed order keeps each language's colour the same whichever language the page is in.
  const langs = [...new Set([...known, ...sources.flatMap((s) => Object.keys(data.languages[s]))])].filter((l) =>
    sources.some((s) => data.languages[s][l]),
  );
  charts.push(
    new Chart(languages.canvas, {
      type: 'bar',
      data: {
        labels: sources.map((s) => t(`dashboard.sources.${s}`)),
        datasets: langs.map((l, i) => ({
          label: known.includes(l) ? t(`faq.languages.${l}`) : l,
          data: sources.map((s) => data.languages[s][l] || 0),
          backgroundColor: palette[i % palette.length],
        })),
      },
      options: stacked,
    }),
  );

  return () => charts.forEach((chart) => chart.destroy());
}
