package org.yibao.server.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The English text of a refusal whose message is Chinese, for a user who switched the portals or the
 * console to English ({@code ?lang=en}) or an API client that asked for it ({@code Accept-Language: en}).
 * Chinese stays the default and the message thrown stays what it is; only its rendering changes.
 *
 * <p>Every {@code refusal.msg.*} key has a Chinese pattern in {@code i18n/messages.properties} and an English
 * text in {@code messages_en.properties}; {@code {0}}, {@code {1}}, … stand for the values a message
 * carries (codes, dates, counts, names), which the English text repeats as they are. A message is
 * translated by the pattern that matches it whole (the one with the most fixed text when several do),
 * so no throw site has to change. A message with no pattern falls back to the English half of a
 * "中文 / english" message, and only then to the message itself. See docs/i18n.md.
 */
@Component
public class RefusalTexts {

    static final String PREFIX = "refusal.msg.";
    static final String TERM = "refusal.term.";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");
    private static final Pattern CHINESE_THEN_ENGLISH = Pattern.compile("(?s).*\\p{IsHan}.*? / ([^\\p{IsHan}]+)");

    private final List<Template> templates;
    private final Map<String, String> terms;

    public RefusalTexts() {
        this(bundle("i18n/messages.properties"), bundle("i18n/messages_en.properties"));
    }

    RefusalTexts(Properties chinese, Properties english) {
        List<Template> list = new ArrayList<>();
        Map<String, String> words = new HashMap<>();
        for (String key : chinese.stringPropertyNames()) {
            String en = english.getProperty(key);
            if (key.startsWith(TERM) && en != null) {
                words.put(chinese.getProperty(key), en);
            } else if (key.startsWith(PREFIX) && en != null) {
                list.add(Template.of(key, chinese.getProperty(key), en));
            }
        }
        this.terms = Map.copyOf(words);
        list.sort(Comparator.comparingInt(Template::fixedLength).reversed().thenComparing(Template::key));
        this.templates = List.copyOf(list);
    }

    /** True when the page or the client reads English; everything else reads Chinese. */
    public static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /**
     * The language an API client asked for with {@code Accept-Language}: English when English ranks
     * above Chinese, else Chinese (also without the header or with a malformed one).
     */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(header), List.of("zh", "en"));
            return "en".equals(tag) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        } catch (IllegalArgumentException malformed) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }

    /** The refusal message in the reader's language: unchanged unless the reader reads English. */
    public String text(String message, Locale locale) {
        if (message == null || !english(locale)) {
            return message;
        }
        for (Template t : templates) {
            String en = t.english(message, terms);
            if (en != null) {
                return en;
            }
        }
        Matcher pair = CHINESE_THEN_ENGLISH.matcher(message);
        return pair.matches() ? pair.group(1).strip() : message;
    }

    /** The messages of a refusal's field errors in the reader's language, field and rule unchanged. */
    public List<InvalidInputException.FieldError> errors(List<InvalidInputException.FieldError> errors, Locale locale) {
        return errors.stream().map(e -> new InvalidInputException.FieldError(e.field(), e.rule(), text(e.message(), locale))).toList();
    }

    /** The messages only, in the reader's language: what a page lists above a refused form. */
    public List<String> messages(InvalidInputException e, Locale locale) {
        return errors(e.errors(), locale).stream().map(InvalidInputException.FieldError::message).toList();
    }

    /** Each field error as "field: message" in the reader's language: what a page lists when the fields are not its form's own. */
    public List<String> fieldMessages(InvalidInputException e, Locale locale) {
        return errors(e.errors(), locale).stream().map(f -> f.field() + ": " + f.message()).toList();
    }

    /**
     * A refusal in one line in the reader's language: the field errors of bad input ("field: message; …"),
     * else the message (a conflict, a filing or family-doctor refusal, an unknown id).
     */
    public String text(RuntimeException refusal, Locale locale) {
        return refusal instanceof InvalidInputException invalid ? String.join("; ", fieldMessages(invalid, locale))
                : text(refusal.getMessage(), locale);
    }

    private static Properties bundle(String path) {
        Properties p = new Properties();
        try (InputStream in = RefusalTexts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** One translation: the Chinese pattern as a regular expression, the English text with its placeholders. */
    private record Template(String key, Pattern chinese, List<Integer> order, int fixedLength, String english) {

        static Template of(String key, String chinese, String english) {
            StringBuilder regex = new StringBuilder();
            List<Integer> order = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(chinese);
            int at = 0;
            int fixed = 0;
            while (m.find()) {
                regex.append(Pattern.quote(chinese.substring(at, m.start()))).append("(.+?)");
                fixed += m.start() - at;
                order.add(Integer.parseInt(m.group(1)));
                at = m.end();
            }
            regex.append(Pattern.quote(chinese.substring(at)));
            fixed += chinese.length() - at;
            return new Template(key, Pattern.compile(regex.toString(), Pattern.DOTALL), List.copyOf(order), fixed, english);
        }

        /**
         * The English text with the values of {@code message} (a value that is a Chinese term in English),
         * or null when this pattern does not match it.
         */
        String english(String message, Map<String, String> terms) {
            Matcher m = chinese.matcher(message);
            if (!m.matches()) {
                return null;
            }
            String[] values = new String[10];
            for (int i = 0; i < order.size(); i++) {
                values[order.get(i)] = terms.getOrDefault(m.group(i + 1), m.group(i + 1));
            }
            Matcher p = PLACEHOLDER.matcher(english);
            StringBuilder out = new StringBuilder();
            while (p.find()) {
                String value = values[Integer.parseInt(p.group(1))];
                p.appendReplacement(out, Matcher.quoteReplacement(value == null ? p.group() : value));
            }
            p.appendTail(out);
            return out.toString();
        }
    }
}
