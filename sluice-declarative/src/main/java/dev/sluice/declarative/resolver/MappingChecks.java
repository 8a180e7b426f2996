package dev.sluice.declarative.resolver;

import java.util.List;

/** The parts of a mapping that only some resolvers honour; the others refuse them rather than ignore them. */
final class MappingChecks {

    private MappingChecks() {
    }

    /** The reference refuses a {@code condition} outside {@code ConfigComponentsResolver}; so does Sluice. */
    static void refuseConditions(List<ComponentMappingDefinitionSpec> mappings, String resolver) {
        for (int i = 0; i < mappings.size(); i++) {
            if (mappings.get(i).hasCondition()) {
                throw new IllegalArgumentException("components_mapping[" + i + "].condition: `condition` is only "
                        + "supported for `ConfigComponentsResolver`, not " + resolver);
            }
        }
    }

    /**
     * The reference's {@code HttpComponentsResolver} drops {@code create_or_update}; Sluice refuses it, so that a
     * manifest relying on it learns it has no effect there.
     */
    static void refuseCreateOrUpdate(List<ComponentMappingDefinitionSpec> mappings, String resolver) {
        for (int i = 0; i < mappings.size(); i++) {
            if (mappings.get(i).createsMissingPaths()) {
                throw new IllegalArgumentException("components_mapping[" + i + "].create_or_update: not supported "
                        + "by " + resolver + " (the reference ignores it there); remove it or use a "
                        + "ConfigComponentsResolver or ParametrizedComponentsResolver");
            }
        }
    }
}
