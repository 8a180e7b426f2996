package dev.sluice.examples.demo.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** The rows of {@code /employees}, ids 1 to {@code count}, generated from the seed on demand. */
final class EmployeeData {

    static final Instant YEAR_2024 = Instant.parse("2024-01-01T00:00:00Z");
    static final long SECONDS_IN_2024 = 366L * 24 * 60 * 60;

    private static final List<String> FIRST_NAMES = List.of("Ada", "Alan", "Barbara", "Carlos", "Chen", "Dana",
            "Elif", "Farah", "Grace", "Hiro", "Ines", "Jamal", "Kofi", "Lena", "Marta", "Nikhil", "Olga", "Pablo",
            "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe");
    private static final List<String> LAST_NAMES = List.of("Almeida", "Baker", "Costa", "Dubois", "Eriksen",
            "Fischer", "Garcia", "Hoang", "Ivanova", "Jensen", "Kowalski", "Lopez", "Mensah", "Nakamura", "Okafor",
            "Patel", "Quispe", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Williams", "Xu", "Yilmaz", "Zhang");
    static final List<String> DEPARTMENTS = List.of("Engineering", "Finance", "Marketing", "Operations",
            "People", "Sales", "Support", "Legal");
    private static final List<String> STREETS = List.of("Oak Street", "Maple Avenue", "Harbour Road", "Mill Lane",
            "Station Road", "Park Avenue", "River Walk", "High Street");
    private static final List<List<String>> CITIES = List.of(List.of("Lisbon", "PT"), List.of("Berlin", "DE"),
            List.of("Toronto", "CA"), List.of("Austin", "US"), List.of("Osaka", "JP"), List.of("Nairobi", "KE"),
            List.of("Lyon", "FR"), List.of("Melbourne", "AU"));
    private static final List<String> TAGS = List.of("remote", "mentor", "on-call", "part-time", "new-hire",
            "manager", "contractor", "relocated");
    private static final LocalDate FIRST_HIRE = LocalDate.of(2010, 1, 1);
    private static final long HIRE_DAYS = ChronoUnit.DAYS.between(FIRST_HIRE, LocalDate.of(2024, 1, 1));

    private final long seed;
    private final int count;

    EmployeeData(long seed, int count) {
        this.seed = seed;
        this.count = count;
    }

    int count() {
        return count;
    }

    ObjectNode employee(int id) {
        SplittableRandom random = Seeds.random(seed, Seeds.EMPLOYEES, id);
        String firstName = Seeds.pick(random, FIRST_NAMES);
        String lastName = Seeds.pick(random, LAST_NAMES);
        ObjectNode row = Json.object()
                .put("id", id)
                .put("first_name", firstName)
                .put("last_name", lastName)
                .put("email", (firstName + "." + lastName + id + "@example.com").toLowerCase(Locale.ROOT))
                .put("department", Seeds.pick(random, DEPARTMENTS))
                .put("salary", Seeds.money(random, 38_000, 190_000))
                .put("active", random.nextInt(10) != 0)
                .put("hired_at", FIRST_HIRE.plusDays(random.nextLong(HIRE_DAYS)).toString());
        row.set("address", address(random));
        row.set("tags", Json.MAPPER.valueToTree(tags(random)));
        return row.put("updated_at", YEAR_2024.plusSeconds(random.nextLong(SECONDS_IN_2024)).toString());
    }

    private static ObjectNode address(SplittableRandom random) {
        List<String> city = Seeds.pick(random, CITIES);
        return Json.object()
                .put("street", (1 + random.nextInt(240)) + " " + Seeds.pick(random, STREETS))
                .put("city", city.get(0))
                .put("postal_code", String.format(Locale.ROOT, "%05d", random.nextInt(100_000)))
                .put("country", city.get(1));
    }

    private static List<String> tags(SplittableRandom random) {
        List<String> tags = new ArrayList<>();
        int wanted = random.nextInt(4);
        while (tags.size() < wanted) {
            String tag = Seeds.pick(random, TAGS);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }
}
