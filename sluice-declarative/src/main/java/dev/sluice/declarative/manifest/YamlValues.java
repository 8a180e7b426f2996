package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserException;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * A rendered value read as YAML, as the reference's dynamic-stream resolvers read theirs with
 * {@code yaml.safe_load} (PyYAML's typing, see {@link YamlScalars}): {@code "5"} is 5, {@code "[a, b]"} a list,
 * {@code "{a: 1}"} a mapping, an empty text {@code null}. Text that does not parse as YAML stays text when the
 * reference keeps it so, and is an error otherwise.
 */
public final class YamlValues {

    /** Which of PyYAML's errors leave the text as it is. */
    public enum Leniency {
        /** Only a parser error ({@code ParametrizedComponentsResolver}). */
        PARSER_ERRORS,
        /**
         * A parser error, and the two scanner errors of text such as {@code %Y-%m-%d} or text with tabs
         * ({@code ConfigComponentsResolver}).
         */
        PARSER_ERRORS_AND_FORMATS
    }

    private YamlValues() {
    }

    /** @throws ManifestException (path empty, line 0) for text the reference fails to read */
    public static JsonNode parse(String text, Leniency leniency) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(ManifestLimits.MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(ManifestLimits.MAX_DEPTH);
        options.setCodePointLimit(ManifestLimits.MAX_CHARACTERS);
        Node document;
        try {
            document = new Composer(new ParserImpl(new StreamReader(text), options), YamlTreeBuilder.resolver(),
                    options).getSingleNode();
        } catch (ParserException e) {
            return JsonNodeFactory.instance.textNode(text);
        } catch (ScannerException e) {
            if (leniency == Leniency.PARSER_ERRORS_AND_FORMATS && isFormatOrTab(e)) {
                return JsonNodeFactory.instance.textNode(text);
            }
            throw new ManifestException("", 0, "the value " + quoted(text) + " is not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new ManifestException("", 0, "the value " + quoted(text) + " is not valid YAML: " + e.getMessage(), e);
        }
        if (document == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        return new YamlTreeBuilder().build(document, ManifestPath.root());
    }

    private static boolean isFormatOrTab(ScannerException e) {
        String problem = String.valueOf(e.getProblem());
        return problem.startsWith("expected alphabetic or numeric character") && problem.contains("%")
                || problem.contains("that cannot start any token") && (problem.contains("\t") || problem.contains("TAB"));
    }

    private static String quoted(String text) {
        return "'" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'";
    }
}
