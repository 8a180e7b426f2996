/* The Connector Builder page: a CodeMirror editor for the manifest, checked by the server as you type; a config
 * form made from spec.connection_specification; test reads shown slice by slice and page by page; the inferred
 * schema beside the declared one. Every call goes to api/... below the page's own (token) path. Text from the
 * manifest or the API is put in the page with textContent only, never as HTML. */
(function () {
  'use strict';

  var page = {
    editor: null, manifestVersion: null, configVersion: null, configPath: null, config: {},
    outline: {streams: [], connection_specification: null}, lastRead: null, lastStream: null, savedText: ''
  };
  window.sluiceBuilder = page;

  function $(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function api(name, body) {
    return fetch('api/' + name, {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body || {})
    }).then(function (response) {
      return response.json().then(function (json) { json.httpStatus = response.status; return json; });
    });
  }

  function pretty(value) {
    if (typeof value === 'string') {
      try { return JSON.stringify(JSON.parse(value), null, 2); } catch (e) { return value; }
    }
    return JSON.stringify(value, null, 2);
  }

  function setStatus(text) { $('status').textContent = text; }

  function markDirty() { $('dirty').hidden = page.editor.getValue() === page.savedText; }

  /* ---- the editor and its problems ---- */

  function lint(text, update) {
    api('validate', {text: text}).then(function (answer) {
      var problems = answer.problems || [];
      var list = $('problems');
      list.textContent = '';
      var annotations = problems.map(function (problem) {
        var line = Math.min(Math.max(problem.line - 1, 0), page.editor.lineCount() - 1);
        var item = el('li', problem.severity, 'line ' + problem.line + ': ' + problem.message);
        item.dataset.line = problem.line;
        item.addEventListener('click', function () { goTo(problem.line); });
        list.appendChild(item);
        return {from: CodeMirror.Pos(line, 0), to: CodeMirror.Pos(line, page.editor.getLine(line).length),
          message: problem.message, severity: problem.severity};
      });
      list.dataset.count = problems.length;
      update(annotations);
      if (!problems.some(function (p) { return p.severity === 'error'; })) { refreshOutline(text); }
    });
  }

  function goTo(line) {
    page.editor.focus();
    page.editor.setCursor({line: Math.max(line - 1, 0), ch: 0});
    page.editor.scrollIntoView(null, 100);
  }

  function refreshOutline(text) {
    api('outline', {text: text}).then(function (answer) {
      if (answer.error) { return; }
      var specChanged = JSON.stringify(answer.connection_specification)
          !== JSON.stringify(page.outline.connection_specification);
      page.outline = answer;
      var select = $('stream');
      var chosen = select.value;
      select.textContent = '';
      answer.streams.forEach(function (stream) {
        var option = el('option', null, stream.name);
        option.value = stream.name;
        select.appendChild(option);
      });
      if (chosen && answer.streams.some(function (s) { return s.name === chosen; })) { select.value = chosen; }
      if (specChanged) { buildConfigForm(); }
      if (page.lastRead) { showSchema(); }
    });
  }

  /* ---- the config form ---- */

  function buildConfigForm() {
    var form = $('config-form');
    form.textContent = '';
    var spec = page.outline.connection_specification || {};
    var properties = spec.properties || {};
    var required = spec.required || [];
    var names = Object.keys(properties).sort(function (a, b) {
      var oa = properties[a].order, ob = properties[b].order;
      return (oa === undefined ? 1e9 : oa) - (ob === undefined ? 1e9 : ob);
    });
    names.forEach(function (name) {
      var property = properties[name];
      if (page.config[name] === undefined && property['default'] !== undefined) {
        page.config[name] = property['default'];
      }
      var label = el('label', required.indexOf(name) >= 0 ? 'required' : null, property.title || name);
      label.htmlFor = 'config-' + name;
      label.title = property.description || '';
      form.appendChild(label);
      form.appendChild(configInput(name, property));
    });
    if (names.length === 0) { form.appendChild(el('span', null, 'The manifest has no spec.connection_specification.')); }
  }

  function configInput(name, property) {
    var type = Array.isArray(property.type) ? property.type.filter(function (t) { return t !== 'null'; })[0]
        : property.type;
    var value = page.config[name];
    var input;
    if (property['enum']) {
      input = el('select');
      property['enum'].forEach(function (choice) {
        var option = el('option', null, String(choice));
        option.value = JSON.stringify(choice);
        input.appendChild(option);
      });
      if (value !== undefined) { input.value = JSON.stringify(value); }
      input.addEventListener('change', function () { page.config[name] = JSON.parse(input.value); });
    } else if (type === 'boolean') {
      input = el('input');
      input.type = 'checkbox';
      input.checked = value === true;
      input.addEventListener('change', function () { page.config[name] = input.checked; });
    } else if (type === 'object' || type === 'array') {
      input = el('textarea');
      input.rows = 2;
      input.value = value === undefined ? '' : JSON.stringify(value);
      input.placeholder = type === 'array' ? '["a", "b"]' : '{"key": "value"}';
      input.addEventListener('input', function () {
        try { page.config[name] = input.value.trim() === '' ? undefined : JSON.parse(input.value); } catch (e) { }
      });
    } else {
      input = el('input');
      input.type = property.airbyte_secret ? 'password' : (type === 'integer' || type === 'number' ? 'number' : 'text');
      input.value = value === undefined ? '' : String(value);
      input.addEventListener('input', function () {
        if (input.value === '') { delete page.config[name]; return; }
        page.config[name] = input.type === 'number' ? Number(input.value) : input.value;
      });
    }
    input.id = 'config-' + name;
    input.name = name;
    return input;
  }

  /* ---- test reads ---- */

  function runTest() {
    var stream = $('stream').value;
    $('test').disabled = true;
    setStatus('Reading ' + stream + '...');
    $('error').hidden = true;
    api('test', {
      text: page.editor.getValue(), config: page.config, stream: stream,
      limits: {max_records: Number($('max-records').value), max_pages_per_slice: Number($('max-pages').value),
        max_slices: Number($('max-slices').value)}
    }).then(function (answer) {
      $('test').disabled = false;
      if (answer.error) { showError(answer.error); setStatus('Test failed'); return; }
      page.lastRead = answer.read;
      page.lastStream = stream;
      showRead(answer.read);
      if (answer.errors.length > 0) {
        var last = answer.errors[answer.errors.length - 1];
        showError({message: last.message, failure_type: 'error during the read', path: last.path, line: last.line});
      }
      setStatus('Read ' + countRecords(answer.read) + ' records of ' + stream);
    }, function (failure) {
      $('test').disabled = false;
      showError({message: String(failure), failure_type: 'system_error'});
    });
  }

  function countRecords(read) {
    return read.slices.reduce(function (total, slice) {
      return total + slice.pages.reduce(function (sum, p) { return sum + p.records.length; }, 0);
    }, 0);
  }

  function showError(error) {
    var box = $('error');
    box.textContent = '';
    box.hidden = false;
    box.appendChild(el('strong', null, (error.failure_type || 'error') + ': '));
    box.appendChild(el('span', null, error.message));
    if (error.path) {
      box.appendChild(el('div', 'yaml-path', 'at ' + error.path));
    }
    if (error.line) {
      var link = el('a', null, 'line ' + error.line);
      link.href = '#';
      link.addEventListener('click', function (event) { event.preventDefault(); goTo(error.line); });
      box.appendChild(link);
    }
  }

  function showRead(read) {
    var results = $('results');
    results.textContent = '';
    if (read.test_read_limit_reached) {
      results.appendChild(el('div', 'limit', 'A test-read limit was reached: the API has more.'));
    }
    read.auxiliary_requests.forEach(function (request) { results.appendChild(auxiliary(request)); });
    read.slices.forEach(function (slice, index) {
      var box = el('details', 'slice');
      box.open = index === 0;
      box.appendChild(el('summary', null, 'Slice ' + (index + 1) + ' — ' + slice.pages.length + ' page(s)'));
      if (slice.slice_descriptor) { box.appendChild(labelled('Slice', pretty(slice.slice_descriptor))); }
      slice.auxiliary_requests.forEach(function (request) { box.appendChild(auxiliary(request)); });
      slice.pages.forEach(function (p, pageIndex) { box.appendChild(pageView(p, pageIndex)); });
      box.appendChild(labelled('State after this slice', slice.state.length ? pretty(slice.state) : '(none)', 'state'));
      results.appendChild(box);
    });
    var logs = $('logs');
    logs.textContent = '';
    read.logs.forEach(function (log) { logs.appendChild(el('li', log.level, log.level + ' ' + log.message)); });
    $('logs-panel').hidden = read.logs.length === 0;
    showSchema();
  }

  function labelled(title, text, className) {
    var box = el('div', className);
    box.appendChild(el('h4', null, title));
    box.appendChild(el('pre', null, text));
    return box;
  }

  function exchange(request, response) {
    var box = el('div', 'exchange');
    if (request) {
      box.appendChild(labelled('Request', request.http_method + ' ' + request.url + '\n'
          + headerText(request.headers) + (request.body ? '\n' + pretty(request.body) : ''), 'request'));
    }
    if (response) {
      box.appendChild(labelled('Response ' + response.status, headerText(response.headers) + '\n'
          + (response.body === null ? '' : pretty(response.body)), 'response'));
    }
    return box;
  }

  function headerText(headers) {
    return Object.keys(headers || {}).map(function (k) { return k + ': ' + headers[k]; }).join('\n');
  }

  function auxiliary(request) {
    var box = el('details', 'auxiliary');
    box.appendChild(el('summary', null, request.title + (request.type ? ' (' + request.type + ')' : '')));
    if (request.description) { box.appendChild(el('div', null, request.description)); }
    box.appendChild(exchange(request.request, request.response));
    return box;
  }

  function pageView(p, index) {
    var box = el('details', 'page');
    box.open = index === 0;
    box.appendChild(el('summary', null, 'Page ' + (index + 1) + ' — ' + p.records.length + ' record(s)'
        + (p.response ? ', HTTP ' + p.response.status : '')));
    box.appendChild(exchange(p.request, p.response));
    box.appendChild(recordsTable(p.records));
    return box;
  }

  function recordsTable(records) {
    var table = el('table', 'records');
    var columns = [];
    records.forEach(function (record) {
      Object.keys(record).forEach(function (key) { if (columns.indexOf(key) < 0) { columns.push(key); } });
    });
    var head = el('tr');
    columns.forEach(function (column) { head.appendChild(el('th', null, column)); });
    table.appendChild(head);
    records.forEach(function (record) {
      var row = el('tr');
      columns.forEach(function (column) {
        var value = record[column];
        row.appendChild(el('td', null, value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value)
            : String(value)));
      });
      table.appendChild(row);
    });
    return table;
  }

  /* ---- schemas ---- */

  function declaredSchema() {
    var stream = page.outline.streams.filter(function (s) { return s.name === page.lastStream; })[0];
    return stream ? stream.declared_schema : null;
  }

  function showSchema() {
    var read = page.lastRead;
    if (!read) { return; }
    var declared = declaredSchema();
    $('schema-panel').hidden = false;
    $('schema-declared').textContent = declared ? pretty(declared) : '(not an InlineSchemaLoader)';
    $('schema-inferred').textContent = read.inferred_schema ? pretty(read.inferred_schema) : '(no records)';
    $('take-schema').disabled = !read.inferred_schema;
    var diff = $('schema-diff');
    diff.textContent = '';
    differences(declared || {}, read.inferred_schema || {}, '').forEach(function (line) {
      diff.appendChild(el('li', line[0], line[1]));
    });
    if (!diff.firstChild) { diff.appendChild(el('li', null, 'The declared and inferred schemas agree.')); }
  }

  function typeOf(schema) {
    var type = schema && schema.type;
    return Array.isArray(type) ? type.slice().sort().join('|') : String(type);
  }

  function differences(declared, inferred, prefix) {
    var out = [];
    var left = declared.properties || {}, right = inferred.properties || {};
    Object.keys(right).forEach(function (key) {
      if (!(key in left)) {
        out.push(['added', '+ ' + prefix + key + ' (' + typeOf(right[key]) + ') only in the inferred schema']);
      } else if (typeOf(left[key]) !== typeOf(right[key])) {
        out.push(['changed', '~ ' + prefix + key + ': declared ' + typeOf(left[key]) + ', inferred '
            + typeOf(right[key])]);
      } else if (right[key].properties || left[key].properties) {
        out = out.concat(differences(left[key], right[key], prefix + key + '.'));
      }
    });
    Object.keys(left).forEach(function (key) {
      if (!(key in right)) { out.push(['removed', '- ' + prefix + key + ' only in the declared schema']); }
    });
    return out;
  }

  function takeSchema() {
    api('take-schema', {text: page.editor.getValue(), stream: page.lastStream, schema: page.lastRead.inferred_schema})
      .then(function (answer) {
        if (answer.error) { showError(answer.error); return; }
        var doc = page.editor.getDoc();
        doc.replaceRange(answer.replacement, doc.posFromIndex(answer.start), doc.posFromIndex(answer.end));
        setStatus('The inferred schema is in ' + page.lastStream + "'s schema_loader (not saved yet)");
      });
  }

  /* ---- files ---- */

  function save() {
    var text = page.editor.getValue();
    api('save', {text: text, version: page.manifestVersion}).then(function (answer) {
      if (answer.conflict) {
        $('conflict-message').textContent = answer.conflict;
        $('conflict').hidden = false;
        setStatus('Not saved');
        return;
      }
      if (answer.error) { showError(answer.error); return; }
      page.manifestVersion = answer.version;
      page.savedText = text;
      markDirty();
      $('conflict').hidden = true;
      setStatus('Saved ' + answer.path + ' (the previous file is ' + answer.backup + ')');
    });
  }

  function saveConfig() {
    api('save-config', {config: page.config, version: page.configVersion}).then(function (answer) {
      if (answer.conflict) { setStatus(answer.conflict); return; }
      if (answer.error) { showError(answer.error); return; }
      page.configVersion = answer.version;
      setStatus('Saved the config to ' + answer.path);
    });
  }

  function load() {
    return api('session').then(function (session) {
      page.manifestVersion = session.manifest.version;
      page.savedText = session.manifest.text;
      $('file-path').textContent = session.manifest.path;
      page.config = session.config.values || {};
      page.configVersion = session.config.version;
      $('config-path').textContent = session.config.path || '(in this page only: start with --config FILE to save it)';
      $('save-config').disabled = !session.config.path;
      page.editor.setValue(session.manifest.text);
      page.editor.clearHistory();
      $('conflict').hidden = true;
      markDirty();
    });
  }

  page.editor = CodeMirror($('editor'), {
    mode: 'yaml', lineNumbers: true, indentUnit: 2, tabSize: 2, indentWithTabs: false,
    extraKeys: {Tab: function (cm) { cm.replaceSelection('  '); }},
    gutters: ['CodeMirror-lint-markers'],
    lint: {getAnnotations: lint, async: true, delay: 250}
  });
  page.editor.on('change', markDirty);
  $('test').addEventListener('click', runTest);
  $('save').addEventListener('click', save);
  $('save-config').addEventListener('click', saveConfig);
  $('take-schema').addEventListener('click', takeSchema);
  $('reload').addEventListener('click', load);
  load().then(function () { page.ready = true; });
}());
