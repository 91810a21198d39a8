package org.yibao.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Chinese refusal written in the main sources reads in English (docs/i18n.md): a new or reworded
 * refusal without its {@code refusal.msg.*} pattern fails the build here, naming the file, the line, the
 * Chinese text and the key to add, instead of showing Chinese to a reader who switched to English.
 *
 * <p>The national interface's refusals stay Chinese by protocol and are not read: {@code FsiRefusal}
 * (not a refusal the web layer shows), {@code platform.fsi}, the gateway's and the settlement context's
 * transactions.
 */
class RefusalCoverageTest {

    static final Path MAIN = Path.of("src/main/java/org/yibao/server");
    static final List<String> NATIONAL_INTERFACE = List.of("platform/fsi/", "gateway/internal/", "settlement/internal/");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final RefusalTexts texts = new RefusalTexts();

    /** The untranslated samples of {@code sites}, each told as where it is, what it says and what to add. */
    private List<String> untranslated(List<RefusalSources.Site> sites) {
        List<String> out = new ArrayList<>();
        for (RefusalSources.Site site : sites) {
            for (String sample : site.samples()) {
                if (HAN.matcher(sample).find() && HAN.matcher(texts.text(sample, Locale.ENGLISH)).find()) {
                    out.add(site.file() + ":" + site.line() + ": 「" + sample + "」 has no English text; add a key to both"
                            + " i18n/messages.properties (refusal.msg.<context>.<name>=" + RefusalSources.pattern(sample)
                            + ") and messages_en.properties (the same key, its English text with the same {n})");
                }
            }
        }
        return out;
    }

    @Test
    void everyChineseRefusalInTheMainSourcesHasAnEnglishText() {
        List<RefusalSources.Site> sites = RefusalSources.scan(MAIN, NATIONAL_INTERFACE);
        assertThat(sites).as("the refusals found in " + MAIN.toAbsolutePath()).hasSizeGreaterThan(300);
        assertThat(sites.stream().filter(s -> s.samples().stream().anyMatch(x -> HAN.matcher(x).find())).count())
                .as("Chinese refusals found").isGreaterThan(140);
        List<String> missing = untranslated(sites);
        assertThat(missing).withFailMessage("%d refusal(s) would show Chinese to an English reader (docs/i18n.md):%n%s",
                missing.size(), String.join(System.lineSeparator(), missing)).isEmpty();
    }

    @Test
    void aNewChineseRefusalWithoutAPatternIsNamedWithItsFileLineAndTheKeyToAdd() {
        String source = """
                package org.yibao.server.example;

                class Example {
                    private static InvalidInputException.FieldError error(String field, String message) {
                        return new InvalidInputException.FieldError(field, "example." + field, message);
                    }

                    void check(String code, boolean late) {
                        // new ConflictException("x", "y", "注释里的话不算");
                        throw new ConflictException("code", "example", "示例编码 " + code + (late ? " 已过期" : " 尚未生效"));
                    }

                    void change(String what) {
                        throw new FilingRefused("id", "示例不能" + what);
                    }

                    void changed() {
                        change("变更");
                    }

                    void other(String code) {
                        String why = "示例 " + code + " 不能修改";
                        errors.add(error("code", why));
                        throw new InvalidInputException("code", "example", "a message in English " + code);
                    }
                }
                """;
        List<RefusalSources.Site> sites = RefusalSources.scan("example/Example.java", source);

        assertThat(sites).extracting(RefusalSources.Site::line).containsExactly(10, 14, 23, 24);
        assertThat(sites.get(0).samples()).containsExactly("示例编码 X1 已过期", "示例编码 X1 尚未生效");
        assertThat(sites.get(1).samples()).as("a parameter also with the values its callers pass").containsExactly("示例不能X1", "示例不能变更");
        assertThat(sites.get(2).samples()).containsExactly("示例 X1 不能修改");
        assertThat(untranslated(sites)).hasSize(5).first().asString()
                .startsWith("example/Example.java:10: 「示例编码 X1 已过期」 has no English text")
                .contains("refusal.msg.<context>.<name>=示例编码 {0} 已过期");
    }

    @Test
    void aTranslatedOrHalfEnglishRefusalPasses() {
        List<RefusalSources.Site> sites = RefusalSources.scan("example/Example.java", """
                class Example {
                    void check(String id, String date) {
                        throw new FilingRefused("id", "异地就医备案 " + id + " 已于 " + date + " 到期，不能再变更；如需异地就医请重新备案");
                    }
                    void bind() {
                        throw new ConflictException("psn_no", "self", "不能绑定本人 / you cannot bind yourself");
                    }
                }
                """);
        assertThat(sites).hasSize(2);
        assertThat(untranslated(sites)).isEmpty();
    }
}
