package org.yibao.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The English texts of refusals (docs/i18n.md): every refusal key has both languages with the same
 * values, so a new refusal without its translation fails the build; a Chinese message reads in English
 * with its values, and stays as it is for a Chinese reader.
 */
class RefusalTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final RefusalTexts texts = new RefusalTexts();

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RefusalTextsTest.class.getClassLoader().getResourceAsStream("i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> refusalKeys(Properties p) {
        Set<String> keys = new TreeSet<>();
        // refusal.msg.* and refusal.term.* (RefusalTexts) and the console's older refusal.<field>.<rule> keys.
        p.stringPropertyNames().stream().filter(k -> k.startsWith("refusal.")).forEach(keys::add);
        return keys;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void everyRefusalKeyHasAChineseAndAnEnglishTextCarryingTheSameValues() throws IOException {
        Properties zh = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        assertThat(refusalKeys(zh)).hasSizeGreaterThan(100);
        assertThat(refusalKeys(en)).isEqualTo(refusalKeys(zh));
        List<String> wrong = new ArrayList<>();
        for (String key : refusalKeys(zh)) {
            String chinese = zh.getProperty(key);
            String english = en.getProperty(key);
            if (!HAN.matcher(chinese).find()) {
                wrong.add(key + ": the Chinese text has no Chinese");
            }
            if (english.isBlank() || HAN.matcher(english).find()) {
                wrong.add(key + ": the English text is blank or has Chinese");
            }
            if (!placeholders(chinese).equals(placeholders(english))) {
                wrong.add(key + ": placeholders " + placeholders(chinese) + " in Chinese, " + placeholders(english) + " in English");
            }
            if (key.startsWith(RefusalTexts.PREFIX) && PLACEHOLDER.matcher(chinese).replaceAll("").strip().length() < 3) {
                wrong.add(key + ": too little fixed text to recognise the message by");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(zh.stringPropertyNames().stream().filter(k -> k.startsWith(RefusalTexts.PREFIX)).map(zh::getProperty).distinct().count())
                .as("two keys with the same Chinese pattern").isEqualTo(refusalKeys(zh).stream().filter(k -> k.startsWith(RefusalTexts.PREFIX)).count());
    }

    @Test
    void aChineseRefusalReadsInEnglishWithItsValuesAndTermsAndStaysChineseForAChineseReader() {
        String message = "异地就医备案 42 已于 2040-03-01 到期，不能再变更；如需异地就医请重新备案";
        assertThat(texts.text(message, Locale.ENGLISH))
                .isEqualTo("Cross-region filing 42 expired on 2040-03-01 and can no longer be changed; to be treated elsewhere, file again");
        assertThat(texts.text(message, Locale.SIMPLIFIED_CHINESE)).isEqualTo(message);
        assertThat(texts.text("转出机构 H1 不存在或不是定点医疗机构", Locale.ENGLISH))
                .isEqualTo("The referring institution H1 does not exist or is not a designated medical institution");
    }

    @Test
    void theMostSpecificPatternWinsAndAnUntranslatedMessageFallsBackToItsEnglishHalfOrItself() {
        assertThat(texts.text("投诉 7 当前状态为 RECEIVED，不能答复（仅 ASSIGNED、INVESTIGATING 可以）：请先分派经办人", Locale.ENGLISH))
                .isEqualTo("Complaint 7 is RECEIVED and cannot be answered (only ASSIGNED、INVESTIGATING can): assign a clerk first");
        assertThat(texts.text("不能绑定本人 / you cannot bind yourself", Locale.ENGLISH)).isEqualTo("you cannot bind yourself");
        assertThat(texts.text("不能绑定本人 / you cannot bind yourself", Locale.SIMPLIFIED_CHINESE)).isEqualTo("不能绑定本人 / you cannot bind yourself");
        assertThat(texts.text("一条没有译文的新规则", Locale.ENGLISH)).isEqualTo("一条没有译文的新规则");
    }

    @Test
    void anApiClientReadsEnglishOnlyWhenItRanksEnglishAboveChinese() {
        assertThat(RefusalTexts.fromAcceptLanguage(null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(RefusalTexts.fromAcceptLanguage("en-US,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(RefusalTexts.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(RefusalTexts.fromAcceptLanguage("fr")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(RefusalTexts.fromAcceptLanguage(";;;q=x")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }
}
