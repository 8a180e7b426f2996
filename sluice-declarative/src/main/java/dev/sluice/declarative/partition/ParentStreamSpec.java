package dev.sluice.declarative.partition;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/**
 * What {@code ParentStreamConfig.stream} admits: any stream of the manifest. A forward slot (see
 * {@link dev.sluice.declarative.manifest.ForwardSlots}): the stream slot above this package extends it and lists
 * the stream components, so routers never import the streams they read.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
public interface ParentStreamSpec {

    ParentStream build(BuildContext context);
}
