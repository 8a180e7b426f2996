package dev.sluice.declarative.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The forward slots of every {@link ForwardSlots} provider on the class path of this package, read once. */
final class ForwardSlotTable {

    /** Forward slot to sealed slot; unmodifiable. */
    static final Map<Class<?>, Class<?>> SLOTS = load();

    private ForwardSlotTable() {
    }

    private static Map<Class<?>, Class<?>> load() {
        Map<Class<?>, Class<?>> slots = new LinkedHashMap<>();
        // The class loader of this package, not the thread's: a Kafka Connect worker runs tasks under other loaders.
        for (ForwardSlots provider : ServiceLoader.load(ForwardSlots.class, ForwardSlots.class.getClassLoader())) {
            provider.slots().forEach((forward, sealed) -> {
                if (!forward.isInterface() || sealed.equals(forward) || !forward.isAssignableFrom(sealed)) {
                    throw new IllegalStateException(sealed.getName() + " must extend the forward slot "
                            + forward.getName());
                }
                Class<?> before = slots.putIfAbsent(forward, sealed);
                if (before != null && !before.equals(sealed)) {
                    throw new IllegalStateException(forward.getName() + " stands for both " + before.getName()
                            + " and " + sealed.getName());
                }
            });
        }
        return Collections.unmodifiableMap(slots);
    }
}
