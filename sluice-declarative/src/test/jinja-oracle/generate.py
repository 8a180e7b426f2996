"""Writes the expectation files of ConformanceTest and CorpusTest from the Jinja2 oracle (see oracle.py)."""
import glob, json, math, os
import yaml
from oracle import run

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, '..', 'resources', 'interpolation')
MANIFESTS = os.path.join(HERE, '..', '..', '..', '..', '..', 'shared', 'manifests')

# One context for the hand-written cases: values chosen to reach Python's edge cases.
CONTEXT = {"config": {"a": "123", "s": "Hello World", "n": None, "f": 1.5, "i": 7, "b": True, "l": [3, 1, 2], "e": [], "d": {"k": "v", "items": 5, "_id": 9}, "nested": {"x": {"y": [10, 20, {"z": "deep"}]}},
        "people": [{"name": "b", "age": 30, "tags": ["x"]}, {"name": "A", "age": 25}, {"name": "c", "age": 35}], "big": 12345678901234567890, "neg": -5, "zero": 0, "date": "2022-01-01", "dt": "2022-01-01T01:01:01Z",
        "emoji": "a😀b", "words": "they're bill's friends", "csv": "a,b,,c", "ws": "  x  y  ", "num_value": 3, "string_key": "compare_me"},
       "record": {"id": 1, "name": "x", "v": "4.4", "empty": "", "zero": "0.0", "flt": 0.0, "none": None, "t": 1683729087}}

