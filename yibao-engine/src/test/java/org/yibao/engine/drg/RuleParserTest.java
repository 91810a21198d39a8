package org.yibao.engine.drg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** README §4: the rule language, compiled once and evaluated per case. */
class RuleParserTest {

    private static final Map<String, Set<String>> LISTS = Map.of("DX", Set.of("D1"), "PROC", Set.of("P1"), "PROC1", Set.of("P2"));
    private static final Set<String> OR = Set.of("P1", "P2");

    private static boolean eval(String rule, DrgCase c) {
        Rule r = RuleParser.parse(rule, LISTS, OR, "X01");
        return r.test(new CaseFacts(c, SharedChsDrgData.SHIPPED, DrgGrouper.normaliseSex(c.sex())));
    }

    private static DrgCase c(List<String> dx, List<String> proc) {
        return new DrgCase("r", "1", 30, 11000, 0, "", 3, "1", dx, proc);
    }

    @Test
    void andBindsTighterThanOr() {
        // FALSE and TRUE or TRUE = (FALSE and TRUE) or TRUE = true; the other reading would be false.
        assertThat(eval("FALSE and TRUE or TRUE", c(List.of("D1"), List.of()))).isTrue();
        assertThat(eval("FALSE and ( TRUE or TRUE )", c(List.of("D1"), List.of()))).isFalse();
    }

    @Test
    void notAppliesToTheFollowingAtomOrGroup() {
        assertThat(eval("not FALSE and TRUE", c(List.of("D1"), List.of()))).isTrue();
        assertThat(eval("not (TRUE and FALSE)", c(List.of("D1"), List.of()))).isTrue();
        assertThat(eval("not any_proc in OR_PROCEDURES", c(List.of("D1"), List.of("P9")))).isTrue();
    }

    @Test
    void parenthesesMayTouchTheirWords() {
        assertThat(RuleParser.tokenize("principal_dx in DX and ((any_proc in PROC and any_proc in PROC1) or n_regions(any_dx)>=2)"))
                .containsExactly("principal_dx", "in", "DX", "and", "(", "(", "any_proc", "in", "PROC", "and", "any_proc",
                        "in", "PROC1", ")", "or", "n_regions(any_dx)>=2", ")");
    }

    @Test
    void selectorsLookAtTheRightCodes() {
        DrgCase secondaryOnly = c(List.of("D9", "D1"), List.of("P9", "P1"));
        assertThat(eval("principal_dx in DX", secondaryOnly)).isFalse();
        assertThat(eval("any_dx in DX", secondaryOnly)).isTrue();
        assertThat(eval("main_proc in PROC", secondaryOnly)).isFalse();
        assertThat(eval("any_proc in PROC", secondaryOnly)).isTrue();
        assertThat(eval("main_proc in PROC", c(List.of("D1"), List.of()))).isFalse();
    }

    @Test
    void oneProcedureInTwoListsSatisfiesBothAtoms() {
        Map<String, Set<String>> both = Map.of("PROC", Set.of("P1"), "PROC1", Set.of("P1"));
        Rule r = RuleParser.parse("any_proc in PROC and any_proc in PROC1", both, OR, "X01");
        DrgCase k = c(List.of("D1"), List.of("P1"));
        assertThat(r.test(new CaseFacts(k, SharedChsDrgData.SHIPPED, "1"))).isTrue();
    }

    @Test
    void aListTheContextDoesNotHaveIsEmpty() {
        assertThat(eval("principal_dx in DX1", c(List.of("D1"), List.of()))).isFalse();
    }

    @Test
    void comparisonsReadTheCaseFields() {
        DrgCase k = new DrgCase("r", "2", 0, 20, 1800, "", 3, "1", List.of("D1"), List.of());
        assertThat(eval("age_days<=28 and weight>0 and weight<2000 and age_years=0 and sex=2 and los<4 and n_dx=1", k)).isTrue();
        assertThat(eval("age_days>28", k)).isFalse();
        assertThat(eval("sex!=2", k)).isFalse();
    }

    @Test
    void unknownWordsAndBrokenRulesAreRefused() {
        assertThatThrownBy(() -> RuleParser.parse("principal_dx on DX", LISTS, OR, "X01")).hasMessageContaining("\"in\"");
        assertThatThrownBy(() -> RuleParser.parse("height>3", LISTS, OR, "X01")).hasMessageContaining("unknown condition");
        assertThatThrownBy(() -> RuleParser.parse("( TRUE", LISTS, OR, "X01")).hasMessageContaining("rule ends");
        assertThatThrownBy(() -> RuleParser.parse("TRUE TRUE", LISTS, OR, "X01")).hasMessageContaining("unexpected");
        assertThatThrownBy(() -> RuleParser.parse("sex<2", LISTS, OR, "X01")).hasMessageContaining("= or !=");
    }
}
