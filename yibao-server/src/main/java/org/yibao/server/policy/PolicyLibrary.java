package org.yibao.server.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.policy.PolicyLoadReport.FileOutcome;
import org.yibao.server.policy.PolicyLoadReport.Outcome;
import org.yibao.server.policy.internal.PolicyDocuments;
import org.yibao.server.policy.internal.PolicyDocuments.Document;
import org.yibao.server.policy.internal.PolicyYamlReader;

/**
 * The policy files and their stored versions (R-REF-4, R-REF-5): installs the shipped files into
 * {@code <data-dir>/policy/<admdvs>/<year>.yaml}, loads files (valid and changed → new active version;
 * invalid → refused with file, line and reason, the previous version stays in force), takes uploads,
 * and keeps {@link PolicyBook} in step after each commit.
 */
@Service
public class PolicyLibrary {

    /** Largest policy file accepted (a real one is about 6 KB). */
    public static final int MAX_FILE_CHARS = 256 * 1024;

    private static final Logger log = LoggerFactory.getLogger(PolicyLibrary.class);
    private static final Pattern ADMDVS = Pattern.compile("\\d{6}");
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{4})\\.yaml");

    private final PolicyDocuments documents;
    private final PolicyBook book;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Path policyDir;
    private volatile PolicyLoadReport lastReport = PolicyLoadReport.none();

    PolicyLibrary(PolicyDocuments documents, PolicyBook book, AuditTrail audit, Clock clock,
                  PlatformTransactionManager transactions, YibaoProperties properties) {
        this.documents = documents;
        this.book = book;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.policyDir = properties.dataDir().toAbsolutePath().resolve("policy");
    }

    /** A stored version, without its content. */
    public record VersionInfo(String region, int year, int version, boolean active, Instant loadedAt, String loadedBy,
                              String source, String sha256) {}

    /** The result of an accepted upload: the version now active, and whether the content changed at all. */
    public record Upload(ActivePolicy policy, boolean changed) {}

    /** Thrown when an uploaded file is refused; nothing has changed. */
    public static class RefusedPolicyException extends RuntimeException {
        private final List<PolicyProblem> problems;

        public RefusedPolicyException(List<PolicyProblem> problems) {
            super(problems.isEmpty() ? "policy refused" : problems.get(0).toString());
            this.problems = List.copyOf(problems);
        }

        public List<PolicyProblem> problems() {
            return problems;
        }
    }

    /** Directory of the editable files. */
    public Path policyDirectory() {
        return policyDir;
    }

    /** The report of the last load of the data directory's files. */
    public PolicyLoadReport lastReport() {
        return lastReport;
    }

    public List<VersionInfo> activeVersions() {
        return documents.allActive().stream().map(PolicyLibrary::info).toList();
    }

    public List<VersionInfo> versions(String admdvs, int year) {
        return documents.versions(admdvs, year).stream().map(PolicyLibrary::info).toList();
    }

    /** The verbatim text of the active version. */
    public Optional<String> activeSource(String admdvs, int year) {
        return documents.active(admdvs, year).map(Document::content);
    }

    /** Copies every shipped file into the data directory where none exists yet; an edited file is never overwritten. */
    public void installShippedFiles() {
        try {
            Resource[] shipped = new PathMatchingResourcePatternResolver().getResources("classpath*:policy/*/*.yaml");
            for (Resource resource : shipped) {
                String url = resource.getURL().toString();
                String[] parts = url.split("/");
                String admdvs = parts[parts.length - 2];
                String name = parts[parts.length - 1];
                Path target = policyDir.resolve(admdvs).resolve(name);
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    try (var in = resource.getInputStream()) {
                        Files.copy(in, target);
                    }
                    log.info("Installed shipped policy file {}", target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the shipped policy files into " + policyDir, e);
        }
    }

    /** Fills the cache from the active stored versions (before any file is read). */
    public void warmUp() {
        for (Document d : documents.allActive()) {
            var result = PolicyYamlReader.read(fileName(d.admdvs(), d.policyYear()), d.content());
            if (result.valid()) {
                book.put(active(result.policy(), d));
            } else {
                log.error("Stored policy {} version {} no longer passes validation: {}", fileName(d.admdvs(), d.policyYear()),
                        d.version(), result.problems());
            }
        }
    }

    /** Loads every file of {@code <data-dir>/policy}; returns and keeps the report. */
    public synchronized PolicyLoadReport reloadFiles() {
        List<FileOutcome> outcomes = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.exists(policyDir) ? Files.walk(policyDir, 2) : Stream.empty()) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + policyDir, e);
        }
        for (Path file : files) {
            outcomes.add(loadFile(file));
        }
        lastReport = new PolicyLoadReport(clock.instant(), List.copyOf(outcomes));
        return lastReport;
    }

    private FileOutcome loadFile(Path path) {
        String name = policyDir.relativize(path).toString().replace('\\', '/');
        String admdvs = path.getParent() == null ? "" : path.getParent().getFileName().toString();
        Matcher m = FILE_NAME.matcher(path.getFileName().toString());
        if (!ADMDVS.matcher(admdvs).matches() || !m.matches() || policyDir.relativize(path).getNameCount() != 2) {
            var problem = new PolicyProblem(name, 1, "", "file-name",
                    "a policy file must be <admdvs>/<year>.yaml, e.g. 990100/2026.yaml");
            log.error("Policy file refused: {}", problem);
            return new FileOutcome(name, null, null, Outcome.REFUSED, null, List.of(problem));
        }
        int year = Integer.parseInt(m.group(1));
        String content;
        try {
            content = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            var problem = new PolicyProblem(name, 1, "", "read", "cannot read the file as UTF-8 text: " + e.getMessage());
            log.error("Policy file refused: {}", problem);
            return refused(name, admdvs, year, List.of(problem));
        }
        var result = content.length() > MAX_FILE_CHARS
                ? new PolicyYamlReader.Result(null, List.of(new PolicyProblem(name, 1, "", "size", "the file is larger than " + MAX_FILE_CHARS + " characters")))
                : PolicyYamlReader.read(name, content, admdvs, year);
        if (!result.valid()) {
            result.problems().forEach(p -> log.error("Policy file refused: {}", p));
            return refused(name, admdvs, year, result.problems());
        }
        var stored = store(result, admdvs, year, content, name, "LOAD", null);
        return new FileOutcome(name, admdvs, year, stored.changed() ? Outcome.LOADED : Outcome.UNCHANGED,
                stored.policy().version(), List.of());
    }

    private FileOutcome refused(String name, String admdvs, int year, List<PolicyProblem> problems) {
        Integer activeVersion = documents.active(admdvs, year).map(Document::version).orElse(null);
        return new FileOutcome(name, admdvs, year, Outcome.REFUSED, activeVersion, problems);
    }

    /**
     * Takes an uploaded file for a region and year: refused with every problem (nothing changes), or
     * stored as the new active version, written to the data directory and audited, in one transaction.
     */
    public Upload upload(String admdvs, int year, String content) {
        String name = fileName(admdvs, year);
        if (content == null || content.isBlank()) {
            throw new RefusedPolicyException(List.of(new PolicyProblem(name, 1, "", "required", "the body is empty; send the policy file as YAML")));
        }
        if (content.length() > MAX_FILE_CHARS) {
            throw new RefusedPolicyException(List.of(new PolicyProblem(name, 1, "", "size", "the file is larger than " + MAX_FILE_CHARS + " characters")));
        }
        var result = PolicyYamlReader.read(name, content, admdvs, year);
        if (!result.valid()) {
            throw new RefusedPolicyException(result.problems());
        }
        return store(result, admdvs, year, content, "api", "UPDATE", policyDir.resolve(admdvs).resolve(year + ".yaml"));
    }

    /** Stores a valid file unless it equals the active version; audits; writes {@code writeTo} if given; then updates the cache. */
    private Upload store(PolicyYamlReader.Result result, String admdvs, int year, String content, String source, String action, Path writeTo) {
        String sha = sha256(content);
        Upload upload = tx.execute(status -> {
            Optional<Document> previous = documents.active(admdvs, year);
            if (previous.isPresent() && previous.get().sha256().equals(sha)) {
                return new Upload(active(result.policy(), previous.get()), false);
            }
            Document stored = documents.insertActive(admdvs, year, source, content, sha, clock.instant(), AuditTrail.currentActor());
            audit.record(previous.isEmpty() && "UPDATE".equals(action) ? "CREATE" : action, "policy", admdvs + "/" + year,
                    java.time.LocalDate.of(year, 1, 1), previous.map(PolicyLibrary::state).orElse(null), state(stored));
            if (writeTo != null) {
                writeAtomically(writeTo, content);
            }
            return new Upload(active(result.policy(), stored), true);
        });
        // Only after the commit: a reader never sees a version that might still roll back.
        book.put(upload.policy());
        if (upload.changed()) {
            log.info("Policy {} version {} is now active (source {}, sha256 {})", fileName(admdvs, year), upload.policy().version(),
                    source, sha);
        }
        return upload;
    }

    private static Map<String, Object> state(Document d) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("version", d.version());
        state.put("sha256", d.sha256());
        state.put("source", d.sourceName());
        return state;
    }

    private static ActivePolicy active(org.yibao.engine.policy.RegionPolicy policy, Document d) {
        return new ActivePolicy(policy, d.version(), d.sha256(), d.sourceName(), d.loadedAt(), d.loadedBy());
    }

    private static VersionInfo info(Document d) {
        return new VersionInfo(d.admdvs(), d.policyYear(), d.version(), d.active(), d.loadedAt(), d.loadedBy(), d.sourceName(), d.sha256());
    }

    private static void writeAtomically(Path target, String content) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    static String fileName(String admdvs, int year) {
        return admdvs + "/" + year + ".yaml";
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
