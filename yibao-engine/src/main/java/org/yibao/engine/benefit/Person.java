package org.yibao.engine.benefit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.yibao.engine.money.Money;

/**
 * What the benefit engine needs of an insured person on the settlement date.
 *
 * @param gend                 1 男, 2 女
 * @param identities           {@code psn_idet_type}s in force (2101 特困, 2102 低保, 2103 防返贫监测)
 * @param ownBalance           personal account (个人账户) balance; null when the person has no account
 * @param binders              family mutual-aid (家庭共济) binders in binding order, with their balances (R-INS-1)
 * @param chronicRecognitions  keys of recognised chronic diseases in force (I10, E11 …; R-INS-3)
 * @param familyDoctor         the family-doctor contract (家庭医生签约) in force; null = none (R-INS-4)
 */
public record Person(String psnNo, String insutype, String psnType, String gend, LocalDate birthDate,
                     Set<String> identities, Money ownBalance, List<MutualAidBinder> binders,
                     Set<String> chronicRecognitions, FamilyDoctorContract familyDoctor) {

    public Person {
        Objects.requireNonNull(psnNo, "psnNo");
        Objects.requireNonNull(insutype, "insutype");
        Objects.requireNonNull(psnType, "psnType");
        identities = identities == null ? Set.of() : Set.copyOf(identities);
        binders = binders == null ? List.of() : List.copyOf(binders);
        chronicRecognitions = chronicRecognitions == null ? Set.of() : Set.copyOf(chronicRecognitions);
    }

    /** A binder whose personal account pays for this person (R-INS-1). */
    public record MutualAidBinder(String psnNo, Money balance) {
        public MutualAidBinder {
            Objects.requireNonNull(psnNo, "psnNo");
            Objects.requireNonNull(balance, "balance");
        }
    }

    /**
     * A family-doctor contract: the community centre and, for "1+1+1", the district and city hospitals.
     */
    public record FamilyDoctorContract(String communityCentre, List<String> hospitals) {
        public FamilyDoctorContract {
            Objects.requireNonNull(communityCentre, "communityCentre");
            hospitals = hospitals == null ? List.of() : List.copyOf(hospitals);
        }

        public boolean isOnePlusOnePlusOne() {
            return !hospitals.isEmpty();
        }
    }

    /** Age in whole years on {@code date}. */
    public int ageOn(LocalDate date) {
        if (birthDate == null) {
            return 0;
        }
        // Whole years completed, as Period.between counts them: one less until the birthday is reached.
        int years = date.getYear() - birthDate.getYear();
        boolean beforeBirthday = date.getMonthValue() < birthDate.getMonthValue()
                || date.getMonthValue() == birthDate.getMonthValue() && date.getDayOfMonth() < birthDate.getDayOfMonth();
        return beforeBirthday ? years - 1 : years;
    }

    public boolean hasOwnAccount() {
        return ownBalance != null;
    }
}
