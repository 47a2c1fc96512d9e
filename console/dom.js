// Small DOM helpers: every piece of data reaches the page as text, never as HTML.

/** Creates an element: h('button', {type: 'button', onclick}, 'Claim'). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'className') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** A table with a caption, header cells and rows of cells (strings or nodes). */
export function table(caption, headers, rows, emptyText) {
  if (rows.length === 0) return h('section', {}, h('h2', {}, caption), h('p', { className: 'muted' }, emptyText));
  return h(
    'section',
    {},
    h(
      'table',
      {},
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headers.map((label) => h('th', { scope: 'col' }, label)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((cells) =>
          h(
            'tr',
            {},
            cells.map((c) => h('td', {}, c)),
          ),
        ),
      ),
    ),
  );
}

/** A labelled form control wrapped with its label. */
export function field(label, control) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  return h('div', { className: 'field' }, h('label', { for: id }, label), control);
}

/** A <select> with [value, label] options. */
export function select(name, options, value) {
  return h(
    'select',
    { name },
    options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)),
  );
}
