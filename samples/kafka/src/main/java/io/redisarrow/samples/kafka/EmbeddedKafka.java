package io.redisarrow.samples.kafka;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A one-node Kafka (broker and KRaft controller in one process, this JVM) from Kafka's own test kit,
 * listening on a free loopback port, its logs in a temporary directory that {@link #close()} removes.
 * For the sample's main when {@code KAFKA_BOOTSTRAP} is not set, and for the tests.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * Formats and starts the node and waits until its broker is ready.
     *
     * @return the running node
     * @throws IllegalStateException when it does not start
     */
    public static EmbeddedKafka start() {
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster);
        } catch (Exception failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (cluster != null) {
                closeQuietly(cluster, failure);
            }
            throw new IllegalStateException("the embedded Kafka broker did not start: " + failure, failure);
        }
    }

    /** @return the {@code host:port} list clients bootstrap from */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /**
     * Stops the broker and controller and removes their logs. Idempotent.
     *
     * @throws IllegalStateException when they do not stop cleanly
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the embedded Kafka broker did not stop cleanly: " + failure, failure);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka{" + bootstrapServers() + '}';
    }

    private static void closeQuietly(KafkaClusterTestKit cluster, Exception failure) {
        try {
            cluster.close();
        } catch (Exception suppressed) {
            failure.addSuppressed(suppressed);
        }
    }
}