# Template lines; each line is a case, and so is each single {{ }} expression on it.
T = r'''
{{ config.a }}|{{ config['a'] | int + 1 }}|{{ config.a ~ 'x' }}
{{ config.s.upper() }}|{{ config.s.lower() }}|{{ config.s.title() }}|{{ config.s.swapcase() }}|{{ config.s.capitalize() }}
{{ config.s.split() }}|{{ config.s.split('o') }}|{{ config.s.split('o', 1) }}|{{ config.s.rsplit('o', 1) }}|{{ config.csv.split(',') }}
{{ config.ws.strip() }}|{{ config.ws.lstrip() }}|{{ config.ws.rstrip() }}|{{ config.ws.split() }}|{{ config.ws.split(' ') }}
{{ config.s.startswith('Hell') }}{{ config.s.endswith(('x', 'd')) }}{{ config.s.find('o') }}{{ config.s.rfind('o') }}{{ config.s.count('l') }}{{ config.s.index('W') }}
{{ config.s.replace('l', 'L') }}|{{ config.s.replace('l', 'L', 2) }}|{{ 'abc'.replace('', '-') }}|{{ config.s.zfill(15) }}|{{ '-5'.zfill(4) }}
{{ config.s.center(17, '*') }}|{{ config.s.ljust(13, '.') }}|{{ config.s.rjust(13) }}|{{ config.s.partition(' ') }}|{{ config.s.rpartition('o') }}
{{ '12'.isdigit() }}{{ 'ab'.isalpha() }}{{ 'a1'.isalnum() }}{{ ' '.isspace() }}{{ 'Ab'.istitle() }}{{ 'ab'.islower() }}{{ 'AB'.isupper() }}{{ ''.isdigit() }}{{ ''.isascii() }}
{{ ','.join(['a', 'b']) }}|{{ '-'.join(config.s) }}|{{ 'x{}y{}'.format(1, 'z') }}|{{ '{0}-{0}'.format('r') }}|{{ '{a}'.format(a=config.f) }}|{{ '{:>6.2f}'.format(config.f) }}
{{ 'a\nb\r\nc'.splitlines() }}|{{ config.s.removeprefix('Hello ') }}|{{ config.s.removesuffix('World') }}|{{ config.s.casefold() }}
{{ config.l | sort }}|{{ config.l | sort(reverse=true) }}|{{ config.people | sort(attribute='name') | map(attribute='name') | list }}|{{ config.people | sort(attribute='name', case_sensitive=true) | map(attribute='name') | join(',') }}
{{ config.l | first }}|{{ config.l | last }}|{{ config.e | first }}|{{ config.l | length }}|{{ config.l | max }}|{{ config.l | min }}|{{ config.l | sum }}|{{ config.people | sum(attribute='age') }}
{{ config.people | map(attribute='tags') | list }}|{{ config.people | map(attribute='tags', default=[]) | list }}|{{ config.people | selectattr('age', 'gt', 28) | map(attribute='name') | join('/') }}|{{ config.people | rejectattr('tags') | list | length }}
{{ config.l | select('odd') | list }}|{{ config.l | reject('odd') | list }}|{{ config.l | map('string') | list }}|{{ config.l | map('int') | list }}|{{ [1, 2, 2, 'a', 'A'] | unique | list }}
{{ config.d | dictsort }}|{{ config.d | dictsort(by='value', reverse=true) if false else '' }}|{{ config.d | list }}|{{ config.d.keys() | list }}|{{ config.d.items() | list }}|{{ config.d | items | list }}
{{ config.d.items }}|{{ config.d['items'] }}|{{ config.d.get('k') }}|{{ config.d.get('zz', 'dflt') }}|{{ config.d.get('zz') }}|{{ config.d._id if false else config.d['_id'] }}
{{ config.nested.x.y[2].z }}|{{ config.nested['x']['y'][-1]['z'] }}|{{ config.nested.x.y.1 }}|{{ config.nested.x.y[5] }}|{{ config.nested.x.missing }}|{{ config.l[1:] }}|{{ config.l[::-1] }}|{{ config.s[-5:] }}|{{ config.s[::2] }}
{{ config.emoji | length }}|{{ config.emoji[1] }}|{{ config.emoji[::-1] }}|{{ config.emoji | reverse }}|{{ config.emoji.upper() }}
{{ config.words | title }}|{{ config.words.title() }}|{{ config.words | capitalize }}|{{ config.words | wordcount }}|{{ config.words | upper }}|{{ config.words | replace("'", '') }}
{{ config.f | round }}|{{ 2.675 | round(2) }}|{{ 2.5 | round }}|{{ 3.5 | round }}|{{ 7 | round }}|{{ 1234 | round(-2) }}|{{ 2.1 | round(0, 'ceil') }}|{{ 2.9 | round(0, 'floor') }}|{{ -2.5 | abs }}|{{ config.neg | abs }}
{{ '42' | int }}|{{ '4.7' | int }}|{{ 'x' | int }}|{{ 'x' | int(5) }}|{{ '0x1A' | int(base=16) }}|{{ ' 12 ' | int }}|{{ '1_000' | int }}|{{ none | int }}|{{ 4.9 | int }}|{{ -4.9 | int }}|{{ true | int }}
{{ '4.5' | float }}|{{ 'x' | float }}|{{ '1e3' | float }}|{{ 3 | float }}|{{ 'inf' | float }}|{{ none | float }}|{{ '' | float }}
{{ config.n | default('d') }}|{{ config.missing | default('d') }}|{{ '' | default('d', true) }}|{{ 0 | default('d', true) }}|{{ config.missing | d }}|
{{ config.d | tojson }}|{{ config.people | tojson }}|{{ "<a href='x'>&</a>" | tojson }}|{{ config.n | tojson }}|{{ [1.0, 2.5e20, true] | tojson }}|{{ {'b': 1, 'a': [None]} | tojson(indent=2) }}
{{ config.i | string }}|{{ config.f | string }}|{{ config.b | string }}|{{ config.l | string }}|{{ config.d | string }}|{{ config.n | string }}|{{ 'x' | string }}
{{ 'a b/c&d=é' | urlencode }}|{{ {'a': 'x y', 'b': 2} | urlencode }}|{{ [('k', 'v'), ('k2', 'v 2')] | urlencode }}|{{ 5 | urlencode }}
{{ '%s|%5s|%-5s|%.2s' % ('a', 'b', 'c', 'xyz') }}|{{ '%d|%05d|%+d|%x|%X|%o|%#x|%e|%.3f|%g|%G|%c|%r|%%' % (3, 42, 5, 255, 255, 8, 255, 12345.678, 2.675, 0.00001, 1e20, 65, 'q') }}
{{ '%(a)s and %(b)05.1f' % {'a': 'x', 'b': 2.25} }}|{{ '%s' % none }}|{{ '%s' % [1, 2] }}|{{ '%s-%s' % config.l[:2] }}|{{ '%.0f' % 0.5 }}|{{ '%.0f' % 1.5 }}|{{ '%5.1f%%' % 99.25 }}
{{ 7 // 2 }}|{{ -7 // 2 }}|{{ 7 % 3 }}|{{ -7 % 3 }}|{{ 7 % -3 }}|{{ 7.5 // 2 }}|{{ -7.5 % 2 }}|{{ 2 ** 10 }}|{{ 2 ** -2 }}|{{ 2 ** 0.5 }}|{{ 10 / 4 }}|{{ 10 / 5 }}|{{ 0.1 + 0.2 }}|{{ 1e16 }}|{{ 1e15 }}|{{ 1.5e-5 }}|{{ 123456789.0 * 1000 }}
{{ config.big + 1 }}|{{ config.big * config.big }}|{{ 2 ** 100 }}|{{ 9223372036854775807 + 1 }}|{{ -9223372036854775808 - 1 }}|{{ config.big // 7 }}|{{ config.big % 7 }}|{{ config.big / 7 }}
{{ 1 < 2 < 3 }}|{{ 3 > 2 > 2 }}|{{ 1 == 1.0 }}|{{ true == 1 }}|{{ 'a' < 'b' }}|{{ [1, 2] < [1, 3] }}|{{ (1, 2) == [1, 2] }}|{{ none == none }}|{{ config.missing == config.other }}|{{ 'a' in 'cat' }}|{{ 2 in config.l }}|{{ 'k' in config.d }}|{{ 'z' not in config.d }}
{{ 1 and 2 }}|{{ 0 and 2 }}|{{ 0 or 'x' }}|{{ none or [] }}|{{ not config.e }}|{{ not config.l }}|{{ config.e or 'empty' }}|{{ 'yes' if config.b else 'no' }}|{{ 'yes' if config.n }}|{{ 'a' if false else 'b' if false else 'c' }}
{{ config.missing is defined }}|{{ config.missing is undefined }}|{{ config.n is none }}|{{ config.n is not none }}|{{ config.s is string }}|{{ config.i is number }}|{{ config.b is number }}|{{ config.i is integer }}|{{ config.f is float }}|{{ config.d is mapping }}|{{ config.l is iterable }}|{{ config.l is sequence }}|{{ config.b is boolean }}|{{ 4 is divisibleby 2 }}|{{ 3 is odd }}|{{ config.i is even }}|{{ 1 is sameas 1 }}|{{ config.l is in [[3, 1, 2]] }}|{{ 5 is gt 3 }}|{{ 'a' is eq 'a' }}|{{ config.s is upper }}|{{ config.b is true }}|{{ config.b is false }}
{% for x in config.l %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.first }}{{ loop.last }}{{ loop.length }}{{ x }};{% endfor %}
{% for p in config.people if p.age > 26 %}{{ p.name }}{{ loop.length }}{% else %}none{% endfor %}|{% for x in config.e %}x{% else %}empty{% endfor %}|{% for k, v in config.d.items() %}{{ k }}={{ v }},{% endfor %}
{% set x = 5 %}{% set y, z = 1, 2 %}{{ x + y + z }}|{% set t %}  block {{ x }} {% endset %}[{{ t }}]|{% if config.b %}T{% elif config.n %}N{% else %}F{% endif %}|{% if false %}a{% elif 0 %}b{% endif %}
  {%- if true -%}   stripped   {%- endif -%}   |{# comment #}x{#- c -#}   y|{% raw %}{{ not rendered }}{% endraw %}
{{ config['num_value'] | int + 2 }}|{{ record['v'] | float if record.get('v') is not none and record.get('v') != '' else none }}|{{ record['empty'] | float if record.get('empty') is not none and record.get('empty') != '' else none }}
{{ now_utc() }}|{{ now_utc().strftime('%Y-%m-%d') }}|{{ today_utc() }}|{{ today_utc().strftime('%Y/%m/%d') }}|{{ now_utc().isoformat('T', 'seconds') }}|{{ now_utc().isoformat() }}|{{ now_utc().timestamp() }}|{{ now_utc().date() }}|{{ now_utc().year }}{{ now_utc().month }}|{{ now_utc().weekday() }}|{{ now_utc().replace(day=5) }}|{{ now_utc().replace(tzinfo=none) }}
{{ timestamp(1646006400) }}|{{ timestamp(100.9) }}|{{ timestamp('2022-02-28') }}|{{ timestamp('2022-02-28T00:00:00Z') }}|{{ timestamp('2022-02-28 00:00:00Z') }}|{{ timestamp('2022-02-28T00:00:00-08:00') }}|{{ timestamp('2022-02-28T10:11:12') }}|{{ timestamp('2017-01-01T00:00:00.0Z') }}
{{ max(2, 3) }}|{{ max([2, 3]) }}|{{ min(2, 3) }}|{{ max('a', 'b') }}|{{ min(config.l) }}|{{ day_delta(1) }}|{{ day_delta(-1) }}|{{ day_delta(25, format='%Y-%m-%d') }}|{{ day_delta(0.5) }}
{{ duration('P1D') }}|{{ duration('P6DT23H') }}|{{ duration('PT1H') }}|{{ (now_utc() - duration('P1D')).strftime('%Y-%m-%dT%H:%M:%SZ') }}|{{ now_utc() + duration('PT36H') }}|{{ (now_utc() - duration('P1W')).date() }}|{{ duration('P1D').total_seconds() }}|{{ -duration('PT1S') }}
{{ format_datetime(config.dt, '%Y-%m-%d') }}|{{ format_datetime('2022-01-01T01:01:01-0800', '%Y-%m-%dT%H:%M:%SZ') }}|{{ format_datetime(config.dt, '%s') }}|{{ format_datetime(record.t, '%Y-%m-%dT%H:%M:%SZ') }}|{{ format_datetime(1640998861000, '%Y-%m-%dT%H:%M:%SZ', '%ms') }}|{{ format_datetime(now_utc(), '%Y %z') }}|{{ format_datetime('2022-01-01T01:01:01+0100', '%Y-%m-%dT%H:%M:%S.%f%z') }}|{{ format_datetime('Sat, 01 Jan 2022 01:01:01 +0000', '%Y-%m-%d', '%a, %d %b %Y %H:%M:%S %z') }}
{{ str_to_datetime('2022-01-14') }}|{{ str_to_datetime('2022-01-01 13:45:30') }}|{{ str_to_datetime('2022-01-01T13:45:30+05:30') }}|{{ str_to_datetime('2022-01-01T13:45:30.123456Z') }}|{{ str_to_datetime(config.dt) < now_utc() }}|{{ (now_utc() - str_to_datetime(config.dt)).days }}
{{ sanitize_url('https://example.com/path?query=value') }}|{{ sanitize_url('hello world') }}|{{ camel_case_to_snake_case('CamelCase') }}|{{ camel_case_to_snake_case('CamelCase_snake_case') }}
{{ 'Test client_secret' | hash }}|{{ 'Test client_secret' | hash('md5', 'salt') }}|{{ 123.456 | hash('md5') }}|{{ 'x' | hash('sha256') }}|{{ 'Test client_secret' | base64encode }}|{{ 'YWlyYnl0ZQ==' | base64decode }}|{{ 'abc' | base64binascii_decode }}|{{ 'msg' | hmac('key') }}
{{ '<https://this-is-test-link.com/?page=2>; rel="next"' | regex_search('<(.*)>; rel=.*') }}|{{ 'abc' | regex_search('x(y)') }}|{{ 'abc' | regex_search('b') }}|{{ 'hello world' | regex_replace('world', 'there') }}|{{ 'abc123def456' | regex_replace('[0-9]+', '') }}|{{ 'aaa bbb aaa' | regex_replace('a+', 'ccc') }}|{{ 'john smith' | regex_replace('(\\w+) (\\w+)', '\\2 \\1') }}|{{ 'ab' | regex_replace('(?P<first>a)', '[\\g<first>]') }}|{{ 'x-y' | regex_replace('', '.') }}
{{ 1, 2 }}|{{ (1,) }}|{{ () }}|{{ [] }}|{{ {} }}|{{ {'a': none, 1: true} }}|{{ [1.0, 'x', none, true, (2,)] }}|{{ 'q\'s' }}|{{ ["it's", 'say "hi"', 'both \' "'] }}|{{ '\\' }}|{{ '\t\n' }}|{{ ['\t', '\x01', 'é', '\u2028'] }}
{{ config.l * 2 }}|{{ 'ab' * 0 }}|{{ [1] + [2] }}|{{ (1,) + (2,) }}|{{ -config.f }}|{{ +config.i }}|{{ not 0 }}|{{ config.i // 0 if false else 'nz' }}
{{ dict(a=1, b='x') }}|{{ dict() }}|{{ self.name }}|{{ '' ~ self }}
{{ config.people[0].tags[0] }}|{{ config.people[0]['tags'] }}|{{ config.people | map(attribute='name') | map('upper') | join }}|{{ config.people | map(attribute='age') | select('gt', 26) | list }}|{{ config.people | batch(2) | list }}|{{ config.l | reverse | list }}|{{ config.l | reverse }}|{{ config.people | map(attribute='name') }}
'''

