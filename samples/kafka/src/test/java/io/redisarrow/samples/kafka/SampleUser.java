package io.redisarrow.samples.kafka;

import org.apache.arrow.vector.VectorSchemaRoot;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.Map;

/** One user as the tests compare it: read from Redis, from an Arrow record, or from a JSON record. */
record SampleUser(String name, int age, double score, boolean active, LocalDate joined) {

    static SampleUser fromHash(Map<String, String> hash) {
        return new SampleUser(hash.get("name"), Integer.parseInt(hash.get("age")), Double.parseDouble(hash.get("score")),
                Boolean.parseBoolean(hash.get("active")), LocalDate.parse(hash.get("joined")));
    }

    static SampleUser fromArrow(VectorSchemaRoot root, int row) {
        return new SampleUser(root.getVector("name").getObject(row).toString(),
                (Integer) root.getVector("age").getObject(row),
                (Double) root.getVector("score").getObject(row),
                (Boolean) root.getVector("active").getObject(row),
                LocalDate.ofEpochDay(((Number) root.getVector("joined").getObject(row)).longValue()));
    }

    static SampleUser fromJson(JsonNode row) {
        return new SampleUser(row.get("name").asString(), row.get("age").intValue(), row.get("score").doubleValue(),
                row.get("active").booleanValue(), LocalDate.parse(row.get("joined").asString()));
    }
}
