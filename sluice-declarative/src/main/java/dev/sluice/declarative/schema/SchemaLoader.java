package dev.sluice.declarative.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Produces a stream's JSON schema; a fresh copy each time (callers may edit it). */
@FunctionalInterface
public interface SchemaLoader {

    ObjectNode load();
}
