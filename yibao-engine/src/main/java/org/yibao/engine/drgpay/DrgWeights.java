package org.yibao.engine.drgpay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/**
 * A published table of DRG relative weights (相对权重, RW) with the base rates (基准费率) by insutype, such as
 * {@code harbin-2024} (R-PAY-2's demo weights for region 990100, shipped in {@code /drg/weights/} with its
 * NOTICE). The base rates are taken as the level-3 reference (coefficient 1.00).
 *
 * <p>File format (tab-separated, UTF-8): comment lines start with {@code #}; one comment line names the base
 * rates, {@code # base_rate 310 (职工) = 12252.70 ; base_rate 390 (居民) = 9649.24}; then the header
 * {@code drg<TAB>rw} and one row per DRG with its weight (at most 4 decimals). A file that does not read is
 * refused with its line and what is wrong.
 */
public final class DrgWeights {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern BASE_RATE = Pattern.compile("base_rate\\s+(\\d{3})\\s*(?:\\([^)]*\\))?\\s*=\\s*(\\S+)");
    private static final Pattern DRG = Pattern.compile("[A-Z0-9]{4}");

    private final String name;
    private final Map<String, Ratio> weights;
    private final Map<String, Money> baseRates;

    private DrgWeights(String name, Map<String, Ratio> weights, Map<String, Money> baseRates) {
        this.name = Objects.requireNonNull(name, "name");
        this.weights = Collections.unmodifiableMap(new TreeMap<>(weights));
        this.baseRates = Collections.unmodifiableMap(new TreeMap<>(baseRates));
        if (this.baseRates.isEmpty()) {
            throw new IllegalArgumentException(name + ": no base rate (a line '# base_rate 310 = 12252.70' is required)");
        }
    }

    /** Weights and base rates given directly (a test's group whose standard is set, a region's own table). */
    public static DrgWeights of(String name, Map<String, Ratio> weights, Map<String, Money> baseRates) {
        return new DrgWeights(name, weights, baseRates);
    }

    /** The shipped table {@code /drg/weights/<name>.tsv}, e.g. {@code harbin-2024}. */
    public static DrgWeights load(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("a weights table is a lower-case name such as harbin-2024, got: " + name);
        }
        String path = "/drg/weights/" + name + ".tsv";
        try (InputStream in = DrgWeights.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no weights table " + name + " (" + path + " is not on the classpath)");
            }
            return read(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table in the format above. */
    public static DrgWeights read(String name, InputStream in) throws IOException {
        Map<String, Ratio> weights = new LinkedHashMap<>();
        Map<String, Money> rates = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean header = false;
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher m = BASE_RATE.matcher(line);
                while (m.find()) {
                    rates.put(m.group(1), parse(name, lineNo, "base rate", m.group(2), Money::of));
                }
                continue;
            }
            String[] f = line.split("\t", -1);
            if (!header) {
                if (f.length != 2 || !f[0].strip().equals("drg") || !f[1].strip().equals("rw")) {
                    throw new IllegalArgumentException(name + ": line " + lineNo + ": expected the header 'drg<TAB>rw', got: " + line);
                }
                header = true;
                continue;
            }
            if (f.length != 2 || !DRG.matcher(f[0].strip()).matches()) {
                throw new IllegalArgumentException(name + ": line " + lineNo + ": expected a DRG code and its weight, got: " + line);
            }
            Ratio rw = parse(name, lineNo, "weight", f[1].strip(), Ratio::of);
            if (rw.signum() <= 0) {
                throw new IllegalArgumentException(name + ": line " + lineNo + ": the weight of " + f[0] + " must be positive, got " + rw);
            }
            if (weights.put(f[0].strip(), rw) != null) {
                throw new IllegalArgumentException(name + ": line " + lineNo + ": " + f[0] + " is listed twice");
            }
        }
        if (!header) {
            throw new IllegalArgumentException(name + ": no header 'drg<TAB>rw'");
        }
        return new DrgWeights(name, weights, rates);
    }

    private static <T> T parse(String name, int line, String what, String text, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": line " + line + ": the " + what + " '" + text + "' is not a decimal number ("
                    + e.getMessage() + ")");
        }
    }

    public String name() {
        return name;
    }

    /** The published weight of a DRG, if the table has one. */
    public Optional<Ratio> rw(String drg) {
        return Optional.ofNullable(weights.get(drg));
    }

    /** Every published weight, by DRG. */
    public Map<String, Ratio> weights() {
        return weights;
    }

    /** The base rate of an insutype (310 employees, 390 residents), if the table has one. */
    public Optional<Money> baseRate(String insutype) {
        return Optional.ofNullable(baseRates.get(insutype));
    }

    public Map<String, Money> baseRates() {
        return baseRates;
    }
}