# Plausible values for every variable a manifest template may read; the connector's sample config is added.
GENERIC = {
 "parameters": {"name": "users", "path": "users", "data_path": "data", "primary_key": "id", "cursor_field": "updated_at", "object": "users", "endpoint": "users", "key": "k"},
 "record": {"id": 12, "name": "Ada", "email": "a@b.c", "created_at": "2021-01-02T03:04:05Z", "updated_at": "2021-05-06T07:08:09Z", "timestamp": 1630454400, "date": "2021-01-01", "type": "user", "status": "active", "_id": "x1", "pos_id": "A- B", "dateCreated": "2021-01-01", "date_updated": "2021-01-01", "modifiedAt": "2021-01-01", "prints": 3, "total_row_count": 2, "dataset": "d", "config": "c", "split": "s", "labels": {"nodes": [{"id": 1}, {"id": 2}]}, "attachments": {"nodes": []}, "media_type": "IMAGE", "media_product_type": "FEED", "instagram_business_account": {"id": "ib"}, "account_id": 7, "some_calculation": "4.4", "phone_number": "123"},
 "response": {"data": [{"id": 1}], "next": "https://x.test/?next=abc12", "has_more": True, "meta": {"next_cursor": "c2", "page": 2, "total_pages": 5}, "pagination": {"next_page": 3, "page": 2}, "links": [{"rel": "next", "href": "https://x.test/p2"}], "nextPageToken": "t", "result": {"summary_info": {"page": 2}, "emailClick": [1]}, "@odata.nextLink": "https://x/?$skiptoken=zz"},
 "stream_slice": {"start_time": "2021-01-01T00:00:00Z", "end_time": "2021-01-31T23:59:59Z", "parent_id": "p1", "id": 5, "account_id": "a1", "organization_id": "me", "ad_account_id": "orgs", "extra_fields": {"external_id": "e1", "page_id": "pg", "query_properties": ["a", "b"]}, "media_insights_info": {"media_type": "VIDEO", "media_product_type": "REELS"}, "account": {"business_account_id": "b1", "page_id": "pg1"}},
 "next_page_token": {"next_page_token": "tok"},
 "headers": {"link": {"next": {"url": "https://x.test/p2"}}, "Link": "<https://x.test/?page=2&endingBefore=zz>; rel=\"next\""},
 "last_record": {"id": 99, "cursor": "lc"}, "last_page_size": 50, "components_values": {"name": "n", "pivot_by": "p", "time_granularity": "DAILY"},
 "creation_response": {"id": "job1"}, "polling_response": {"status": "done"}, "download_target": "https://x/file", "value": "v", "path": ["p"], "property": "prop", "raw_schema": {"type": "string"}, "stream_template_config": {}, "session_token": "s", "kwargs": {"c": "airbyte"}
}


