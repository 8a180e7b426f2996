package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The schema, read once per class from the spec records themselves: which keys a record declares (its
 * {@code @JsonProperty} components), which are required, and which records a slot (a sealed interface
 * with {@code @JsonTypeInfo}) admits under which {@code type} names. Results are cached per class.
 *
 * <p>A slot whose {@code @JsonSubTypes} differ from its {@code permits}, or whose records lack a
 * {@code @JsonTypeName}, is a programming error and fails with {@link IllegalStateException}. A forward slot
 * (see {@link ForwardSlots}) admits the records of the sealed slot it stands for.
 */
final class ComponentShapes {

    /**
     * One record component as a manifest key.
     *
     * @param singleAsList a list component that also takes one value ({@code @JsonFormat(with =
     *                     ACCEPT_SINGLE_VALUE_AS_ARRAY)}), as {@code schema_loader} does
     */
    record Field(String name, Type type, boolean required, boolean nullable, boolean singleAsList,
            @Nullable String unsupported) {
    }

    /**
     * @param typeName     the record's {@code @JsonTypeName}, if any
     * @param typeRequired whether Jackson needs a {@code type} key even where the record is declared
     *                     directly (it inherits {@code @JsonTypeInfo} from a slot)
     */
    record RecordShape(Class<?> type, @Nullable String typeName, boolean typeRequired, boolean closed,
            boolean ignoreUnknown, List<Field> fields, Set<String> knownKeys) {
        RecordShape {
            fields = List.copyOf(fields);
            knownKeys = Collections.unmodifiableSet(new LinkedHashSet<>(knownKeys));
        }
    }

    /** @param subtypes type name to record, in {@code @JsonSubTypes} order */
    record SlotShape(Class<?> type, Map<String, Class<?>> subtypes) {
        SlotShape {
            subtypes = Collections.unmodifiableMap(new LinkedHashMap<>(subtypes));
        }
    }

