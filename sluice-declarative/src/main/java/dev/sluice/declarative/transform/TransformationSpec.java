package dev.sluice.declarative.transform;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What {@code DeclarativeStream.transformations} items admit. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(AddFieldsSpec.class),
        @JsonSubTypes.Type(RemoveFieldsSpec.class),
        @JsonSubTypes.Type(KeysToLowerSpec.class),
        @JsonSubTypes.Type(KeysToSnakeCaseSpec.class),
        @JsonSubTypes.Type(KeysReplaceSpec.class),
        @JsonSubTypes.Type(FlattenFieldsSpec.class),
        @JsonSubTypes.Type(DpathFlattenFieldsSpec.class),
        @JsonSubTypes.Type(CustomTransformationSpec.class)})
public sealed interface TransformationSpec permits AddFieldsSpec, RemoveFieldsSpec, KeysToLowerSpec,
        KeysToSnakeCaseSpec, KeysReplaceSpec, FlattenFieldsSpec, DpathFlattenFieldsSpec, CustomTransformationSpec {

    RecordTransformation build(BuildContext context);
}
