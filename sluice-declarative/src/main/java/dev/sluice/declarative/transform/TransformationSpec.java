package dev.sluice.declarative.transform;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What {@code DeclarativeStream.transformations} items admit. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(AddFieldsSpec.class)})
public sealed interface TransformationSpec permits AddFieldsSpec {

    RecordTransformation build(BuildContext context);
}
