package org.yibao.engine.benefit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Age restrictions (R-SET-4.1.3) count completed years, the day before a birthday included, 29 February too. */
class PersonAgeTest {

    @Test
    void ageIsTheCompletedYearsOnEveryDayOfTwelveYears() {
        for (LocalDate birth : List.of(LocalDate.of(2000, 2, 29), LocalDate.of(1958, 6, 20), LocalDate.of(2010, 12, 31),
                LocalDate.of(2011, 1, 1))) {
            Person p = new Person("1", "390", "1501", "1", birth, Set.of(), null, List.of(), Set.of(), null);
            for (LocalDate d = birth; d.isBefore(birth.plusYears(12)); d = d.plusDays(1)) {
                assertThat(p.ageOn(d)).as(birth + " on " + d).isEqualTo(Period.between(birth, d).getYears());
            }
        }
        Person baby = new Person("1", "390", "1501", "1", LocalDate.of(2026, 3, 10), Set.of(), null, List.of(), Set.of(), null);
        assertThat(baby.ageOn(LocalDate.of(2027, 3, 9))).isZero();
        assertThat(baby.ageOn(LocalDate.of(2027, 3, 10))).isEqualTo(1);
    }
}
