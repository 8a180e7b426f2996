package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The shapes of {@link KindUnion} interfaces, read once per class, and the Jackson deserializer that binds
 * them. A union whose records break the rules of {@link KindUnion} is a programming error and fails with
 * {@link IllegalStateException} the first time it is used.
 */
final class KindUnions {

    /** The JSON kinds a union tells apart. */
    enum Kind {
        SCALAR("a string"), LIST("a list"), MAPPING("a mapping");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        static Kind of(JsonNode node) {
            return node.isObject() ? MAPPING : node.isArray() ? LIST : SCALAR;
        }
    }

    /** One record of a union: the kind it takes and the type its single component is bound as. */
    record Alternative(Class<?> record, Type valueType, Constructor<?> constructor) {

        Object wrap(@Nullable Object value) throws InvocationTargetException {
            try {
                return constructor.newInstance(value);
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException("cannot construct " + record.getName(), e);
            }
        }
    }

    record UnionShape(Class<?> type, Map<Kind, Alternative> alternatives) {

        @Nullable Alternative forNode(JsonNode node) {
            return alternatives.get(Kind.of(node));
        }

        /** "a string or a mapping". */
        String expected() {
            return alternatives.keySet().stream().map(kind -> kind.words).collect(Collectors.joining(" or "));
        }
    }

    private static final ClassValue<UnionShape> SHAPES = new ClassValue<>() {
        @Override
        protected UnionShape computeValue(Class<?> union) {
            return read(union);
        }
    };

    private KindUnions() {
    }

    static boolean isUnion(Class<?> type) {
        return type.isInterface() && type.isAnnotationPresent(KindUnion.class);
    }

    static UnionShape shape(Class<?> type) {
        return SHAPES.get(type);
    }

    private static UnionShape read(Class<?> union) {
        if (!union.isSealed()) {
            throw new IllegalStateException(union.getName() + ": a @KindUnion must be a sealed interface");
        }
        Map<Kind, Alternative> alternatives = new EnumMap<>(Kind.class);
        for (Class<?> record : union.getPermittedSubclasses()) {
            RecordComponent[] components = record.getRecordComponents();
            if (components == null || components.length != 1) {
                throw new IllegalStateException(record.getName() + ": each record of a @KindUnion wraps one component");
            }
            Type valueType = components[0].getGenericType();
            Kind kind = kindOf(ComponentShapes.raw(valueType));
            try {
                Constructor<?> constructor = record.getDeclaredConstructor(components[0].getType());
                constructor.setAccessible(true);
                if (alternatives.put(kind, new Alternative(record, valueType, constructor)) != null) {
                    throw new IllegalStateException(union.getName() + ": two records take " + kind.words);
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(record.getName() + " has no canonical constructor", e);
            }
        }
        return new UnionShape(union, alternatives);
    }

    private static Kind kindOf(Class<?> type) {
        if (type == String.class || type.isPrimitive() || Number.class.isAssignableFrom(type)
                || type == Boolean.class || type.isEnum()) {
            return Kind.SCALAR;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return Kind.LIST;
        }
        return Kind.MAPPING;
    }

    /** Registers the union deserializer for every {@link KindUnion} interface. */
    static Module module() {
        return new SimpleModule("sluice-kind-unions") {
            @Override
            public void setupModule(SetupContext setup) {
                super.setupModule(setup);
                setup.addDeserializers(new Deserializers.Base() {
                    @Override
                    public @Nullable JsonDeserializer<?> findBeanDeserializer(JavaType type,
                            DeserializationConfig config, BeanDescription description) {
                        return isUnion(type.getRawClass()) ? new UnionDeserializer(shape(type.getRawClass())) : null;
                    }
                });
            }
        };
    }

    private static final class UnionDeserializer extends StdDeserializer<Object> {

        private final transient UnionShape shape;

        UnionDeserializer(UnionShape shape) {
            super(shape.type());
            this.shape = shape;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = context.readTree(parser);
            Alternative alternative = shape.forNode(node);
            if (alternative == null) {
                throw MismatchedInputException.from(parser, shape.type(),
                        "expected " + shape.expected() + ", found " + JsonKinds.describe(node));
            }
            Object value = context.readTreeAsValue(node, context.constructType(alternative.valueType()));
            try {
                return alternative.wrap(value);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw ValueInstantiationException.from(parser, String.valueOf(cause.getMessage()),
                        context.constructType(shape.type()), cause);
            }
        }
    }
}