# Plain (brace-free) templates: their text goes straight to literal_eval, which these exercise.
LITERALS = [
    '42',
    ' 42',
    '42 ',
    '\t42',
    '\n42',
    '42\n',
    '42 # c',
    '1\n2',
    '+5',
    '-5',
    '--5',
    '- 5',
    '1_000',
    '0x1F',
    '0o17',
    '0b11',
    '007',
    '00',
    '0_0',
    '1.',
    '.5',
    '1e5',
    '1_0.5',
    '1__0',
    '1_',
    '9173710294242221J',
    '1+2j',
    '1-2j',
    '(1+2j)',
    '1,2',
    '1,',
    '(1,)',
    '()',
    '[]',
    '{}',
    '{1,2}',
    '{(1,2):3}',
    "{'a':1,'a':2}",
    "'abc'",
    '"abc"',
    "'a' 'b'",
    "r'\\d'",
    "b'x'",
    "u'x'",
    "f'x'",
    "''",
    '   ',
    'True',
    'true',
    'None',
    'null',
    '2022-01-01',
    '2022-11-1',
    '1646006400.0',
    '-0.0',
    'inf',
    'nan',
    '[1,[2,(3,)]]',
    "{'a': {'b': [1, None, True]}}",
    "'\\x41\\u0042\\N{BULLET}'",
    "'''a'b'''",
    '"""1"""',
    'set()',
    '...',
    '1 +  2',
    '-(5)',
    '+True',
    '-True',
    '[1,]',
    "{'a':1,}",
    '(1)',
    '((1,2))',
    '1;2',
    'x',
    "'a'\n",
    '[\n1,\n2\n]',
    "'abc' == 'abc'",
    '0.1+0.2',
    '3 - 1',
    '2-1j',
    '-1j',
    '1e5j',
    '[1, 2]  ',
    "'\\q'",
    "'\\1'",
    '\n  42',
    '  \n42',
    '1,\n2',
    '(1,\n2)',
    "'a'\n'b'",
    "('a'\n'b')",
    '\x0c42',
    '1e5J',
    '00.5',
    '0_7',
    '1abc',
    '0x',
    '1.5.2',
    '-(-5)',
    '+-1',
    '(1)(2)',
    '[1][0]',
    '1_0j',
    '.5j',
    '1.e3',
    '1_000.000_1',
    '0b',
    '0b102',
    'True False',
    "b'a' 'b'",
    "u'x' 'y'",
    "Rb'x'",
    "'''a\nb'''",
    "'a\nb'",
    '{1, True}',
    '{True: 1, 1: 2}',
    '[\n#c\n1]',
    '# only comment',
    '1 #c\n',
    'None,',
    '(None)',
    '((((1))))',
    '\t\t42',
    ' \t 42',
    '12345678901234567890123',
    '-9223372036854775809',
    '1e-400',
    '0xdead_beef',
    "[1, 'two', 3.0, None, True, (4, 5), {'six': 6}]",
    "{1: 'a', 2.5: 'b', None: 'c', (1, 2): 'd'}",
    "{'nested': {'set': {1, 2}}}",
    '{[1]: 2}',
    '{{1}, 2}',
    '2022-01-01T00:00:00Z',
    'https://x.test/a?b=1',
    'a, b',
    "'x', 'y'",
    '1 2',
    '(1 2)',
    '[1 2]',
    '{1: 2 3}',
    '{1: }',
    '{: 1}',
    '(,)',
    '[,]',
    '1,,2',
]


