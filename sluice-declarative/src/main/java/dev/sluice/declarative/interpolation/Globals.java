package dev.sluice.declarative.interpolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Names every template sees without a context variable: the CDK macros, Jinja's {@code dict} and {@code self}.
 * Jinja's other globals ({@code namespace}, {@code cycler}, {@code joiner}, {@code lipsum}) are not free variables
 * in the reference either, but nothing uses them, so they are refused at compile time. {@code range} is not a
 * global (the reference removed it), so a template using it fails as an undeclared variable.
 */
final class Globals {

    static final Set<String> MACROS = Set.of("now_utc", "today_utc", "today_with_timezone", "timestamp", "max", "min",
            "day_delta", "duration", "format_datetime", "str_to_datetime", "sanitize_url", "camel_case_to_snake_case",
            "generate_uuid");
    private static final Set<String> UNSUPPORTED = Set.of("namespace", "cycler", "joiner", "lipsum");

    private Globals() {
    }

    static boolean isGlobal(String name) {
        return MACROS.contains(name) || name.equals("dict") || name.equals("self") || UNSUPPORTED.contains(name);
    }

    static void checkSupported(String name) {
        if (UNSUPPORTED.contains(name)) {
            throw PyErrors.syntax("the Jinja global '" + name + "' is not supported in Sluice templates");
        }
    }

    static @Nullable Object value(String name) {
        if (name.equals("self")) {
            return Callables.TemplateReference.INSTANCE;
        }
        return MACROS.contains(name) || name.equals("dict") ? new Callables.FunctionRef(name) : null;
    }

    static Object call(String name, Args args, Frame frame) {
        if (name.equals("dict")) {
            return dict(args);
        }
        return Macros.call(name, args, frame.context().clock());
    }

    private static Object dict(Args args) {
        if (args.positional().size() > 1) {
            throw PyErrors.typeError("dict expected at most 1 argument, got " + args.positional().size());
        }
        List<Object> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (!args.positional().isEmpty()) {
            Object source = args.positional().get(0);
            if (source instanceof PyMapping) {
                PyMapping mapping = (PyMapping) source;
                for (Object key : mapping.keys()) {
                    keys.add(key);
                    values.add(mapping.get(key));
                }
            } else {
                for (Object pair : Py.iterate(source)) {
                    List<Object> items = Py.iterate(pair);
                    if (items.size() != 2) {
                        throw PyErrors.valueError("dictionary update sequence element has length " + items.size()
                                + "; 2 is required");
                    }
                    keys.add(items.get(0));
                    values.add(items.get(1));
                }
            }
        }
        args.keywords().forEach((key, value) -> {
            keys.add(key);
            values.add(value);
        });
        return PyDict.of(keys, values);
    }
}
