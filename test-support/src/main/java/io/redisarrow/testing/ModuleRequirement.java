package io.redisarrow.testing;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether a server has the modules a test needs, and what happens when it does not: the test is
 * skipped saying what to install, except in CI ({@code CI=true}), where it fails so that no module
 * test silently stops running.
 */
final class ModuleRequirement {

    private ModuleRequirement() {
    }

    /** @return whether the environment says this is CI ({@code CI=true}) */
    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * @param facts what the server has
     * @param module what the test needs
     * @return why the server does not do, if it does not
     */
    static Optional<String> problem(ServerFacts facts, RedisModule module) {
        switch (module) {
            case JSON:
                return facts.hasJson() ? Optional.empty() : Optional.of(module.description() + " is not loaded");
            case SEARCH:
                OptionalInt version = facts.searchVersion();
                if (version.isEmpty()) {
                    return Optional.of("RediSearch is not loaded (" + module.description() + " needed)");
                }
                return facts.hasSearch() ? Optional.empty()
                        : Optional.of("RediSearch 2.0 or later needed (Redis Stack, Redis 8, or the modules in "
                                + RedisModule.SHARED_MODULES + "), but the server has RediSearch "
                                + dotted(version.getAsInt()));
            default:
                throw new IllegalArgumentException("unknown module " + module);
        }
    }

    /**
     * Passes when the server has every module; else skips the test, or fails it when {@code ci}.
     *
     * @param facts what the server has
     * @param server the server, for the message ({@code host:port})
     * @param modules what the test needs
     * @param ci whether this is CI
     * @throws TestAbortedException when a module is missing outside CI
     * @throws AssertionFailedError when a module is missing in CI
     */
    static void require(ServerFacts facts, String server, Collection<RedisModule> modules, boolean ci) {
        List<String> problems = new ArrayList<>();
        for (RedisModule module : modules) {
            problem(facts, module).ifPresent(problems::add);
        }
        if (problems.isEmpty()) {
            return;
        }
        String message = "Redis " + facts.version() + " at " + server + ": " + String.join("; ", problems)
                + ". To run this test, " + RedisModule.howToGet();
        if (ci) {
            throw new AssertionFailedError("CI=true, so a missing module fails the test instead of skipping it. "
                    + message);
        }
        throw new TestAbortedException(message);
    }

    /** @return {@code 2.6.37} for {@code 20637} */
    static String dotted(int version) {
        return (version / 10000) + "." + (version / 100 % 100) + "." + (version % 100);
    }
}
