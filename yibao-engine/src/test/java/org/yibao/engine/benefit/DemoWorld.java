package org.yibao.engine.benefit;

import org.yibao.engine.policy.DemoPolicy;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.money.UnitPrice;
import org.yibao.engine.policy.InstitutionLevel;

/** The demo cast, institutions and 990100 catalogue of DOMAIN §2, as the benefit engine sees them. */
public final class DemoWorld {

    private DemoWorld() {}

    public static final String REGION = "990100";
    public static final String CITY_HOSPITAL = "H99010000001";
    public static final String CENTRAL_HOSPITAL = "H99010000002";
    public static final String EAST_COMMUNITY = "H99010000003";
    public static final String PHARMACY = "P99010000001";

    public static final String CONSULTATION = "001101000010000";
    public static final String VALSARTAN = "XC09CAL100A001010101002";
    public static final String CEFUROXIME = "XJ01DCT013B002010101003";
    public static final String MINOXIDIL = "XD11AXM999A001010101005";
    public static final String METFORMIN = "XA10BAE054A001010101001";
    public static final String CT = "002101000010000";
    public static final String INPATIENT_CONSULTATION = "001102000010000";
    public static final String BED = "001103000010000";
    public static final String HEALTH_CHECK = "003101000010000";
    public static final String APPENDECTOMY = "003102000010000";
    public static final String INFUSION_SET = "C0102030400001010101001";

    static Money m(String s) {
        return Money.of(s);
    }

    private static CatalogueItem item(String code, String lv, String prop, String cap) {
        return CatalogueItem.of(code, lv, Ratio.of(prop), cap == null ? null : UnitPrice.of(cap));
    }

    static final Map<String, CatalogueItem> ITEMS_990100 = Map.ofEntries(
            Map.entry(METFORMIN, item(METFORMIN, "01", "0", null).asLongPrescription()),
            Map.entry(VALSARTAN, item(VALSARTAN, "02", "0.10", null).asLongPrescription()),
            Map.entry(CEFUROXIME, item(CEFUROXIME, "02", "0.10", null).withMinInstitutionLevel(InstitutionLevel.L2)),
            Map.entry(MINOXIDIL, item(MINOXIDIL, "03", "1", null)),
            Map.entry(CONSULTATION, item(CONSULTATION, "01", "0", "20.00")),
            Map.entry(CT, item(CT, "02", "0.10", "200.00")),
            Map.entry(INPATIENT_CONSULTATION, item(INPATIENT_CONSULTATION, "01", "0", "30.00")),
            Map.entry(BED, item(BED, "01", "0", "60.00")),
            Map.entry(HEALTH_CHECK, item(HEALTH_CHECK, "03", "1", null).asNonDisease()),
            Map.entry(APPENDECTOMY, item(APPENDECTOMY, "01", "0", "1200.00")),
            Map.entry(INFUSION_SET, item(INFUSION_SET, "02", "0.20", null)));

    /** The 2026 catalogue of 990100 (the same for every date in the tests). */
    public static Catalogue catalogue990100() {
        return (code, date) -> Optional.ofNullable(ITEMS_990100.get(code));
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static final Set<String> NONE = Set.of();

    public static Person zhangMin() {
        return new Person("99010000000000000001", "310", "1101", "2", d("1981-03-15"), NONE, m("3000.00"), List.of(),
                NONE, null);
    }

    public static Person liQiang() {
        return new Person("99010000000000000002", "310", "1201", "1", d("1958-06-20"), NONE, m("5000.00"), List.of(),
                Set.of("E11"), null);
    }

    public static Person wangFang() {
        return new Person("99010000000000000003", "390", "1501", "2", d("1956-09-02"), NONE, null,
                List.of(new Person.MutualAidBinder("99010000000000000001", m("3000.00"))), NONE, null);
    }

    public static Person zhaoGang() {
        return new Person("99010000000000000004", "390", "1501", "1", d("1966-01-18"), Set.of("2101"), null, List.of(),
                NONE, null);
    }

    public static Person chenJing() {
        return new Person("99010000000000000005", "390", "1501", "2", d("1974-05-05"), Set.of("2102"), null, List.of(),
                Set.of("I10"), new Person.FamilyDoctorContract(EAST_COMMUNITY, List.of()));
    }

    public static Person sunWei() {
        return new Person("99010000000000000006", "310", "1101", "1", d("1968-08-11"), NONE, m("2000.00"), List.of(),
                Set.of("I10"), new Person.FamilyDoctorContract(EAST_COMMUNITY, List.of(CENTRAL_HOSPITAL, CITY_HOSPITAL)));
    }

    static final LocalDateTime VISIT_TIME = LocalDateTime.parse("2026-03-10T09:30:00");

    public static FeeLine line(String sn, String code, String cnt, String pric) {
        return FeeLine.of(sn, code, VISIT_TIME, Quantity.of(cnt), UnitPrice.of(pric));
    }

    public static Visit outpatient(String medType, String institution, InstitutionLevel level, String dise) {
        return Visit.local(medType, institution, level, REGION, dise, VISIT_TIME.toLocalDate(), null, true);
    }

    public static Visit admission(String medType, String institution, InstitutionLevel level, String dise) {
        return Visit.local(medType, institution, level, REGION, dise, d("2026-03-05"), d("2026-03-10"), false);
    }

    public static SettlementRequest request(Person p, Visit v, List<FeeLine> lines, Accumulators acc) {
        return new SettlementRequest(DemoPolicy.region990100(), catalogue990100(), p, v, lines, acc);
    }

    public static SettlementRequest request(Person p, Visit v, List<FeeLine> lines) {
        return request(p, v, lines, Accumulators.ZERO);
    }
}
