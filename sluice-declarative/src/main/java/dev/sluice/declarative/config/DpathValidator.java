package dev.sluice.declarative.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.Dpath;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.transform.DpathGlob;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runtime of {@link DpathValidatorSpec}. */
final class DpathValidator implements ConfigValidation {

    private static final Logger log = LoggerFactory.getLogger(DpathValidator.class);

    private final List<InterpolatedString> fieldPath;
    private final ValidationStrategy strategy;
    private final ValidationRule rule;

    DpathValidator(List<InterpolatedString> fieldPath, ValidationStrategy strategy, ValidationRule rule) {
        this.fieldPath = List.copyOf(fieldPath);
        this.strategy = strategy;
        this.rule = rule;
    }

    @Override
    public void validate(Config config) {
        InterpolationContext empty = InterpolationContext.of(Json.object());
        List<String> path = new ArrayList<>(fieldPath.size());
        fieldPath.forEach(segment -> path.add(segment.evalString(empty)));
        if (path.contains("*")) {
            for (DpathGlob.Match match : DpathGlob.of(path).search(config.json())) {
                rule.check(strategy, match.value());
            }
            return;
        }
        JsonNode value = Dpath.get(config.json(), path);
        if (value == null) {
            log.info("Validation skipped. Key not found: {}", path);
            return;
        }
        rule.check(strategy, value);
    }
}
