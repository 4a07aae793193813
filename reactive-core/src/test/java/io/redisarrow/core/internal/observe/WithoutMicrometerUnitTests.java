package io.redisarrow.core.internal.observe;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Micrometer is optional: the library's classes, loaded by a class loader that has no Micrometer,
 * observe a whole read with {@code Telemetry.of(null)}, and refuse a registry naming what is missing.
 */
class WithoutMicrometerUnitTests {

    /** Loads the library's classes itself, hides Micrometer, and leaves the rest to its parent. */
    static final class NoMicrometer extends ClassLoader {

        NoMicrometer() {
            super(WithoutMicrometerUnitTests.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.micrometer.")) {
                throw new ClassNotFoundException(name + " (hidden)");
            }
            if (!name.startsWith("io.redisarrow.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = define(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private Class<?> define(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }

    @Test
    void aReadIsObservedWithoutMicrometerOnTheClassPath() throws Exception {
        NoMicrometer loader = new NoMicrometer();
        Class<?> telemetryClass = loader.loadClass(Telemetry.class.getName());
        assertThat(telemetryClass.getClassLoader()).isSameAs(loader);
        Object telemetry = telemetryClass.getMethod("of", Object.class).invoke(null, (Object) null);
        Object read = telemetryClass.getMethod("read", String.class, String.class, String.class)
                .invoke(telemetry, "hash", "127.0.0.1:6379", "pattern 'k:*'");
        Class<?> observer = loader.loadClass(ReadObserver.class.getName());
        observer.getMethod("roundTripSent", int.class).invoke(read, 3);
        observer.getMethod("roundTripDone", long.class, boolean.class).invoke(read, 10L, false);
        observer.getMethod("batch", int.class, long.class).invoke(read, 3, 30L);
        observer.getMethod("retry", int.class, Duration.class, Throwable.class).invoke(read, 1, Duration.ZERO,
                new IllegalStateException("transient"));
        observer.getMethod("ended", Throwable.class).invoke(read, (Object) null);
        assertThat(telemetryClass.getMethod("metered").invoke(telemetry)).isEqualTo(false);
    }

    @Test
    void aRegistryGivenWithoutMicrometerIsRefusedNamingTheMissingJar() throws Exception {
        Class<?> telemetryClass = new NoMicrometer().loadClass(Telemetry.class.getName());
        Method of = telemetryClass.getMethod("of", Object.class);
        assertThatThrownBy(() -> {
            try {
                of.invoke(null, new Object());
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Micrometer (io.micrometer:micrometer-core) is not on the class path");
    }

    /** The loader does hide Micrometer: the class that uses it cannot be used through it. */
    @Test
    void theLoaderHidesMicrometer() throws Exception {
        NoMicrometer loader = new NoMicrometer();
        assertThatThrownBy(() -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                .isInstanceOf(ClassNotFoundException.class);
        Class<?> meters = loader.loadClass(MicrometerMeters.class.getName());
        assertThatThrownBy(meters::getDeclaredMethods).isInstanceOf(NoClassDefFoundError.class)
                .hasMessageContaining("io/micrometer/core/instrument/MeterRegistry");
    }
}
