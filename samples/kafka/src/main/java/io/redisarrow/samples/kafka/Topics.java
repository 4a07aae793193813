package io.redisarrow.samples.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The topic operations the sample needs, through Kafka's {@link Admin}. */
final class Topics {

    private Topics() {
    }

    /**
     * Creates the topic with one replica, unless it exists.
     *
     * @param admin the admin client
     * @param topic the topic
     * @param partitions its partitions
     */
    static void create(Admin admin, String topic, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (ExecutionException failure) {
            if (!(failure.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + ": " + failure.getCause(), failure);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, interrupted);
        }
    }

    /**
     * @param admin the admin client
     * @param topic the topic
     * @return the sum of its partitions' end offsets: the records it ever received
     */
    static long endOffsets(Admin admin, String topic) {
        try {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException failure) {
            throw new IllegalStateException("cannot read the offsets of topic " + topic + ": " + failure.getCause(),
                    failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the offsets of topic " + topic, interrupted);
        }
    }
}
