package dev.sluice.declarative.resolver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.FailureType;
import java.util.List;

/** Runtime of a {@link ComponentsResolverSpec}: the stream trees a template generates. */
public interface ComponentsResolver {

    /**
     * One new tree per value the resolver finds, in order, each a copy of {@code streamTemplate} with the mappings
     * applied; the template is not changed.
     */
    List<ObjectNode> resolve(ObjectNode streamTemplate);

    /**
     * The failure type of two generated streams with one name: the config's fault when the values come from it
     * (as the reference judges it), the connector's otherwise.
     */
    default FailureType duplicateNameFailure() {
        return FailureType.SYSTEM_ERROR;
    }
}
