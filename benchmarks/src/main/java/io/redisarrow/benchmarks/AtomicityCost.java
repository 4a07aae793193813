package io.redisarrow.benchmarks;

import io.redisarrow.core.WriteScript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What atomicity costs on the server, without any client in the way: the same rows written in each
 * {@link Form} as RESP generated beforehand and fed to {@code redis-cli --pipe}, timed from
 * redis-cli's start to its exit, the keys deleted before each pass. The evidence for choosing MULTI/EXEC or a script per key.
 */
final class AtomicityCost {

    /** The table's id. */
    static final String ID = "write-atomicity";

    /** Rows per pass, at most (fewer when the run writes fewer). */
    static final int ROWS = 200_000;

    /**
     * The benchmark's own replace script: DEL, HSET of {@code ARGV[2..]}, PEXPIRE {@code ARGV[1]}:
     * what REPLACE with a TTL does, as a script instead of a transaction.
     */
    static final String REPLACE_SCRIPT = """
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """;

    /** SHA-1 of {@link #REPLACE_SCRIPT}, as EVALSHA takes it. */
    static final String REPLACE_SHA = WriteScript.sha1(REPLACE_SCRIPT);

    private static final String TTL_MS = Long.toString(ArrowHashWriter.TTL.toMillis());

    /** The ways of writing one row. */
    enum Form {

        HSET("HSET (not atomic with anything: the MERGE path)", 1),
        HSET_PEXPIRE("HSET + PEXPIRE, two commands, not atomic", 2),
        MULTI("MULTI, DEL, HSET, PEXPIRE, EXEC (the REPLACE path with a TTL)", 5),
        SCRIPT("EVALSHA of a script doing DEL, HSET, PEXPIRE", 1),
        APPLY_TTL("EVALSHA WriteScript.APPLY, HSET then PEXPIRE (the MERGE with TTL path)", 1),
        APPLY_ABSENT("EVALSHA WriteScript.APPLY 'N', EXISTS then HSET, absent keys (the SKIP_EXISTING path)", 1);

        final String label;

        /** Commands, so replies, per row. */
        final int commands;

        Form(String label, int commands) {
            this.label = label;
            this.commands = commands;
        }
    }

    private AtomicityCost() {
    }

    /**
     * Writes one row in a form.
     *
     * @param form how
     * @param out where the RESP goes
     * @param key the row's key
     * @param values the row's ten values in {@link BenchData#FIELDS} order
     * @throws IOException when {@code out} fails
     */
    static void write(Form form, DataLoader.Resp out, String key, String[] values) throws IOException {
        int pairs = 2 * BenchData.FIELDS.length;
        switch (form) {
            case HSET -> hset(out, key, values);
            case HSET_PEXPIRE -> {
                hset(out, key, values);
                out.array(3).bulk("PEXPIRE").bulk(key).bulk(TTL_MS);
            }
            case MULTI -> {
                out.array(1).bulk("MULTI");
                out.array(2).bulk("DEL").bulk(key);
                hset(out, key, values);
                out.array(3).bulk("PEXPIRE").bulk(key).bulk(TTL_MS);
                out.array(1).bulk("EXEC");
            }
            case SCRIPT -> {
                out.array(5 + pairs).bulk("EVALSHA").bulk(REPLACE_SHA).bulk("1").bulk(key).bulk(TTL_MS);
                fields(out, values);
            }
            case APPLY_TTL, APPLY_ABSENT -> {
                out.array(7 + pairs).bulk("EVALSHA").bulk(WriteScript.APPLY.sha()).bulk("1").bulk(key)
                        .bulk(form == Form.APPLY_ABSENT ? "N" : "").bulk(form == Form.APPLY_ABSENT ? "" : TTL_MS)
                        .bulk("HSET");
                fields(out, values);
            }
        }
    }

    private static void hset(DataLoader.Resp out, String key, String[] values) throws IOException {
        out.array(2 + 2 * BenchData.FIELDS.length).bulk("HSET").bulk(key);
        fields(out, values);
    }

    private static void fields(DataLoader.Resp out, String[] values) throws IOException {
        for (int i = 0; i < BenchData.FIELDS.length; i++) {
            out.bulk(BenchData.FIELDS[i]).bulk(values[i]);
        }
    }

    /**
     * @param form how
     * @param data the rows
     * @param rows how many of them, from the first
     * @return the RESP of every row in that form, keys {@link WriteData#HASH_PREFIX} + index
     */
    static byte[] commands(Form form, WriteData data, int rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows * 400);
        DataLoader.Resp out = new DataLoader.Resp(bytes);
        try {
            for (int i = 0; i < rows; i++) {
                write(form, out, WriteData.key(WriteData.HASH_PREFIX, i), data.texts(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Measures every form.
     *
     * @param data the rows
     * @param db the writes' database
     * @param repetitions measured passes per form
     * @param cost the run's server-cost probe
     * @return the table
     */
    static Table run(WriteData data, WritesDatabase db, int repetitions, ServerCost cost) {
        int rows = Math.min(ROWS, data.rows());
        Table table = new Table(ID, String.format(Locale.ROOT,
                "What atomicity costs on the server: %,d hashes x 10 fields through redis-cli --pipe", rows))
                .text("form", "scenario").number("commands/row", "commands_per_row", "%d")
                .number("rows/s (median)", "rows_per_s", "%,.0f").number("min", "rows_per_s_min", "%,.0f")
                .number("max", "rows_per_s_max", "%,.0f").number("x HSET", "x_hset", "%.2f")
                .number("server CPU µs/row", "server_cpu_us_per_row", "%.2f");
        List<Measurement> measured = new ArrayList<>();
        for (Form form : Form.values()) {
            byte[] commands = commands(form, data, rows);
            long replies = (long) rows * form.commands;
            measured.add(WritePasses.measure(form.label, "-", repetitions, db, WriteData.HASH_PREFIX + "*",
                    WritePasses.KeyCheck.exactly(rows), () -> {
                        db.redis().scriptLoad(REPLACE_SCRIPT);
                        db.redis().scriptLoad(WriteScript.APPLY.body());
                        return () -> {
                            DataLoader.pipe(db.url(), replies, out -> out.raw(commands));
                            return WritePasses.Done.rows(rows);
                        };
                    }, cost));
        }
        double hset = measured.get(0).median();
        for (int i = 0; i < measured.size(); i++) {
            Measurement m = measured.get(i);
            table.row(m.scenario(), Form.values()[i].commands, m.median(), m.min(), m.max(), m.median() / hset,
                    m.serverMicrosPerRow());
        }
        table.note(note(rows, repetitions));
        return table;
    }

    /** @return the note under the table */
    static String note(int rows, int repetitions) {
        return String.format(Locale.ROOT, """
                %s per form after one warm-up pass, %,d rows each, their keys deleted before every pass. Every form \
                writes the same ten fields per row, the values as redis-arrow writes them; the RESP is generated \
                before the pass and fed to `redis-cli --pipe`, timed from redis-cli's start (a few ms, alike for \
                every form) to its exit (every reply read, none an error), so no client library is in the way: this is what the server \
                and the socket pay for each form. The TTL is %,d ms. MULTI/EXEC costs five commands and replies \
                per row; a script one, plus running Lua. Server CPU: the server process's user + system time \
                (INFO cpu) per row over the measured passes; INFO commandstats would count each command run by \
                EXEC or a script twice (on its own and inside EXEC's or EVALSHA's time).""",
                repetitions == 1 ? "1 measured pass" : repetitions + " measured passes", rows,
                ArrowHashWriter.TTL.toMillis());
    }
}
