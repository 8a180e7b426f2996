package dev.sluice.cli.scaffold;

import static java.util.Objects.requireNonNull;

import dev.sluice.source.ConfigException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The names of a new project: {@code name} is the Maven artifact and the jar ({@code source-acme-hr}),
 * {@code packageName} the Java package ({@code com.example.acmehr}), {@code classPrefix} what the source's class
 * name starts with ({@code AcmeHr}, giving {@code AcmeHrSource}).
 */
public record ProjectNames(String name, String packageName, String classPrefix) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern PACKAGE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
    private static final Pattern CLASS_PREFIX = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_", "var", "record", "yield", "sealed",
            "permits");

    public ProjectNames {
        requireNonNull(name, "name is null");
        requireNonNull(packageName, "packageName is null");
        requireNonNull(classPrefix, "classPrefix is null");
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException("The name '" + name + "' is not a valid connector name: use lower-case "
                    + "letters, digits and single dashes, starting with a letter (e.g. source-acme-hr)");
        }
        if (!PACKAGE.matcher(packageName).matches()) {
            throw new ConfigException("The package '" + packageName + "' is not a valid Java package name: use "
                    + "lower-case identifiers separated by dots (e.g. com.example.acmehr)");
        }
        for (String part : packageName.split("\\.")) {
            if (KEYWORDS.contains(part)) {
                throw new ConfigException("The package '" + packageName + "' contains the Java keyword '" + part
                        + "'; choose another package with --package");
            }
        }
        if (packageName.equals("java") || packageName.startsWith("java.")) {
            throw new ConfigException("The package '" + packageName + "' is reserved by Java; choose another "
                    + "package with --package");
        }
        if (!CLASS_PREFIX.matcher(classPrefix).matches()) {
            throw new ConfigException("The class prefix '" + classPrefix + "' is not a Java class name");
        }
    }

    /**
     * The names for a connector called {@code name}: without a package, {@code com.example.<name>} with the
     * {@code source-} prefix and the dashes dropped ({@code source-acme-hr} → {@code com.example.acmehr}).
     */
    public static ProjectNames of(String name, @Nullable String packageName) {
        if (!NAME.matcher(name).matches()) {
            // the compact constructor gives the message; the derivations below assume a valid name
            return new ProjectNames(name, "invalid", "Invalid");
        }
        String base = name.startsWith("source-") && name.length() > "source-".length()
                ? name.substring("source-".length()) : name;
        StringBuilder prefix = new StringBuilder();
        for (String word : base.split("-")) {
            prefix.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        String derivedPackage = "com.example." + base.replace("-", "");
        String prefixText = Character.isDigit(prefix.charAt(0)) ? "Source" + prefix : prefix.toString();
        return new ProjectNames(name, packageName == null ? derivedPackage : packageName, prefixText);
    }

    /** A title for documents: {@code source-acme-hr} → {@code Acme Hr}. */
    public String title() {
        return classPrefix.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ");
    }

    /** The package as a folder: {@code com/example/acmehr}. */
    public String packagePath() {
        return packageName.replace('.', '/');
    }
}