def usable(result):
    """Results that depend on memory addresses or are not JSON cannot be compared."""
    text = json.dumps(result)
    return ' at 0x' not in text and 'Infinity' not in text and 'NaN' not in text and '__unrepresentable__' not in text


def conformance_cases():
    templates = []
    for line in T.strip('\n').split('\n'):
        templates.append(line)
        for part in line.split('}}|'):
            part = part if part.endswith('}}') else part + '}}'
            if part.startswith('{{') and part.count('{{') == 1:
                templates.append(part)
    templates = [t for t in dict.fromkeys(templates + LITERALS) if '._' not in t]
    results = run([{'template': t, 'context': json.loads(json.dumps(CONTEXT))} for t in templates])
    return [{'template': t, 'expected': r} for t, r in zip(templates, results) if usable(r)]


def corpus_cases():
    cases = []
    for folder in sorted(glob.glob(os.path.join(MANIFESTS, '*', ''))):
        manifest = os.path.join(folder, 'manifest.yaml')
        if not os.path.exists(manifest):
            continue
        found = set()

        def walk(node):
            if isinstance(node, dict):
                for key, value in node.items():
                    if isinstance(key, str) and ('{{' in key or '{%' in key):
                        found.add(key)
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)
            elif isinstance(node, str) and ('{{' in node or '{%' in node):
                found.add(node)

        with open(manifest) as handle:
            walk(yaml.safe_load(handle))
        connector = os.path.basename(os.path.dirname(folder))
        config = {}
        sample = os.path.join(folder, 'sample_config.json')
        if os.path.exists(sample):
            try:
                with open(sample) as handle:
                    config = json.load(handle)
            except ValueError:
                config = {}
        for template in sorted(found):
            context = json.loads(json.dumps(GENERIC))
            context['config'] = config
            [result] = run([{'template': template, 'context': context}])
            if usable(result):
                cases.append({'connector': connector, 'template': template, 'expected': result})
    return cases


if __name__ == '__main__':
    os.makedirs(RESOURCES, exist_ok=True)
    with open(os.path.join(RESOURCES, 'conformance.json'), 'w') as handle:
        json.dump({'context': CONTEXT, 'cases': conformance_cases()}, handle, indent=1, ensure_ascii=False)
    with open(os.path.join(RESOURCES, 'corpus-expectations.json'), 'w') as handle:
        json.dump({'context': GENERIC, 'cases': corpus_cases()}, handle, indent=1, ensure_ascii=False)
