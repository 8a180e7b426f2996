"""Expectation oracle for Sluice's interpolation tests (not part of the build).

Real Jinja2 (SandboxedEnvironment, as the reference uses) plus stand-ins, written for this purpose, for the CDK's
eval() rules (literal_eval of the render, TypeError -> template text, UndefinedError -> default) and its macros and
filters as interpolation.md describes them. It writes the expected results that ConformanceTest and CorpusTest
compare Sluice against.

    pip install jinja2 python-dateutil pyyaml
    python3 generate.py   # rewrites ../resources/interpolation/*.json
"""
import ast, json, sys, datetime, hashlib, base64, re, uuid, hmac as hmac_lib, urllib.parse
from jinja2 import meta, Undefined
from jinja2.exceptions import UndefinedError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment
from dateutil import parser as du

UTC = datetime.timezone.utc
NOW = datetime.datetime(2021, 9, 1, tzinfo=UTC)

def str_to_datetime(s):
    # dateutil's isoparse starts with getattr(s, 'read', ...), which raises UndefinedError on an Undefined.
    s = getattr(s, 'read', lambda: s)()
    if isinstance(s, int): return datetime.datetime.fromtimestamp(s, UTC)
    if not isinstance(s, str): raise ValueError('bad')
    if s.startswith('-'): raise ValueError('neg')
    if s[1:].replace('.', '').isdigit():
        return datetime.datetime.fromtimestamp(float(s) if '.' in s else int(s), UTC)
    if ':' not in s and s.count('-') == 2 and '/' not in s:
        y, m, d = map(int, s.split('-')); return datetime.datetime(y, m, d, tzinfo=UTC)
    dt = du.parse(s)
    if dt.tzinfo is None: dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)

def timestamp(dt):
    if isinstance(dt, (int, float)): return int(dt)
    return str_to_datetime(dt).astimezone(UTC).timestamp()

def day_delta(num_days, format="%Y-%m-%dT%H:%M:%S.%f%z"):
    return (NOW + datetime.timedelta(days=num_days)).strftime(format)

def duration(s):
    m = re.fullmatch(r"P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", s)
    w, d, h, mi, se = (int(x) if x else 0 for x in m.groups())
    return datetime.timedelta(weeks=w, days=d, hours=h, minutes=mi, seconds=se)

def cdk_format(dt, fmt):
    if fmt == '%s': return str(int(dt.timestamp()))
    if fmt == '%ms': return str(int(dt.timestamp() * 1000))
    if fmt == '%epoch_microseconds': return str(int(dt.timestamp() * 1_000_000))
    if fmt == '%s_as_float': return str(float(dt.timestamp()))
    if '%_ms' in fmt: fmt = fmt.replace('%_ms', '%03d' % (dt.microsecond // 1000))
    return dt.strftime(fmt)

def format_datetime(dt, format, input_format=None):
    if isinstance(dt, datetime.datetime): return dt.strftime(format)
    if isinstance(dt, int):
        f = input_format or '%s'
        if f == '%s': d = datetime.datetime.fromtimestamp(dt, UTC)
        elif f == '%ms': d = datetime.datetime(1970,1,1,tzinfo=UTC) + datetime.timedelta(milliseconds=dt)
        elif f == '%epoch_microseconds': d = datetime.datetime(1970,1,1,tzinfo=UTC) + datetime.timedelta(microseconds=dt)
        else: d = datetime.datetime.strptime(str(dt), f)
    elif input_format: d = datetime.datetime.strptime(dt, input_format)  # TypeError unless dt is a str
    elif isinstance(dt, (str, Undefined)): d = str_to_datetime(dt)
    else: raise ValueError('unsupported')
    if d.tzinfo is None: d = d.replace(tzinfo=UTC)
    return cdk_format(d, format)

def camel(s): return re.sub(r"(?<!^)(?=[A-Z])", "_", s).lower()

macros = dict(now_utc=lambda: NOW, today_utc=lambda: NOW.date(), timestamp=timestamp, max=max, min=min,
              day_delta=day_delta, duration=duration, format_datetime=format_datetime, str_to_datetime=str_to_datetime,
              sanitize_url=lambda s: urllib.parse.quote_plus(s), camel_case_to_snake_case=camel,
              today_with_timezone=lambda tz: (tz.upper(), NOW.date())[1])  # pytz.timezone calls zone.upper() first

def f_hash(value, hash_type='md5', salt=None):
    h = getattr(hashlib, hash_type)(); h.update(str(value).encode()); 
    if salt: h.update(str(salt).encode())
    return h.hexdigest()
def f_string(value): return value if isinstance(value, str) else f'"""{json.dumps(value)}"""'
def f_regex_search(value, regex):
    m = re.search(regex, value)
    return m.group(1) if m and len(m.groups()) > 0 else ""
filters = dict(hash=f_hash, base64encode=lambda v: base64.b64encode(v.encode()).decode(),
               base64decode=lambda v: base64.b64decode(v.encode()).decode(),
               base64binascii_decode=lambda v: base64.standard_b64encode(v.encode('ascii')).decode('ascii'),
               string=f_string, regex_search=f_regex_search, regex_replace=lambda v, r, p: re.sub(r, p, v),
               hmac=lambda v, k, t='sha256': hmac_lib.new(str(k).encode(), str(v).encode(), hashlib.sha256).hexdigest())

env = SandboxedEnvironment()
env.filters.update(filters); env.globals.update(macros); env.globals.pop('range', None)

def literal(result):
    try: ev = ast.literal_eval(result)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError): return result
    if isinstance(ev, complex): return result
    return ev

def render(s, ctx):
    try:
        undeclared = meta.find_undeclared_variables(env.parse(s))
        missing = {v for v in undeclared if v not in ctx}
        if missing: raise NameError('undeclared')
        return env.from_string(s).render(ctx)
    except TypeError:
        return s

def evaluate(s, ctx):
    if 'stream_state' in s: raise PermissionError('stream_state')
    try:
        r = render(s, ctx)
        if r: return literal(r)
    except UndefinedError:
        pass
    return None

def tojson(v):
    if isinstance(v, (list, tuple, set)): return [tojson(x) for x in v]
    if isinstance(v, dict): return {str(k): tojson(x) for k, x in v.items()}
    if isinstance(v, (bytes, type(...))): return {'__unrepresentable__': repr(v)}  # Sluice keeps the text
    return v

def run(cases):
    out = []
    for c in cases:
        ctx = c['context']
        if 'stream_slice' in ctx:
            ctx['stream_interval'] = ctx['stream_partition'] = ctx['stream_slice']
        try:
            out.append({'ok': tojson(evaluate(c['template'], ctx))})
        except Exception as e:
            out.append({'error': type(e).__name__, 'message': str(e)[:200]})
    return out

