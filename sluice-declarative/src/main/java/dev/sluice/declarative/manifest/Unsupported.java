package dev.sluice.declarative.manifest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a record component for an upstream field Sluice does not implement yet: any value there is a validation error,
 * {@code unsupported component X}, with the field's path and line (the record still declares the key, so that it is
 * refused rather than warned about and ignored).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Unsupported {

    /** The upstream component the field holds, named in the error. */
    String value();
}
