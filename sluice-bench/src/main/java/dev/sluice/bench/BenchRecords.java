package dev.sluice.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.Random;

/**
 * The bench stream's records: 15 fields of the usual kinds (strings, integers, floats, booleans, a timestamp,
 * an array and a nested object), deterministic from the record id.
 */
public final class BenchRecords {

    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen"};
    private static final String[] CITIES = {"Lisbon", "Oslo", "Quito", "Hanoi", "Accra", "Perth", "Lima", "Turin"};
    private static final String[] TAGS = {"new", "vip", "churn-risk", "beta", "partner", "trial"};

    private BenchRecords() {
    }

    public static ObjectNode record(long id) {
        Random random = new Random(id * 31 + 7);
        ObjectNode record = Json.object();
        record.put("id", id);
        record.put("first_name", FIRST[random.nextInt(FIRST.length)]);
        record.put("last_name", LAST[random.nextInt(LAST.length)]);
        record.put("email", "user" + id + "@example.com");
        record.put("city", CITIES[random.nextInt(CITIES.length)]);
        record.put("score", Math.round(random.nextDouble() * 10_000) / 100.0);
        record.put("visits", random.nextInt(5_000));
        record.put("active", random.nextBoolean());
        record.put("verified", random.nextInt(10) > 2);
        record.put("created_at", String.format("2024-%02d-%02dT%02d:%02d:%02dZ", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60)));
        record.put("balance", Math.round(random.nextDouble() * 1_000_000) / 100.0);
        record.put("note", "Customer note " + Long.toHexString(random.nextLong()));
        ObjectNode address = record.putObject("address");
        address.put("street", (1 + random.nextInt(300)) + " Main Street");
        address.put("zip", String.format("%05d", random.nextInt(100_000)));
        address.putObject("geo").put("lat", random.nextDouble() * 180 - 90).put("lon", random.nextDouble() * 360 - 180);
        var tags = record.putArray("tags");
        for (int i = random.nextInt(4); i >= 0; i--) {
            tags.add(TAGS[random.nextInt(TAGS.length)]);
        }
        record.put("plan", random.nextInt(3) == 0 ? "enterprise" : "team");
        return record;
    }
}
