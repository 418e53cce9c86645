// The beanstalkd dashboard: a hash-routed page that polls the JSON API and redraws the current view.
// Every value reaches the document as text (textContent), never as markup.
(function () {
  'use strict';

  const root = document.getElementById('dashboard');
  const base = root.dataset.base;
  const readOnly = root.dataset.readOnly === 'true';
  const csrfHeader = root.dataset.csrfHeader;
  const csrfToken = root.dataset.csrfToken;
  const view = document.getElementById('view');
  const REFRESH_MILLIS = 3000;
  const tubeTable = { sort: 'name', descending: false, filter: '' };
  let timer = null;
  let generation = 0;
  let shown = null;

  // --- DOM helpers -------------------------------------------------------------------------------------------------

  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name.startsWith('on')) {
        element.addEventListener(name.substring(2), value);
      } else if (value !== false && value !== null && value !== undefined) {
        element.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined && child !== false) {
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return element;
  }

  function svg(tag, attributes) {
    const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [name, value] of Object.entries(attributes)) {
      element.setAttribute(name, String(value));
    }
    return element;
  }

  function number(value) {
    return Number(value).toLocaleString('en-US');
  }

  function duration(seconds) {
    const units = [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]];
    const parts = [];
    for (const [unit, size] of units) {
      if (seconds >= size || (unit === 's' && parts.length === 0)) {
        parts.push(Math.floor(seconds / size) + unit);
        seconds %= size;
      }
      if (parts.length === 2) {
        break;
      }
    }
    return parts.join(' ');
  }

  function stat(label, value, kind) {
    return h('div', { class: 'stat' + (kind ? ' ' + kind : '') }, h('span', { class: 'value' }, value),
      h('span', { class: 'label' }, label));
  }

  function toast(message, error) {
    const element = document.getElementById('toast');
    element.textContent = message;
    element.className = 'toast visible' + (error ? ' error' : '');
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { element.className = 'toast'; }, 4000);
  }

  // --- Charts: one SVG polyline per series, redrawn whole, so nothing accumulates -----------------------------------

  const COLORS = ['#2563eb', '#16a34a', '#9333ea', '#dc2626'];

  function chart(rates, names, height, small) {
    const width = 600;
    const box = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, preserveAspectRatio: 'none',
      class: small ? 'spark' : 'chart', role: 'img' });
    const points = rates.times.length;
    const max = Math.max(1, ...rates.series.flat());
    if (!small) {
      for (const fraction of [0.25, 0.5, 0.75]) {
        box.append(svg('line', { x1: 0, x2: width, y1: height * fraction, y2: height * fraction, class: 'grid' }));
      }
    }
    names.forEach((name, index) => {
      const values = rates.series[index] || [];
      const coordinates = values.map((value, i) => {
        const x = points < 2 ? width : (i / (points - 1)) * width;
        return x.toFixed(1) + ',' + (height - 2 - (value / max) * (height - 4)).toFixed(1);
      });
      if (coordinates.length === 1) {
        coordinates.unshift('0,' + coordinates[0].split(',')[1]);
      }
      box.append(svg('polyline', { points: coordinates.join(' '), fill: 'none', stroke: COLORS[index % 4],
        'stroke-width': small ? 1.5 : 2, 'vector-effect': 'non-scaling-stroke' }));
    });
    return box;
  }

  function latest(rates, index) {
    const values = rates.series[index] || [];
    return values.length ? values[values.length - 1] : 0;
  }

  function legend(rates, names) {
    return h('div', { class: 'legend' }, names.map((name, index) => h('span', { class: 'key' },
      h('i', { class: 'swatch c' + (index % 4) }), name + ' ', h('b', {}, latest(rates, index).toFixed(2) + '/s'))));
  }

  // --- The API ----------------------------------------------------------------------------------------------------

  async function get(path) {
    const response = await fetch(base + '/api' + path, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.error || response.status + ' ' + response.statusText);
    }
    return body;
  }

  async function post(path, parameters, confirmation) {
    if (confirmation && !window.confirm(confirmation)) {
      return;
    }
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
    if (csrfHeader) {
      headers[csrfHeader] = csrfToken;
    }
    try {
      const response = await fetch(base + '/api' + path,
        { method: 'POST', headers, body: new URLSearchParams(parameters || {}) });
      const body = await response.json().catch(() => ({}));
      toast(body.message || body.error || response.status + ' ' + response.statusText, !response.ok);
    } catch (error) {
      toast(error.message, true);
    }
    refresh();
  }

  function action(label, path, parameters, options) {
    const settings = options || {};
    return h('button', { class: 'action' + (settings.danger ? ' danger' : ''), 'data-action': settings.name || label,
      onclick: () => post(path, typeof parameters === 'function' ? parameters() : parameters, settings.confirm) },
    label);
  }

  function actions(...buttons) {
    return readOnly ? null : h('div', { class: 'actions' }, buttons);
  }

  // --- Views ------------------------------------------------------------------------------------------------------

  function serverCards(server) {
    return [
      h('section', { class: 'cards', 'data-cards': 'server' },
        stat('version', server.version), stat('uptime', duration(server.uptimeSeconds)),
        stat('connections', number(server.currentConnections)), stat('workers', number(server.currentWorkers)),
        stat('producers', number(server.currentProducers)), stat('tubes', number(server.currentTubes)),
        stat('draining', server.draining ? 'yes' : 'no', server.draining ? 'bad' : '')),
      h('h2', {}, 'Jobs'),
      h('section', { class: 'cards', 'data-cards': 'jobs' },
        stat('ready', number(server.ready)), stat('urgent', number(server.urgent)),
        stat('reserved', number(server.reserved)), stat('delayed', number(server.delayed)),
        stat('buried', number(server.buried), server.buried > 0 ? 'bad' : ''),
        stat('total put', number(server.totalJobs)), stat('timeouts', number(server.jobTimeouts))),
    ];
  }

  function serverPanel(panel) {
    if (!panel.stats) {
      return h('p', { class: 'warning', 'data-unreachable': panel.address }, 'Unreachable: ' + panel.error);
    }
    return serverCards(panel.stats);
  }

  // One server keeps the single panel it always had; a fleet gets one panel per server, headed by its address.
  function servers(panels) {
    if (panels.length === 1) {
      const panel = panels[0];
      return [h('h1', {}, 'Server ', h('span', { class: 'muted' }, panel.stats ? panel.stats.hostname : panel.address)),
        h('div', { id: 'server', 'data-server': panel.address }, serverPanel(panel))];
    }
    return [h('h1', {}, 'Servers ', h('span', { class: 'muted' }, panels.length + ' in the fleet')),
      h('div', { id: 'server' }, panels.map((panel) => h('section', { class: 'panel', 'data-server': panel.address },
        h('h2', {}, panel.address, ' ', h('span', { class: 'muted' }, panel.stats ? panel.stats.hostname : '')),
        serverPanel(panel))))];
  }

  async function overview() {
    const data = await get('/overview');
    return [
      ...servers(data.servers),
      data.samplingError ? h('p', { class: 'warning' }, 'Sampling failed: ' + data.samplingError) : null,
      h('h2', {}, 'Per second, last hour ',
        h('span', { class: 'muted' }, 'sampled every ' + data.sampleIntervalMillis / 1000 + 's')),
      h('section', { class: 'panel' }, legend(data.rates, data.series), chart(data.rates, data.series, 160, false)),
    ];
  }

  const TUBE_COLUMNS = [['name', 'Tube'], ['ready', 'Ready'], ['urgent', 'Urgent'], ['delayed', 'Delayed'],
    ['reserved', 'Reserved'], ['buried', 'Buried'], ['waiting', 'Waiting'], ['paused', 'Paused']];

  async function tubes() {
    const data = await get('/tubes');
    const rows = data.filter((tube) => tube.stats.name.includes(tubeTable.filter));
    rows.sort((a, b) => {
      const x = a.stats[tubeTable.sort];
      const y = b.stats[tubeTable.sort];
      const order = x < y ? -1 : x > y ? 1 : 0;
      return tubeTable.descending ? -order : order;
    });
    const filter = h('input', { id: 'tube-filter', type: 'search', placeholder: 'Filter by name',
      value: tubeTable.filter, oninput: (event) => { tubeTable.filter = event.target.value; refresh(); } });
    const header = TUBE_COLUMNS.map(([key, label]) => h('th', {
      class: 'sortable' + (tubeTable.sort === key ? ' sorted' : '') + (key === 'name' || key === 'paused' ? '' : ' num'),
      'data-sort': key,
      onclick: () => {
        tubeTable.descending = tubeTable.sort === key ? !tubeTable.descending : key !== 'name';
        tubeTable.sort = key;
        refresh();
      } }, label + (tubeTable.sort === key ? (tubeTable.descending ? ' ▾' : ' ▴') : '')));
    return [
      h('div', { class: 'title-row' }, h('h1', {}, 'Tubes ', h('span', { class: 'muted' }, data.length)), filter),
      h('table', { class: 'table', id: 'tubes' },
        h('thead', {}, h('tr', {}, header, h('th', {}, 'Puts/s'))),
        h('tbody', {}, rows.map((tube) => h('tr', { 'data-tube': tube.stats.name },
          h('td', {}, h('a', { href: '#/tube/' + encodeURIComponent(tube.stats.name) }, tube.stats.name)),
          ['ready', 'urgent', 'delayed', 'reserved'].map((key) => h('td', { class: 'num', 'data-count': key },
            number(tube.stats[key]))),
          h('td', { class: 'num' + (tube.stats.buried ? ' bad' : ''), 'data-count': 'buried' },
            number(tube.stats.buried)),
          h('td', { class: 'num' }, number(tube.stats.waiting)),
          h('td', { 'data-count': 'paused' }, tube.stats.paused
            ? h('span', { class: 'badge warn' }, 'paused ' + tube.stats.pauseTimeLeftSeconds + 's') : '—'),
          h('td', { class: 'spark-cell' }, chart(tube.rates, ['puts'], 24, true)))))),
      rows.length ? null : h('p', { class: 'muted' }, 'No tube matches.'),
    ];
  }

  function jobPanel(title, job, state) {
    if (!job) {
      return h('section', { class: 'panel job empty', 'data-job-state': state }, h('h3', {}, title),
        h('p', { class: 'muted' }, 'none'));
    }
    const stats = job.stats;
    const facts = [['id', stats.id], ['tube', stats.tube], ['state', stats.state], ['priority', stats.priority],
      ['age', duration(stats.ageSeconds)], ['ttr', stats.ttrSeconds + 's'], ['time left', stats.timeLeftSeconds + 's'],
      ['reserves', stats.reserves], ['timeouts', stats.timeouts], ['releases', stats.releases],
      ['buries', stats.buries], ['kicks', stats.kicks]];
    const canKick = stats.state === 'buried' || stats.state === 'delayed';
    return h('section', { class: 'panel job', 'data-job-state': state, 'data-job-id': stats.id },
      h('h3', {}, title, ' ', h('a', { href: '#/job/' + stats.id, class: 'muted' }, '#' + stats.id)),
      h('dl', { class: 'facts' }, facts.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)])),
      h('div', { class: 'body-meta muted' }, job.body.format + ', ' + number(job.body.size) + ' bytes' +
        (job.body.truncated ? ' (truncated)' : '')),
      h('pre', { class: 'body ' + job.body.format, 'data-body': '' }, job.body.text),
      actions(
        canKick ? action('Kick', '/jobs/' + stats.id + '/kick', {}, { name: 'kick-job' }) : null,
        stats.state !== 'reserved' ? action('Delete', '/jobs/' + stats.id + '/delete', {},
          { name: 'delete-job', danger: true, confirm: 'Delete job ' + stats.id + '?' }) : null));
  }

  async function tube(name) {
    const data = await get('/tube?name=' + encodeURIComponent(name));
    const stats = data.stats;
    const kickBound = h('input', { type: 'number', min: 1, value: 10, id: 'kick-bound', 'aria-label': 'How many' });
    const pauseSeconds = h('input', { type: 'number', min: 1, value: 60, id: 'pause-seconds', 'aria-label': 'Seconds' });
    const moveTo = h('input', { type: 'text', id: 'move-to', placeholder: 'other tube', 'aria-label': 'Target tube' });
    const parameters = (extra) => () => Object.assign({ tube: name }, extra());
    return [
      h('div', { class: 'title-row' }, h('h1', {}, h('a', { href: '#/tubes', class: 'muted' }, 'Tubes / '), name),
        stats.paused ? h('span', { class: 'badge warn', id: 'tube-state' }, 'paused, ' + stats.pauseTimeLeftSeconds + 's left')
          : h('span', { class: 'badge ok', id: 'tube-state' }, 'active')),
      h('section', { class: 'cards', id: 'tube-counts' },
        stat('ready', number(stats.ready)), stat('urgent', number(stats.urgent)),
        stat('reserved', number(stats.reserved)), stat('delayed', number(stats.delayed)),
        stat('buried', number(stats.buried), stats.buried ? 'bad' : ''), stat('waiting', number(stats.waiting)),
        stat('watching', number(stats.watching)), stat('total put', number(stats.totalJobs))),
      h('p', { class: 'muted' }, data.listeners.length ? 'Listeners: ' + data.listeners.join(', ')
        : 'No listener of this application watches this tube.'),
      readOnly ? null : h('section', { class: 'panel toolbar' },
        h('div', { class: 'group' }, kickBound,
          action('Kick', '/tube/kick', parameters(() => ({ bound: kickBound.value })), { name: 'kick' })),
        h('div', { class: 'group' }, stats.paused ? action('Resume', '/tube/resume', { tube: name }, { name: 'resume' })
          : [pauseSeconds, action('Pause', '/tube/pause', parameters(() => ({ seconds: pauseSeconds.value })),
            { name: 'pause' })]),
        h('div', { class: 'group' }, ['buried', 'ready', 'delayed'].map((state) => action('Clear ' + state,
          '/tube/clear', { tube: name, state }, { name: 'clear-' + state, danger: true,
            confirm: 'Delete every ' + state + ' job of ' + name + '?' }))),
        h('div', { class: 'group' }, moveTo, action('Move buried', '/tube/move-buried',
          parameters(() => ({ to: moveTo.value })), { name: 'move-buried' }))),
      h('section', { class: 'chart-row panel' }, legend(data.rates, ['puts', 'deletes']),
        chart(data.rates, ['puts', 'deletes'], 80, false)),
      h('div', { class: 'jobs' }, jobPanel('Next ready', data.ready, 'ready'),
        jobPanel('Next delayed', data.delayed, 'delayed'), jobPanel('Oldest buried', data.buried, 'buried')),
    ];
  }

  function listenerActions(listener) {
    const path = '/listeners/' + encodeURIComponent(listener.id) + '/';
    return actions(listener.state === 'stopped' ? action('Start', path + 'start')
      : action('Stop', path + 'stop', {}, { danger: true }),
    listener.state === 'paused' ? action('Resume', path + 'resume')
      : listener.state === 'running' ? action('Pause', path + 'pause') : null);
  }

  async function listeners() {
    const data = await get('/listeners');
    return [
      h('h1', {}, 'Listeners ', h('span', { class: 'muted' }, data.length)),
      data.length ? null : h('p', { class: 'muted' }, 'This application has no listener containers.'),
      data.map((listener) => h('section', { class: 'panel listener', 'data-listener': listener.id },
        h('div', { class: 'title-row' }, h('h2', {}, listener.id),
          h('span', { class: 'badge ' + (listener.state === 'running' ? 'ok' : 'warn'), 'data-state': '' },
            listener.state),
          h('span', { class: 'muted' }, listener.workers + (listener.workers === 1 ? ' worker' : ' workers') + ' on ',
            listener.tubes.map((name, index) =>
              [index ? ', ' : '', h('a', { href: '#/tube/' + encodeURIComponent(name) }, name)])),
          listenerActions(listener)),
        h('div', { class: 'listener-body' },
          h('div', { class: 'counts' }, Object.entries(listener.handled).map(([outcome, count]) =>
            stat(outcome.replace('_', ' '), number(count),
              (outcome === 'buried' || outcome === 'dead_lettered') && count > 0 ? 'bad' : ''))),
          h('div', { class: 'chart-row' }, legend(listener.rates, ['handled']),
            chart(listener.rates, ['handled'], 40, true))),
        listener.failures.length ? h('h3', {}, 'Last failures') : null,
        listener.failures.map((failure) => h('details', { class: 'failure', 'data-key': listener.id + '/' + failure.jobId + '/' + failure.epochMillis },
          h('summary', {}, h('span', { class: 'badge bad' }, failure.outcome), ' job ',
            h('a', { href: '#/job/' + failure.jobId }, '#' + failure.jobId), ' ',
            h('code', {}, failure.exception), ': ' + failure.message,
            h('span', { class: 'muted when' }, new Date(failure.epochMillis).toLocaleTimeString())),
          h('pre', { class: 'trace' }, failure.stackTrace))))),
    ];
  }

  async function job(id) {
    const data = await get('/jobs/' + encodeURIComponent(id));
    return [h('h1', {}, 'Job ', h('span', { class: 'muted' }, '#' + id)), h('div', { class: 'jobs' },
      jobPanel('In ' + data.stats.tube + ' (' + data.stats.state + ')', data, data.stats.state))];
  }

  // --- Routing and refresh ----------------------------------------------------------------------------------------

  function route() {
    const parts = location.hash.replace(/^#\/?/, '').split('/');
    const name = parts.shift() || 'overview';
    const argument = decodeURIComponent(parts.join('/'));
    const views = { overview: () => overview(), tubes: () => tubes(), tube: () => tube(argument),
      listeners: () => listeners(), job: () => job(argument) };
    return { name, render: views[name] || views.overview };
  }

  async function refresh() {
    clearTimeout(timer);
    const current = ++generation;
    const { name, render } = route();
    document.querySelectorAll('[data-nav]').forEach((link) => link.classList.toggle('current',
      link.dataset.nav === name || (name === 'tube' && link.dataset.nav === 'tubes')));
    let content;
    try {
      content = await render();
    } catch (error) {
      content = [h('p', { class: 'warning', id: 'error' }, error.message)];
    }
    if (current !== generation) {
      return;
    }
    const focused = document.activeElement && document.activeElement.id;
    const selection = focused && document.activeElement.selectionStart;
    const same = name === shown;
    const typed = same ? Array.from(view.querySelectorAll('input[id]'), (input) => [input.id, input.value]) : [];
    const opened = same ? Array.from(view.querySelectorAll('details[open]'), (details) => details.dataset.key) : [];
    view.replaceChildren(...content.flat().filter(Boolean));
    shown = name;
    for (const [id, value] of typed) {
      const input = document.getElementById(id);
      if (input) {
        input.value = value;
      }
    }
    for (const details of view.querySelectorAll('details[data-key]')) {
      details.open = opened.includes(details.dataset.key);
    }
    const again = focused && document.getElementById(focused);
    if (again && again !== document.body) {
      again.focus();
      if (selection !== null && selection !== undefined && again.setSelectionRange && again.type !== 'number') {
        again.setSelectionRange(selection, selection);
      }
    }
    document.getElementById('updated').textContent = 'Updated ' + new Date().toLocaleTimeString();
    timer = setTimeout(refresh, document.hidden ? REFRESH_MILLIS * 5 : REFRESH_MILLIS);
  }

  document.getElementById('mode').textContent = readOnly ? 'read-only' : 'actions enabled';
  document.getElementById('mode').classList.add(readOnly ? 'read-only' : 'writable');
  document.getElementById('lookup').addEventListener('submit', (event) => {
    event.preventDefault();
    const id = document.getElementById('lookup-id').value.trim();
    if (/^\d+$/.test(id)) {
      location.hash = '#/job/' + id;
    } else {
      toast('A job id is a number', true);
    }
  });
  window.addEventListener('hashchange', refresh);
  refresh();
}());
