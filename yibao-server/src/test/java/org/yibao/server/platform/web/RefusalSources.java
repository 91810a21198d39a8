package org.yibao.server.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the refusal messages written in the main sources, for {@link RefusalCoverageTest}: the message
 * argument of every refusal the web layer shows ({@code InvalidInputException}, its {@code FieldError},
 * {@code ConflictException}, {@code FilingRefused}, {@code FamilyDoctorRefusal}) and of every helper that
 * passes a parameter on as such a message ({@code Checks.add}, {@code Checks.matches},
 * {@code FamilyDoctorRefusal.invalid}, a context's private {@code error(field, message)} …, found by
 * reading the helpers' bodies, not listed by hand), and a page's own message shown through
 * {@code RefusalTexts.text("…", locale)}.
 *
 * <p>Each message expression becomes samples: string literals kept, every other part (a variable, a call)
 * replaced by a value {@code X1}, {@code X2} …; a conditional {@code a ? "甲" : "乙"} gives one sample per
 * branch, and a parameter of the method the refusal is in also each literal its callers pass for it
 * ({@code changeable(…, "变更")}: a Chinese value must be a {@code refusal.term.*}). A message, or a part
 * of one, held in a local {@code String} is read from its nearest declaration before it in the same file.
 * This is a reading of the text, not a compiler: a message built elsewhere (a method returning it, a
 * {@code StringBuilder}) is not seen.
 */
final class RefusalSources {

    /** The refusals' constructors; the message is their last argument. */
    private static final Pattern REFUSAL = Pattern.compile(
            "new\\s+(?:InvalidInputException\\.FieldError|InvalidInputException|ConflictException|FilingRefused|FamilyDoctorRefusal)\\s*\\(");
    private static final Pattern NAME_THEN_PARENTHESIS = Pattern.compile("\\b(\\w+)\\s*\\(");
    private static final Pattern DECLARATION_HEAD = Pattern.compile("[\\w<>\\[\\]., ?@]+");
    private static final Set<String> NOT_A_TYPE = Set.of("return", "new", "else", "throw", "case", "yield", "if", "for", "while", "switch",
            "catch", "synchronized", "try", "do", "assert");
    private static final Pattern CALL = Pattern.compile("(?<!\\w)([a-z]\\w*)\\s*\\(");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");
    private static final int MAX_SAMPLES = 32;

    /** A message found: where, the samples it reads as, and the expression as written. */
    record Site(String file, int line, List<String> samples, String expression) {}

    /** A method that passes its parameter {@code message} on as a refusal's message. */
    private record Helper(String name, int arity, int message, String file, boolean isPrivate) {}

    /** A method or constructor declared in a source: where its parameters open, their names and its body's braces. */
    private record Method(String name, int open, List<String> params, boolean varargs, int bodyStart, int bodyEnd, boolean isPrivate) {

        boolean takes(int arguments) {
            return arguments == params.size() || varargs && arguments >= params.size() - 1;
        }
    }

    /** A source file: its text, the text without comments, its declarations, and where each name is called ('(' of the call). */
    private record Source(String file, String text, String code, List<Method> methods, Map<String, List<Integer>> calls) {

        Source(String file, String text) {
            this(file, text, blankComments(text));
        }

        private Source(String file, String text, String code) {
            this(file, text, code, RefusalSources.methods(code));
        }

        private Source(String file, String text, String code, List<Method> methods) {
            this(file, text, code, methods, callsByName(code, methods));
        }
    }

    private static Map<String, List<Integer>> callsByName(String code, List<Method> methods) {
        Set<Integer> declarations = new HashSet<>();
        methods.forEach(m -> declarations.add(m.open()));
        Map<String, List<Integer>> calls = new HashMap<>();
        Matcher c = CALL.matcher(code);
        while (c.find()) {
            if (!declarations.contains(c.end() - 1)) {
                calls.computeIfAbsent(c.group(1), k -> new ArrayList<>()).add(c.end() - 1);
            }
        }
        return calls;
    }

    private RefusalSources() {}

    /** The refusal messages of the {@code .java} files under {@code root}, except under the {@code excluded} folders (paths relative to root, '/'). */
    static List<Site> scan(Path root, List<String> excluded) {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (excluded.stream().noneMatch(rel::startsWith)) {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    sources.add(new Source(rel, text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scan(sources);
    }

    /** The refusal messages of one source text (for the test that the scan catches a new one). */
    static List<Site> scan(String file, String text) {
        return scan(List.of(new Source(file, text)));
    }

    private static List<Site> scan(List<Source> sources) {
        List<Helper> helpers = helpers(sources);
        List<Site> sites = new ArrayList<>();
        for (Source s : sources) {
            for (int[] call : calls(s, helpers)) {
                int open = call[0];
                List<String> args = arguments(s.code(), open);
                int index = call[1] < 0 ? args.size() - 1 : call[1];
                if (args.size() <= index || index < 0) {
                    continue;
                }
                String arg = args.get(index).strip();
                if (isParameterOfEnclosingMethod(s, open, arg)) {
                    continue; // a helper passing its message on: its callers are the sites
                }
                String expression = IDENTIFIER.matcher(arg).matches() ? declaration(s.code(), open, arg) : arg;
                Method m = enclosing(s, open);
                Function<String, List<String>> values = name -> valuesOf(sources, s, m, open, name);
                List<String> samples = samples(expression == null ? arg : expression, values);
                sites.add(new Site(s.file(), line(s.text(), open), samples, arg));
            }
        }
        return sites;
    }

    /**
     * The values a name in a message is known to take: the literals the callers pass when it is a parameter of
     * the enclosing method {@code m}, the samples of its declaration when it is a local {@code String}; none otherwise.
     */
    private static List<String> valuesOf(List<Source> sources, Source s, Method m, int at, String name) {
        if (m != null && m.params().contains(name)) {
            return literalArguments(sources, s, m, m.params().indexOf(name));
        }
        String declared = declaration(s.code(), at, name);
        return declared == null ? List.of() : samples(declared, other -> List.of()).stream().filter(v -> !v.isEmpty()).toList();
    }

    /** The string literals the callers of {@code m} (declared in {@code declared}) pass as its parameter {@code index}. */
    private static List<String> literalArguments(List<Source> sources, Source declared, Method m, int index) {
        Set<String> literals = new LinkedHashSet<>();
        for (Source s : sources) {
            if (m.isPrivate() && s != declared) {
                continue;
            }
            for (int open : s.calls().getOrDefault(m.name(), List.of())) {
                List<String> args = arguments(s.code(), open);
                if (m.takes(args.size()) && index < args.size() && isLiteral(args.get(index).strip())) {
                    String literal = args.get(index).strip();
                    literals.add(unescape(literal.substring(1, literal.length() - 1)));
                }
            }
        }
        return List.copyOf(literals);
    }

    /** Opening parentheses of refusal calls in {@code s}, each with its message index (-1: the last argument). */
    private static List<int[]> calls(Source s, List<Helper> helpers) {
        Map<Integer, Integer> found = new TreeMap<>();
        Matcher r = REFUSAL.matcher(s.code());
        while (r.find()) {
            found.put(r.end() - 1, -1);
        }
        for (Helper h : helpers) {
            if (!h.isPrivate() || h.file().equals(s.file())) {
                for (int open : s.calls().getOrDefault(h.name(), List.of())) {
                    if (arguments(s.code(), open).size() == h.arity()) {
                        found.putIfAbsent(open, h.message());
                    }
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        found.forEach((at, index) -> out.add(new int[] {at, index}));
        return out;
    }

    /** Methods whose body passes one of their parameters as a refusal's message, to a fixpoint (a helper of a helper). */
    private static List<Helper> helpers(List<Source> sources) {
        // A page that shows a message of its own in the reader's language: texts.text("…", locale).
        List<Helper> helpers = new ArrayList<>(List.of(new Helper("text", 2, 0, "platform/web/RefusalTexts.java", false)));
        boolean more = true;
        while (more) {
            more = false;
            for (Source s : sources) {
                for (int[] call : calls(s, helpers)) {
                    Method m = enclosing(s, call[0]);
                    if (m == null) {
                        continue;
                    }
                    List<String> args = arguments(s.code(), call[0]);
                    int index = call[1] < 0 ? args.size() - 1 : call[1];
                    int param = index < 0 || index >= args.size() ? -1 : m.params().indexOf(args.get(index).strip());
                    Helper h = new Helper(m.name(), m.params().size(), param, s.file(), m.isPrivate());
                    if (param >= 0 && helpers.stream().noneMatch(x -> x.name().equals(h.name()) && x.arity() == h.arity() && x.file().equals(h.file()))) {
                        helpers.add(h);
                        more = true;
                    }
                }
            }
        }
        return helpers;
    }

    /** The declarations of {@code code}: a name and parameters after a type (and modifiers) on the line, then a body. */
    private static List<Method> methods(String code) {
        List<Method> methods = new ArrayList<>();
        Matcher m = NAME_THEN_PARENTHESIS.matcher(code);
        while (m.find()) {
            int lineStart = code.lastIndexOf('\n', m.start()) + 1;
            String head = code.substring(lineStart, m.start()).strip();
            String[] words = head.split("\\s+");
            if (head.isEmpty() || NOT_A_TYPE.contains(words[0]) || NOT_A_TYPE.contains(m.group(1)) || !DECLARATION_HEAD.matcher(head).matches()
                    || head.endsWith(".")) {
                continue;
            }
            int close = closing(code, m.end() - 1, '(', ')');
            if (close < 0) {
                continue;
            }
            int brace = close + 1;
            while (brace < code.length() && code.charAt(brace) != '{' && code.charAt(brace) != ';' && code.charAt(brace) != '=') {
                brace++;
            }
            String between = code.substring(close + 1, Math.min(brace, code.length())).strip();
            if (brace >= code.length() || code.charAt(brace) != '{' || !(between.isEmpty() || between.startsWith("throws "))) {
                continue;
            }
            int end = closing(code, brace, '{', '}');
            String params = code.substring(m.end(), close);
            methods.add(new Method(m.group(1), m.end() - 1, parameterNames(params), params.contains("..."), brace, end < 0 ? code.length() : end,
                    List.of(words).contains("private")));
        }
        return methods;
    }

    /** The innermost declared method whose body holds {@code at}, or null. */
    private static Method enclosing(Source s, int at) {
        Method found = null;
        for (Method m : s.methods()) {
            if (m.bodyStart() < at && at < m.bodyEnd() && (found == null || m.bodyStart() > found.bodyStart())) {
                found = m;
            }
        }
        return found;
    }

    private static List<String> parameterNames(String params) {
        List<String> names = new ArrayList<>();
        for (String p : split(params, ',')) {
            String[] words = p.strip().split("\\s+");
            if (!p.isBlank()) {
                names.add(words[words.length - 1]);
            }
        }
        return names;
    }

    private static boolean isParameterOfEnclosingMethod(Source s, int at, String arg) {
        Method m = enclosing(s, at);
        return IDENTIFIER.matcher(arg).matches() && m != null && m.params().contains(arg);
    }

    /** The initialiser of the nearest {@code String name = …;} before {@code at}, or null. */
    private static String declaration(String code, int at, String name) {
        Matcher m = Pattern.compile("\\bString\\s+" + Pattern.quote(name) + "\\s*=").matcher(code.substring(0, at));
        int start = -1;
        while (m.find()) {
            start = m.end();
        }
        if (start < 0) {
            return null;
        }
        List<String> parts = split(code.substring(start, at), ';');
        return parts.isEmpty() ? null : parts.get(0);
    }

    /**
     * The message as a reader may see it: literals kept, other parts X1, X2 …, one sample per branch of a
     * conditional; a part that {@code values} knows (a parameter its callers pass as a literal) also with
     * each of those values.
     */
    static List<String> samples(String expression, Function<String, List<String>> values) {
        List<String> out = new ArrayList<>();
        int[] counter = {0};
        for (List<Object> parts : alternatives(expression, values)) {
            StringBuilder s = new StringBuilder();
            counter[0] = 0;
            for (Object part : parts) {
                s.append(part instanceof String literal ? literal : "X" + ++counter[0]);
            }
            out.add(s.toString());
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    /** Each alternative: a list of literal texts (String) and values (a marker object). */
    private static List<List<Object>> alternatives(String expression, Function<String, List<String>> values) {
        String e = unwrap(expression.strip());
        int question = topLevel(e, '?', 0);
        if (question > 0) {
            int colon = topLevel(e, ':', question + 1);
            if (colon > 0) {
                List<List<Object>> both = new ArrayList<>(alternatives(e.substring(question + 1, colon), values));
                both.addAll(alternatives(e.substring(colon + 1), values));
                return both.subList(0, Math.min(both.size(), MAX_SAMPLES));
            }
        }
        List<List<Object>> result = List.of(List.of());
        for (String term : split(e, '+')) {
            String t = term.strip();
            List<List<Object>> options;
            if (isLiteral(t)) {
                options = List.of(List.of(unescape(t.substring(1, t.length() - 1))));
            } else if (t.startsWith("(") && closing(t, 0, '(', ')') == t.length() - 1) {
                options = alternatives(t, values);
            } else {
                List<List<Object>> valued = new ArrayList<>(List.of(List.of(VALUE)));
                if (IDENTIFIER.matcher(t).matches()) {
                    values.apply(t).forEach(v -> valued.add(List.of(v)));
                }
                options = valued;
            }
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> before : result) {
                for (List<Object> option : options) {
                    if (next.size() < MAX_SAMPLES) {
                        List<Object> joined = new ArrayList<>(before);
                        joined.addAll(option);
                        next.add(joined);
                    }
                }
            }
            result = next;
        }
        return result;
    }

    private static final Object VALUE = new Object();

    private static String unwrap(String e) {
        while (e.startsWith("(") && closing(e, 0, '(', ')') == e.length() - 1) {
            e = e.substring(1, e.length() - 1).strip();
        }
        return e;
    }

    private static boolean isLiteral(String t) {
        if (t.length() < 2 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"' || t.startsWith("\"\"\"")) {
            return false;
        }
        return skipString(t, 0) == t.length();
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The arguments of the call whose '(' is at {@code open}. */
    private static List<String> arguments(String code, int open) {
        int close = closing(code, open, '(', ')');
        return close < 0 ? List.of() : split(code.substring(open + 1, close), ',');
    }

    /** Splits at {@code separator} outside strings, characters and brackets ('+' not in "++" or "+="). */
    private static List<String> split(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i : outside(s, 0, i -> s.charAt(i) == separator
                && !(separator == '+' && (next(s, i) == '+' || next(s, i) == '=' || prev(s, i) == '+')))) {
            parts.add(s.substring(from, i));
            from = i + 1;
        }
        if (!s.substring(from).isBlank() || !parts.isEmpty()) {
            parts.add(s.substring(from));
        }
        return parts;
    }

    /** The first {@code wanted} from {@code from} on outside strings and brackets (a ':' not of "::"), or -1. */
    private static int topLevel(String s, char wanted, int from) {
        List<Integer> found = outside(s, from, i -> s.charAt(i) == wanted && !(wanted == ':' && (next(s, i) == ':' || prev(s, i) == ':')));
        return found.isEmpty() ? -1 : found.get(0);
    }

    /** The indexes from {@code from} on, outside strings, characters, brackets and type parameters, where {@code wanted} holds. */
    private static List<Integer> outside(String s, int from, IntPredicate wanted) {
        List<Integer> found = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(s, i) - 1;
            } else if (c == '(' || c == '[' || c == '{' || c == '<' && generic(s, i)) {
                depth++;
            } else if (c == ')' || c == ']' || c == '}' || c == '>' && depth > 0 && generic(s, i)) {
                depth--;
            } else if (depth == 0 && wanted.test(i)) {
                found.add(i);
            }
        }
        return found;
    }

    /** A '<' or '>' of a type's parameters (Map<String, String>), not a comparison. */
    private static boolean generic(String s, int i) {
        return s.charAt(i) == '<' ? i > 0 && Character.isLetter(s.charAt(i - 1)) && i + 1 < s.length() && Character.isUpperCase(s.charAt(i + 1))
                : i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)) && (i + 1 >= s.length() || s.charAt(i + 1) != '=');
    }

    private static char next(String s, int i) {
        return i + 1 < s.length() ? s.charAt(i + 1) : ' ';
    }

    private static char prev(String s, int i) {
        return i > 0 ? s.charAt(i - 1) : ' ';
    }

    /** The index of the bracket closing the one at {@code open}, or -1. */
    private static int closing(String s, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(s, i) - 1;
            } else if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index just after the string or character literal starting at {@code at}. */
    private static int skipString(String s, int at) {
        char quote = s.charAt(at);
        if (quote == '"' && s.startsWith("\"\"\"", at)) {
            int end = s.indexOf("\"\"\"", at + 3);
            return end < 0 ? s.length() : end + 3;
        }
        for (int i = at + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote || c == '\n') {
                return i + 1;
            }
        }
        return s.length();
    }

    /** The text with its comments blanked out (line breaks kept, so offsets and lines stay). */
    private static String blankComments(String text) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(text, i) - 1;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                blank(out, i, end);
                i = end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                blank(out, i, end);
                i = end - 1;
            }
        }
        return out.toString();
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (out.charAt(i) != '\n') {
                out.setCharAt(i, ' ');
            }
        }
    }

    private static int line(String text, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The Chinese pattern a sample suggests for its key: X1, X2 … as {0}, {1} …. */
    static String pattern(String sample) {
        Matcher m = Pattern.compile("X(\\d+)").matcher(sample);
        StringBuilder out = new StringBuilder();
        Set<String> seen = new LinkedHashSet<>();
        while (m.find()) {
            seen.add(m.group(1));
            m.appendReplacement(out, "{" + (Integer.parseInt(m.group(1)) - 1) + "}");
        }
        m.appendTail(out);
        return out.toString();
    }
}
