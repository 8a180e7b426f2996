package dev.sluice.declarative.partition;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import dev.sluice.declarative.component.BuildContext;

/**
 * What {@code ParentStreamConfig.stream} admits: any stream of the manifest. A forward slot (see
 * {@link dev.sluice.declarative.manifest.ForwardSlots}): the stream slot above this package extends it and lists
 * the stream components, so routers never import the streams they read.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
public interface ParentStreamSpec {

    ParentStream build(BuildContext context);

    /** The stream's name as the catalog shows it. */
    String streamName();

    /**
     * The streams this one reads its partitions from (its parents, as its partition routers declare them), in
     * the order declared; a {@code stream_groups} group must not hold a stream and one of its ancestors.
     */
    List<ParentStreamSpec> parentStreams();
}
