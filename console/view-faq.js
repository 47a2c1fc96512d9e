// FAQ: unanswered questions with counts → example questions of a topic; create topics; edit answers in both languages.
import { field, h, select, table } from './dom.js';
import { errorText, formatDate } from './format.js';

const questionLanguages = ['en', 'ur', 'ur-Latn'];

/** Renders unanswered questions, the new-topic form and the topics with their answers. */
export async function renderFaq(ctx, main) {
  const { api, t, lang, notify } = ctx;

  const failed = (err) => notify(err.status === 409 ? t('faq.duplicate') : errorText(t, err), 'error');

  async function draw() {
    const [{ questions }, { topics }] = await Promise.all([api.get('/api/console/faq/unanswered'), api.get('/api/console/faq/topics')]);
    const topicOptions = [['', t('faq.chooseTopic')], ...topics.map((x) => [x.id, x.id])];

    const unanswered = table(
      t('faq.unansweredTitle'),
      [t('faq.question'), t('queue.language'), t('faq.count'), t('faq.lastSeen'), t('faq.addToTopic')],
      questions.map((q) => {
        const topic = select('topic', topicOptions, '');
        topic.setAttribute('aria-label', `${t('faq.chooseTopic')}: ${q.sample}`);
        const add = async () => {
          if (!topic.value) return void topic.focus();
          try {
            const language = questionLanguages.includes(q.language) ? q.language : 'en';
            await api.post(`/api/console/faq/topics/${encodeURIComponent(topic.value)}/questions`, {
              language,
              text: q.sample,
              unansweredId: q.id,
            });
            notify(t('faq.added'), 'success');
            await draw();
          } catch (err) {
            failed(err);
          }
        };
        return [
          h('span', { dir: 'auto' }, q.sample),
          t(`faq.languages.${q.language}`),
          String(q.count),
          formatDate(lang, q.lastSeenAt),
          h(
            'span',
            { className: 'actions', dataset: { unanswered: q.id } },
            topic,
            h('button', { type: 'button', onclick: () => void add() }, t('faq.add')),
          ),
        ];
      }),
      t('common.none'),
    );

    main.replaceChildren(unanswered, createForm(), h('section', {}, h('h2', {}, t('faq.topicsTitle')), topics.map(topicEditor)));
  }

  function createForm() {
    const id = h('input', { name: 'id', required: true, pattern: '[a-z0-9]+([._-][a-z0-9]+)*', maxlength: 80 });
    const answerEn = h('textarea', { name: 'answerEn', rows: 3, required: true, dir: 'ltr', lang: 'en' });
    const answerUr = h('textarea', { name: 'answerUr', rows: 3, required: true, dir: 'rtl', lang: 'ur' });
    const question = h('input', { name: 'question', maxlength: 500, dir: 'auto' });
    const questionLang = select(
      'questionLanguage',
      questionLanguages.map((l) => [l, t(`faq.languages.${l}`)]),
      'en',
    );
    return h(
      'form',
      {
        className: 'card',
        onsubmit: async (event) => {
          event.preventDefault();
          const questions = question.value.trim() ? [{ language: questionLang.value, text: question.value.trim() }] : [];
          try {
            await api.post('/api/console/faq/topics', {
              id: id.value.trim(),
              answerEn: answerEn.value,
              answerUr: answerUr.value,
              questions,
            });
            notify(t('faq.created'), 'success');
            await draw();
          } catch (err) {
            failed(err);
          }
        },
      },
      h('h2', {}, t('faq.createTitle')),
      field(t('faq.topicId'), id),
      field(t('faq.answerEn'), answerEn),
      field(t('faq.answerUr'), answerUr),
      field(t('faq.firstQuestion'), question),
      field(t('faq.questionLanguage'), questionLang),
      h('button', { type: 'submit', className: 'primary' }, t('faq.create')),
    );
  }

  function topicEditor(topic) {
    const answerEn = h('textarea', { name: 'answerEn', rows: 3, required: true, dir: 'ltr', lang: 'en' });
    answerEn.value = topic.answerEn;
    const answerUr = h('textarea', { name: 'answerUr', rows: 3, required: true, dir: 'rtl', lang: 'ur' });
    answerUr.value = topic.answerUr;
    return h(
      'details',
      { className: 'topic', dataset: { topic: topic.id } },
      h('summary', {}, topic.id),
      h(
        'form',
        {
          onsubmit: async (event) => {
            event.preventDefault();
            try {
              await api.put(`/api/console/faq/topics/${encodeURIComponent(topic.id)}`, {
                answerEn: answerEn.value,
                answerUr: answerUr.value,
              });
              notify(t('common.saved'), 'success');
            } catch (err) {
              failed(err);
            }
          },
        },
        field(t('faq.answerEn'), answerEn),
        field(t('faq.answerUr'), answerUr),
        h('button', { type: 'submit' }, t('common.save')),
      ),
      h('h3', {}, t('faq.examples')),
      h(
        'ul',
        {},
        topic.questions.map((q) => h('li', { dir: 'auto' }, q.text)),
      ),
    );
  }

  await draw();
}