    // ClassValue: read once per class, and gone with the class's loader (a Kafka Connect plugin reload)
    private static final ClassValue<RecordShape> RECORDS = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return readRecord(type);
        }
    };
    private static final ClassValue<SlotShape> SLOTS = new ClassValue<>() {
        @Override
        protected SlotShape computeValue(Class<?> type) {
            return readSlot(type);
        }
    };
    private static final ClassValue<Set<String>> REACHABLE = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> root) {
            return collectTypeNames(root);
        }
    };

    private ComponentShapes() {
    }

    static boolean isSlot(Class<?> type) {
        return type.isInterface() && type.isAnnotationPresent(JsonTypeInfo.class);
    }

    static RecordShape record(Class<?> type) {
        return RECORDS.get(type);
    }

    static SlotShape slot(Class<?> type) {
        return SLOTS.get(type);
    }

    /** Every {@code type} name Sluice implements anywhere below {@code root}. */
    static Set<String> reachableTypeNames(Class<?> root) {
        return REACHABLE.get(root);
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        if (type instanceof WildcardType wildcard) {
            return raw(wildcard.getUpperBounds()[0]);
        }
        return Object.class;
    }

    /** Type argument {@code index} of a parameterised type ({@code List<X>}, {@code Map<String, X>}), else Object. */
    static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length > index) {
            Type argument = parameterized.getActualTypeArguments()[index];
            return argument instanceof WildcardType wildcard ? wildcard.getUpperBounds()[0] : argument;
        }
        return Object.class;
    }

    /**
     * A Jackson annotation written on a record component: Java copies it to the implicit accessor and the field, but
     * an accessor the record declares itself (a defensive copy) does not carry it, so the field is asked too.
     */
    static <A extends java.lang.annotation.Annotation> @Nullable A annotation(Class<?> type,
            RecordComponent component, Class<A> annotation) {
        A onAccessor = component.getAccessor().getAnnotation(annotation);
        if (onAccessor != null) {
            return onAccessor;
        }
        try {
            return type.getDeclaredField(component.getName()).getAnnotation(annotation);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static RecordShape readRecord(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getName() + " is not a record");
        }
        List<Field> fields = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (collectsOtherKeys(type, component)) {
                continue;
            }
            JsonProperty property = annotation(type, component, JsonProperty.class);
            String name = property == null || property.value().isEmpty() ? component.getName() : property.value();
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            JsonFormat format = annotation(type, component, JsonFormat.class);
            boolean singleAsList = format != null && java.util.Arrays.asList(format.with())
                    .contains(JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
            // A free-JSON component with a declared shape is validated (and reached) as that shape.
            ValidatedAs shape = component.getAnnotation(ValidatedAs.class);
            Type fieldType = shape == null ? component.getGenericType() : shape.value();
            Unsupported unsupported = component.getAnnotation(Unsupported.class);
            fields.add(new Field(name, fieldType, property != null && property.required(), nullable, singleAsList,
                    unsupported == null ? null : unsupported.value()));
            known.add(name);
        }
        known.add("type");
        JsonIgnoreProperties ignored = type.getAnnotation(JsonIgnoreProperties.class);
        if (ignored != null) {
            known.addAll(Arrays.asList(ignored.value()));
        }
        boolean closed = type.isAnnotationPresent(NoAdditionalProperties.class);
        if (!closed) {
            known.add("$parameters");
        }
        JsonTypeName typeName = type.getAnnotation(JsonTypeName.class);
        return new RecordShape(type, typeName == null ? null : typeName.value(), inheritsTypeInfo(type), closed,
                ignored != null && ignored.ignoreUnknown(), fields, known);
    }

    /**
     * Whether {@code component} collects the keys the record does not declare ({@code @JsonAnySetter}, as a custom
     * component's fields for its class): then it is no manifest key of its own.
     */
    private static boolean collectsOtherKeys(Class<?> type, RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName()).isAnnotationPresent(JsonAnySetter.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static boolean inheritsTypeInfo(Class<?> type) {
        for (Class<?> parent : type.getInterfaces()) {
            if (parent.isAnnotationPresent(JsonTypeInfo.class) || inheritsTypeInfo(parent)) {
                return true;
            }
        }
        return false;
    }

    private static SlotShape readSlot(Class<?> slot) {
        JsonTypeInfo info = slot.getAnnotation(JsonTypeInfo.class);
        JsonSubTypes listed = slot.getAnnotation(JsonSubTypes.class);
        if (info == null || info.use() != JsonTypeInfo.Id.NAME || !info.property().equals("type")) {
            throw new IllegalStateException(slot.getName() + ": a slot needs @JsonTypeInfo(use = NAME, property = \"type\")");
        }
        Class<?> sealedSlot = ForwardSlotTable.SLOTS.get(slot);
        if (sealedSlot != null) {
            return new SlotShape(slot, slot(sealedSlot).subtypes());
        }
        if (!slot.isSealed() || listed == null) {
            throw new IllegalStateException(slot.getName() + ": a slot must be sealed and list its records in @JsonSubTypes");
        }
        Map<String, Class<?>> subtypes = new LinkedHashMap<>();
        for (JsonSubTypes.Type subtype : listed.value()) {
            JsonTypeName typeName = subtype.value().getAnnotation(JsonTypeName.class);
            String name = !subtype.name().isEmpty() ? subtype.name() : typeName == null ? "" : typeName.value();
            if (name.isEmpty()) {
                throw new IllegalStateException(subtype.value().getName() + " needs @JsonTypeName");
            }
            subtypes.put(name, subtype.value());
            Arrays.stream(subtype.names()).forEach(alias -> subtypes.put(alias, subtype.value()));
        }
        Set<Class<?>> permitted = new HashSet<>();
        collectPermitted(slot, permitted);
        if (!permitted.equals(new HashSet<>(subtypes.values()))) {
            throw new IllegalStateException(slot.getName() + ": @JsonSubTypes " + names(subtypes.values())
                    + " differ from permits " + names(permitted));
        }
        return new SlotShape(slot, subtypes);
    }

    private static void collectPermitted(Class<?> sealed, Set<Class<?>> into) {
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isInterface() && permitted.isSealed()) {
                collectPermitted(permitted, into);
            } else {
                into.add(permitted);
            }
        }
    }

    private static List<String> names(Collection<Class<?>> classes) {
        return classes.stream().map(Class::getSimpleName).sorted().distinct().toList();
    }

    /**
     * Every record reachable from {@code root} by the {@code type} name it is written with (a slot's name for it, else
     * its {@code @JsonTypeName}); a name served by several records (one per slot) maps to all of them. For tests that
     * compare the records with the upstream schema.
     */
    static Map<String, Set<Class<?>>> reachableRecords(Class<?> root) {
        Map<String, Set<Class<?>>> records = new java.util.TreeMap<>();
        walkReachable(root, (name, record) -> records.computeIfAbsent(name, key -> new LinkedHashSet<>()).add(record));
        return records;
    }

    private static Set<String> collectTypeNames(Class<?> root) {
        Set<String> names = new LinkedHashSet<>();
        walkReachable(root, (name, record) -> names.add(name));
        return Collections.unmodifiableSet(names);
    }

    private static void walkReachable(Class<?> root, java.util.function.BiConsumer<String, Class<?>> found) {
        Set<Class<?>> seen = new HashSet<>();
        Deque<Type> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Type next = pending.pop();
            Class<?> type = raw(next);
            if (next instanceof ParameterizedType parameterized) {
                pending.addAll(Arrays.asList(parameterized.getActualTypeArguments()));
            }
            if (!seen.add(type)) {
                continue;
            }
            ValidatedAs validatedAs = type.getAnnotation(ValidatedAs.class);
            if (validatedAs != null) {
                pending.add(validatedAs.value());
            } else if (isSlot(type)) {
                slot(type).subtypes().forEach((name, record) -> {
                    found.accept(name, record);
                    pending.add(record);
                });
            } else if (KindUnions.isUnion(type)) {
                KindUnions.shape(type).alternatives().values().forEach(choice -> pending.add(choice.valueType()));
            } else if (type.isRecord()) {
                RecordShape shape = record(type);
                if (shape.typeName() != null) {
                    found.accept(shape.typeName(), type);
                }
                shape.fields().forEach(field -> pending.add(field.type()));
            }
        }
    }
}
