package org.yibao.server.payment.grouping;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yibao.engine.drg.DrgCase;
import org.yibao.engine.drg.DrgCaseLine;
import org.yibao.engine.drg.DrgGrouper;
import org.yibao.engine.drg.DrgTables;
import org.yibao.engine.drg.GrouperVersion;
import org.yibao.engine.drg.GroupingResult;
import org.yibao.engine.drg.GroupingStatus;
import org.yibao.engine.drg.MalformedCaseLineException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./yibao group IN OUT}: groups a file of cases in the OpenDRG input format (one case a line,
 * {@code index,sex,age,ageDay,weight,dept,inHospitalTime,leavingType,zdList,ssList}, an optional header
 * row, extra columns ignored) and writes {@code index,drg,mdc,adrg,status} per case. Runs from the server
 * jar without starting Spring.
 *
 * <p>The file is read and grouped in one streaming pass. A malformed line does not stop the check of the
 * others: every one is reported (the first {@value #MAX_REPORTED} in full) with line, column and what is
 * expected, and then no output is written, so a result file is never silently short of cases.
 * Exit codes: 0 grouped, 1 the input is missing or malformed (nothing written), 2 wrong usage.
 */
@Command(name = "group", mixinStandardHelpOptions = true, sortOptions = false, version = "yibao group (CHS-DRG grouper; tables: --grouper)",
        description = "Groups a file of cases (OpenDRG input format) with the CHS-DRG grouper and writes "
                + "index,drg,mdc,adrg,status per case.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all cases grouped and written", "1:input missing or malformed (nothing written)",
            "2:wrong usage"})
public final class GroupCommand implements Callable<Integer> {

    static final int MAX_REPORTED = 20;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "cases, one per line (a header row is skipped)")
    private Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "where to write index,drg,mdc,adrg,status")
    private Path out;

    @Option(names = "--grouper", paramLabel = "VERSION", defaultValue = "chs-drg-1.1",
            description = "grouper version and table set (default: ${DEFAULT-VALUE})")
    private String grouperVersion;

    @Option(names = "--normalise-codes",
            description = "map older codes through icd10_map / icd9cm3_map first (README §3; off by default)")
    private boolean normaliseCodes;

    @Option(names = "--charset", paramLabel = "NAME", defaultValue = "UTF-8",
            description = "encoding of IN, e.g. GBK for some HIS exports (default: ${DEFAULT-VALUE})")
    private Charset charset;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command with the process's standard streams; returns the exit code. */
    public static int run(String... args) {
        return new CommandLine(new GroupCommand()).execute(args);
    }

    /** Runs the command with its messages going to {@code err}; returns the exit code. */
    static int run(PrintWriter err, String... args) {
        return new CommandLine(new GroupCommand()).setErr(err).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(in)) {
            err.println("group: input file not found: " + in.toAbsolutePath());
            return 1;
        }
        DrgTables tables;
        try {
            tables = DrgTables.load(new GrouperVersion(grouperVersion));
        } catch (IllegalArgumentException e) {
            err.println("group: grouper version " + grouperVersion + " cannot be loaded: " + e.getMessage());
            return 1;
        }
        DrgGrouper grouper = new DrgGrouper(tables,
                normaliseCodes ? DrgGrouper.CodeNormalisation.ON : DrgGrouper.CodeNormalisation.OFF);

        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, ".group-", ".partial");
        Map<GroupingStatus, Integer> counts = new EnumMap<>(GroupingStatus.class);
        List<String> problems = new ArrayList<>();
        int malformed = 0;
        long lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(in, charset);
                BufferedWriter writer = Files.newBufferedWriter(partial)) {
            writer.write("index,drg,mdc,adrg,status\n");
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1) {
                    line = withoutByteOrderMark(line);
                    if (DrgCaseLine.isHeader(line)) {
                        continue;
                    }
                }
                if (line.isBlank()) {
                    continue;
                }
                DrgCase c;
                try {
                    c = DrgCaseLine.parse(line, lineNumber);
                } catch (MalformedCaseLineException e) {
                    if (++malformed <= MAX_REPORTED) {
                        problems.add(e.getMessage());
                    }
                    continue;
                }
                if (malformed > 0) {
                    continue; // nothing will be written; keep checking the rest
                }
                GroupingResult r = grouper.group(c);
                counts.merge(r.status(), 1, Integer::sum);
                writer.write(c.index() + "," + r.drg() + "," + r.mdc() + "," + r.adrg() + "," + r.status() + "\n");
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        if (malformed > 0) {
            Files.deleteIfExists(partial);
            problems.forEach(p -> err.println(in.getFileName() + ": " + p));
            if (malformed > MAX_REPORTED) {
                err.println("… and " + (malformed - MAX_REPORTED) + " more malformed line(s)");
            }
            err.println("group: " + malformed + " malformed line(s) in " + in + "; nothing written. Expected per line: "
                    + String.join(",", DrgCaseLine.FIELDS));
            return 1;
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        err.println("group: " + total + " case(s) grouped with " + tables.version() + " into " + out + " " + counts);
        return 0;
    }

    private static String withoutByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
