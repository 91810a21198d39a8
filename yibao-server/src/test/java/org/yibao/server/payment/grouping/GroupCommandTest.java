package org.yibao.server.payment.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./yibao group}: the picocli command on real files, no Spring. */
class GroupCommandTest {

    /** The shared data sits next to the repo; tests run in {@code <repo>/yibao-server}. */
    private static final Path SAMPLES = Path.of("../../shared/data/chs-drg-1.1/samples.csv");

    @TempDir
    Path dir;

    private final StringWriter messages = new StringWriter();

    private int group(String... args) {
        return GroupCommand.run(new PrintWriter(messages, true), args);
    }

    @Test
    void groupsEverySampleToItsListedResult() throws IOException {
        assertThat(SAMPLES).isRegularFile();
        Path in = dir.resolve("samples.csv");
        Files.copy(SAMPLES, in);
        Path out = dir.resolve("out/groups.csv");

        assertThat(group(in.toString(), out.toString())).isZero();

        List<String> expected = Files.readAllLines(SAMPLES);
        Map<String, String> listed = new HashMap<>();
        for (String line : expected.subList(1, expected.size())) {
            String[] c = line.split(",", -1);
            listed.put(c[0], String.join(",", c[0], c[10], c[11], c[12], c[13]));
        }
        List<String> written = Files.readAllLines(out);
        assertThat(written.get(0)).isEqualTo("index,drg,mdc,adrg,status");
        assertThat(written).hasSize(1001);
        for (String row : written.subList(1, written.size())) {
            assertThat(row).isEqualTo(listed.get(row.split(",")[0]));
        }
        assertThat(messages.toString()).contains("1000 case(s) grouped with chs-drg-1.1").contains("SUCCESS=963");
    }

    @Test
    void aMissingInputFileIsNamedAndExitsNonZero() {
        Path out = dir.resolve("out.csv");
        assertThat(group(dir.resolve("nowhere.csv").toString(), out.toString())).isEqualTo(1);
        assertThat(messages.toString()).contains("input file not found").contains("nowhere.csv");
        assertThat(out).doesNotExist();
    }

    @Test
    void malformedLinesAreAllReportedWithLineAndColumnAndNothingIsWritten() throws IOException {
        Path in = dir.resolve("cases.csv");
        Files.writeString(in, """
                index,sex,age,ageDay,weight,dept,inHospitalTime,leavingType,zdList,ssList
                C1,2,30,11000,,,5,1,K35.800x001,47.0901
                C2,2,thirty,11000,,,5,1,K35.800x001,47.0901
                C3,1,40,15000,,,5
                C4,1,40,15000,,,5,1,N40.x00,
                """);
        Path out = dir.resolve("out.csv");
        assertThat(group(in.toString(), out.toString())).isEqualTo(1);
        assertThat(messages.toString())
                .contains("cases.csv: line 3, column 3 (age): got \"thirty\"; expected age in whole years")
                .contains("cases.csv: line 4; expected at least 9 comma-separated fields")
                .contains("2 malformed line(s)").contains("nothing written");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cases.csv");
        }
    }

    @Test
    void aFileWithoutHeaderAndWithChineseSexIsGrouped() throws IOException {
        Path in = dir.resolve("cases.csv");
        Files.writeString(in, "C1,男,70,25600,,,5,1,N40.x00,\nC2,,40,15000,,,5,1,K35.800x001,\n");
        Path out = dir.resolve("out.csv");
        assertThat(group(in.toString(), out.toString())).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("index,drg,mdc,adrg,status", "C1,MZ19,MDCM,MZ1,SUCCESS",
                "C2,0000,0000,00,CHECK_FAILED");
    }

    @Test
    void missingArgumentsAreAUsageError() {
        assertThat(group()).isEqualTo(2);
        assertThat(messages.toString()).contains("Missing required parameters");
    }

    @Test
    void anUnknownGrouperVersionIsRefused() throws IOException {
        Path in = dir.resolve("cases.csv");
        Files.writeString(in, "C1,1,70,25600,,,5,1,N40.x00,\n");
        assertThat(group("--grouper", "chs-drg-9.9", in.toString(), dir.resolve("o.csv").toString())).isEqualTo(1);
        assertThat(messages.toString()).contains("chs-drg-9.9 cannot be loaded");
    }
}
