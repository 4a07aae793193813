package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisarrow.core.WriteScript;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

class AtomicityCostUnitTests {

    private static final String[] VALUES = { "n", "e", "1", "2.5", "true", "2024-01-02", "c", "3.0", "4",
        "2024-01-02T03:04:05.006Z" };

    private static final String FIELDS = "$4\r\nname\r\n$1\r\nn\r\n$5\r\nemail\r\n$1\r\ne\r\n$3\r\nage\r\n$1\r\n1\r\n"
            + "$5\r\nscore\r\n$3\r\n2.5\r\n$6\r\nactive\r\n$4\r\ntrue\r\n$6\r\njoined\r\n$10\r\n2024-01-02\r\n"
            + "$4\r\ncity\r\n$1\r\nc\r\n$7\r\nbalance\r\n$3\r\n3.0\r\n$6\r\nvisits\r\n$1\r\n4\r\n"
            + "$7\r\nupdated\r\n$24\r\n2024-01-02T03:04:05.006Z\r\n";

    private static String resp(AtomicityCost.Form form) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicityCost.write(form, new DataLoader.Resp(bytes), "k", VALUES);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** @return the commands of a RESP request stream: each is an array of bulk strings */
    private static List<List<String>> commands(String resp) {
        List<List<String>> commands = new ArrayList<>();
        int at = 0;
        while (at < resp.length()) {
            assertThat(resp.charAt(at)).isEqualTo('*');
            int end = resp.indexOf("\r\n", at);
            int parts = Integer.parseInt(resp.substring(at + 1, end));
            at = end + 2;
            List<String> command = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                assertThat(resp.charAt(at)).isEqualTo('$');
                end = resp.indexOf("\r\n", at);
                int length = Integer.parseInt(resp.substring(at + 1, end));
                command.add(resp.substring(end + 2, end + 2 + length));
                at = end + 2 + length + 2;
            }
            commands.add(command);
        }
        return commands;
    }

    @Test
    void hsetIsOneCommandOfTheTenFieldsInOrder() throws IOException {
        assertThat(resp(AtomicityCost.Form.HSET)).isEqualTo("*22\r\n$4\r\nHSET\r\n$1\r\nk\r\n" + FIELDS);
    }

    @Test
    void everyFormSendsAsManyCommandsAsItsRepliesCount() throws IOException {
        for (AtomicityCost.Form form : AtomicityCost.Form.values()) {
            assertThat(commands(resp(form))).as(form.name()).hasSize(form.commands);
        }
    }

    @Test
    void theTransactionDeletesWritesAndExpiresTheKeyBetweenMultiAndExec() throws IOException {
        List<List<String>> commands = commands(resp(AtomicityCost.Form.MULTI));

        assertThat(commands.stream().map(c -> c.get(0)).toList())
                .containsExactly("MULTI", "DEL", "HSET", "PEXPIRE", "EXEC");
        assertThat(commands.get(3)).containsExactly("PEXPIRE", "k", "3600000");
        assertThat(commands.get(2)).hasSize(22);
    }

    @Test
    void theReplaceScriptGetsTheTtlFirstThenTheFieldPairs() throws IOException {
        List<String> command = commands(resp(AtomicityCost.Form.SCRIPT)).get(0);

        assertThat(command.subList(0, 5)).containsExactly("EVALSHA", AtomicityCost.REPLACE_SHA, "1", "k", "3600000");
        assertThat(command.subList(5, 7)).containsExactly("name", "n");
        assertThat(command).hasSize(25);
    }

    @Test
    void theApplyFormsPassTheArgumentsTheLibrarysScriptReads() throws IOException {
        List<String> ttl = commands(resp(AtomicityCost.Form.APPLY_TTL)).get(0);
        List<String> absent = commands(resp(AtomicityCost.Form.APPLY_ABSENT)).get(0);

        assertThat(ttl.subList(0, 7)).containsExactly("EVALSHA", WriteScript.APPLY.sha(), "1", "k", "", "3600000", "HSET");
        assertThat(absent.subList(0, 7)).containsExactly("EVALSHA", WriteScript.APPLY.sha(), "1", "k", "N", "", "HSET");
        assertThat(absent).hasSize(27);
    }

    @Test
    void theReplaceScriptsShaIsItsSourcesSha1() {
        assertThat(AtomicityCost.REPLACE_SHA).hasSize(40).isNotEqualTo(WriteScript.APPLY.sha());
    }

    @Test
    void commandsWriteEveryRowUnderTheHashPrefix() {
        WriteData data = WriteData.generate(3);

        List<List<String>> commands = commands(new String(AtomicityCost.commands(AtomicityCost.Form.HSET, data, 3),
                StandardCharsets.UTF_8));

        assertThat(commands).extracting(c -> c.get(1)).containsExactly("bench:w:000000000000", "bench:w:000000000001",
                "bench:w:000000000002");
        assertThat(commands.get(2).subList(2, 22)).containsExactly(interleave(data.texts(2)));
    }

    private static String[] interleave(String[] values) {
        String[] pairs = new String[2 * values.length];
        for (int i = 0; i < values.length; i++) {
            pairs[2 * i] = BenchData.FIELDS[i];
            pairs[2 * i + 1] = values[i];
        }
        return pairs;
    }
}
