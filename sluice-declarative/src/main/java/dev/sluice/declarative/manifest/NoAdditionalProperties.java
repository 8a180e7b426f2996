package dev.sluice.declarative.manifest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a spec record: keys the record does not declare are errors, not warnings, as where the upstream
 * schema sets {@code additionalProperties: false} (the manifest's top level, {@code jwt_headers},
 * {@code jwt_payload}, {@code config_normalization_rules}). Keys injected from {@code $parameters} count
 * as unknown there too, as they do for the reference.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NoAdditionalProperties {
}
