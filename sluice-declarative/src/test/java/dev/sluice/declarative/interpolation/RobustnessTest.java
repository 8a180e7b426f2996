package dev.sluice.declarative.interpolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.datetime.DatetimeFormat;
import dev.sluice.declarative.datetime.IsoDateTimes;
import dev.sluice.declarative.datetime.IsoDuration;
import dev.sluice.declarative.datetime.Strftime;
import dev.sluice.declarative.datetime.Strptime;
import dev.sluice.source.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded random templates and inputs: whatever a manifest or an API response contains, failures are
 * {@link ConnectorException}s (with a failure type), never a raw Java exception or a hang.
 */
class RobustnessTest {

    private static final String[] ATOMS = {"1", "-3", "2.5", "0", "10**20", "'abc'", "''", "'%s-%d'", "'{}{:>5}'",
        "'2021-01-01'", "'P1D'", "None", "True", "[1, 'a']", "(1,)", "{'k': 'v'}", "config", "config.s", "config.l",
        "config.d", "config.missing", "config['n']", "record", "now_utc()", "today_utc()", "duration('PT1H')",
        "'\\\\d+'", "'(?P<g>a)'", "'99999999999999999999'", "'%999999999s'", "-1e308"};
    private static final String[] BINARY = {"+", "-", "*", "/", "//", "%", "**", "~", "==", "<", ">=", "in", "and", "or"};
    private static final String[] SUFFIXES = {"|int", "|float", "|string", "|length", "|first", "|last", "|list",
        "|join(',')", "|tojson", "|hash", "|base64encode", "|base64decode", "|regex_search('(a)')",
        "|regex_replace('a', '\\\\1')", "|round(3)", "|abs", "|sort", "|unique|list", "|default('d')", "|upper",
        "|trim", "|urlencode", "|map('string')|list", "|selectattr('k')|list", "|dictsort", "|items|list",
        ".split(',')", ".strip()", ".upper()", ".get('k')", ".keys()|list", ".zfill(999999999)", ".format(1, 2)",
        ".strftime('%Y')", ".isoformat()", ".replace(year=99999)", "[0]", "[1:-1]", "[::0]", "['k']", ".k",
        " is defined", " is number", " is divisibleby 0", "|batch(0)|list", "|hmac('k')", "|int(base=99)"};
    private static final String[] CALLS = {"max(%s, %s)", "min(%s)", "timestamp(%s)", "day_delta(%s)",
        "format_datetime(%s, '%%s', %s)", "str_to_datetime(%s)", "duration(%s)", "sanitize_url(%s)",
        "camel_case_to_snake_case(%s)", "today_with_timezone(%s)", "'%%s' %% %s", "dict(%s)", "%s if %s"};

    @Test
    @Timeout(30)
    void randomTemplatesFailOnlyWithConnectorExceptions() {
        Random random = new Random(20210901);
        InterpolationContext context = Fixtures.context("""
                {"s": "a,b", "l": [3, 1, 2], "d": {"k": "v"}, "n": "12"}""").with("record", Fixtures.json("{\"k\": 1}"));
        List<String> unexpected = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            String expression = expression(random, 3);
            String template = random.nextInt(5) == 0 ? "{% for x in " + expression + " %}{{ x }}{% endfor %}"
                    : "{{ " + expression + " }}";
            check(unexpected, template, () -> {
                Template compiled = Template.compile(template);
                compiled.eval(context, LiteralTypes.values()[random.nextInt(LiteralTypes.values().length)]);
                return null;
            });
        }
        assertThat(unexpected).isEmpty();
    }

    @Test
    @Timeout(30)
    void randomTextFailsOnlyWithConnectorExceptions() {
        Random random = new Random(7);
        String alphabet = "0123456789+-_.eEjJxXoObB'\"()[]{},:# \t\n\\%YmdHMSfzZTjUWwaAbBpIyuVGcs-:/";
        List<String> unexpected = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = text.toString();
            String format = value.length() > 8 ? value.substring(0, 8) : value;
            check(unexpected, "literal " + value, () -> LiteralEval.value(value));
            check(unexpected, "iso " + value, () -> IsoDateTimes.parse(value));
            check(unexpected, "duration " + value, () -> IsoDuration.parse(value));
            check(unexpected, "strptime " + value + " / " + format, () -> Strptime.parse(value, format));
            check(unexpected, "cdk " + value + " / " + format, () -> DatetimeFormat.parse(value, format));
            check(unexpected, "strftime " + value, () -> Strftime.format(java.time.LocalDate.of(2021, 9, 1), value));
            check(unexpected, "template " + value, () -> Template.compile(value));
        }
        assertThat(unexpected).isEmpty();
    }

    private static void check(List<String> unexpected, String what, Supplier<Object> action) {
        try {
            action.get();
        } catch (ConnectorException expected) {
            // the only acceptable failure
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            if (unexpected.size() < 20) {
                unexpected.add(what + " -> " + e);
            }
        }
    }

    private static String expression(Random random, int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return ATOMS[random.nextInt(ATOMS.length)] + (random.nextBoolean() ? SUFFIXES[random.nextInt(SUFFIXES.length)] : "");
        }
        switch (random.nextInt(3)) {
            case 0:
                return "(" + expression(random, depth - 1) + " " + BINARY[random.nextInt(BINARY.length)] + " "
                        + expression(random, depth - 1) + ")";
            case 1:
                return String.format(CALLS[random.nextInt(CALLS.length)], expression(random, depth - 1),
                        expression(random, depth - 1));
            default:
                return "(" + expression(random, depth - 1) + ")" + SUFFIXES[random.nextInt(SUFFIXES.length)];
        }
    }
}
