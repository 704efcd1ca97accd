package dev.drillbook.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Bounds what a JSON body may be with Jackson's own read constraints: a body nested deeper than any request or
 * backup needs, a string longer than the longest stored field, or a number of hundreds of digits is refused with a
 * 400 (ErrorMappers maps Jackson's exception) before it reaches any code. Fixed rather than configured: the mapper is
 * built before runtime configuration is read.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    /** Deepest nesting of arrays and objects; the deepest real body (a backup) nests 5 levels. */
    static final int MAX_DEPTH = 32;

    /** Longest string; the longest stored field (an attempt's grade as JSON, V3) holds 1,000,000 characters. */
    static final int MAX_STRING = 1_000_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxNumberLength(100).build());
    }
}
