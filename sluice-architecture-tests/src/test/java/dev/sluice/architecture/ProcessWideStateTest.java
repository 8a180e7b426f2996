package dev.sluice.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.Test;

/**
 * No process-wide state in main code (STYLE.md rule 11): services belong to one running source, so two sources in
 * one JVM (two Kafka Connect tasks) never see each other's secrets, config updates or pools. Constants and loggers
 * are the only statics; the logging configuration ({@code dev.sluice.launcher.logging}, the SLF4J provider of
 * {@code ./sluice} and of every launched connector) is the one allowed exception,
 * as any logging framework's is.
 */
@AnalyzeClasses(packages = "dev.sluice", importOptions = ImportOption.DoNotIncludeTests.class)
class ProcessWideStateTest {

    private static final String LOGGING = "dev.sluice.launcher.logging..";

    /** Field types that hold state or threads whatever their modifiers. */
    private static final List<Class<?>> STATEFUL_TYPES = List.of(Executor.class, Thread.class, ThreadLocal.class,
            Lock.class, AtomicInteger.class, AtomicLong.class, AtomicReference.class,
            java.lang.ref.ReferenceQueue.class, java.util.ArrayList.class, java.util.LinkedList.class,
            java.util.ArrayDeque.class, java.util.HashMap.class, java.util.HashSet.class, java.util.TreeMap.class,
            java.util.TreeSet.class, java.util.WeakHashMap.class, java.util.IdentityHashMap.class,
            java.util.concurrent.ConcurrentMap.class, java.util.Queue.class);

    @ArchTest
    static final ArchRule STATIC_FIELDS_ARE_FINAL = fields().that().areStatic()
            .and().areDeclaredInClassesThat().resideOutsideOfPackage(LOGGING)
            .and(notSynthetic())
            .should().beFinal()
            .because("a static field that can change is state every source in the JVM shares");

    @ArchTest
    static final ArchRule STATIC_FIELDS_HOLD_NO_THREADS_OR_MUTABLE_CONTAINERS = fields().that().areStatic()
            .and().areDeclaredInClassesThat().resideOutsideOfPackage(LOGGING)
            .and(notSynthetic())
            .should(new com.tngtech.archunit.lang.ArchCondition<JavaField>("not hold a pool, a thread, a lock, "
                    + "an atomic or a mutable collection") {
                @Override
                public void check(JavaField field, com.tngtech.archunit.lang.ConditionEvents events) {
                    for (Class<?> type : STATEFUL_TYPES) {
                        if (field.getRawType().isAssignableTo(type)) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(field,
                                    field.getFullName() + " is a static " + type.getSimpleName()));
                        }
                    }
                }
            });

    /**
     * The declared type of a constant says {@code List} or {@code Map}, not whether the value can change, so this
     * looks at the values themselves: every static final collection or map of main code must be unmodifiable.
     */
    @Test
    void staticCollectionsAndMapsAreUnmodifiable() throws Exception {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sluice");
        List<String> mutable = new ArrayList<>();
        int checked = 0;
        for (JavaClass javaClass : classes) {
            if (javaClass.getPackageName().startsWith("dev.sluice.launcher.logging")) {
                continue;
            }
            for (JavaField javaField : javaClass.getFields()) {
                if (!javaField.getModifiers().contains(JavaModifier.STATIC)
                        || javaField.getModifiers().contains(JavaModifier.SYNTHETIC)
                        || !(javaField.getRawType().isAssignableTo(Collection.class)
                                || javaField.getRawType().isAssignableTo(Map.class))) {
                    continue;
                }
                Field field = Class.forName(javaClass.getName(), true, getClass().getClassLoader())
                        .getDeclaredField(javaField.getName());
                if (!Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object value = field.get(null);
                checked++;
                if (value != null && !isUnmodifiable(value)) {
                    mutable.add(javaField.getFullName() + " holds a " + value.getClass().getName());
                }
            }
        }
        assertThat(checked).as("static collections checked").isPositive();
        assertThat(mutable).as("static collections or maps that can be changed").isEmpty();
    }

    @Test
    void aMutableValueIsRecognised() {
        assertThat(isUnmodifiable(new java.util.HashMap<>())).isFalse();
        assertThat(isUnmodifiable(new ArrayList<>(List.of(1)))).isFalse();
        assertThat(isUnmodifiable(java.util.EnumSet.noneOf(JavaModifier.class))).isFalse();
        assertThat(isUnmodifiable(List.of(1))).isTrue();
        assertThat(isUnmodifiable(Map.of())).isTrue();
        assertThat(isUnmodifiable(java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>()))).isTrue();
        assertThat(isUnmodifiable(Set.of("a"))).isTrue();
    }

    /**
     * Unmodifiable when the JDK or Guava made it so; anything else is taken as mutable. A JCA security provider is a
     * {@code Map} of the algorithms it registers when it is made, and a constant after that.
     */
    private static boolean isUnmodifiable(Object value) {
        String name = value.getClass().getName();
        return value instanceof java.security.Provider
                || name.startsWith("java.util.ImmutableCollections$")
                || name.startsWith("java.util.Collections$Unmodifiable")
                || name.startsWith("java.util.Collections$Empty")
                || name.startsWith("java.util.Collections$Singleton")
                || name.startsWith("com.google.common.collect.Immutable")
                || name.startsWith("com.google.common.collect.Regular")
                || name.startsWith("com.google.common.collect.Singleton");
    }

    private static DescribedPredicate<JavaField> notSynthetic() {
        return DescribedPredicate.describe("are not generated by the compiler",
                field -> !field.getModifiers().contains(JavaModifier.SYNTHETIC) && !field.getName().contains("$"));
    }
}
