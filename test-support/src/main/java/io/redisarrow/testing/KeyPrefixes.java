package io.redisarrow.testing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Key prefixes unique to one test of one run: a random run id (so reruns against a persistent
 * {@code REDIS_URL} never meet an earlier run's keys), a counter and the test's name. Each thread
 * remembers the prefixes it handed out until {@link RedisServerExtension} removes their keys after
 * the test.
 */
final class KeyPrefixes {

    /** This run's id: six base-36 characters, random. */
    static final String RUN = runId();

    private static final AtomicLong NEXT = new AtomicLong();

    private static final ThreadLocal<List<String>> HANDED_OUT = ThreadLocal.withInitial(ArrayList::new);

    private KeyPrefixes() {
    }

    private static String runId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            id.append(Character.forDigit(random.nextInt(36), 36));
        }
        return id.toString();
    }

    /**
     * @param testName a readable name
     * @return {@code <run>:t<n>:<testName>:}, remembered for this thread's next {@link #drain()}
     */
    static String next(String testName) {
        String prefix = RUN + ":t" + NEXT.incrementAndGet() + ":" + testName + ":";
        HANDED_OUT.get().add(prefix);
        return prefix;
    }

    /** @return the prefixes this thread handed out since the last call, and forgets them */
    static List<String> drain() {
        List<String> handedOut = HANDED_OUT.get();
        List<String> copy = List.copyOf(handedOut);
        handedOut.clear();
        return copy;
    }

    /**
     * @param prefix a key prefix
     * @return a SCAN MATCH pattern of every key starting with it (glob characters escaped)
     */
    static String pattern(String prefix) {
        StringBuilder glob = new StringBuilder(prefix.length() + 2);
        for (char c : prefix.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                glob.append('\\');
            }
            glob.append(c);
        }
        return glob.append('*').toString();
    }
}
