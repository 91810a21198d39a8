package org.yibao.server.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One demo world, as plain values in the shape of the reference tables (V1): what the loader writes.
 * Built by {@link DemoWorldGenerator}; the same seed and sizes give an equal world.
 */
public record DemoWorld(
        long seed,
        List<Region> regions,
        List<Alliance> alliances,
        List<Institution> institutions,
        List<Person> persons,
        List<Identity> identities,
        List<Binding> bindings,
        List<Recognition> recognitions,
        List<Contract> contracts,
        List<Filing> filings,
        List<CatalogueItem> catalogueItems,
        List<ChronicDisease> chronicDiseases) {

    /** First day of every versioned demo row (valid_from). */
    public static final LocalDate VALID_FROM = LocalDate.of(2025, 1, 1);

    /** Pooling region (统筹区) or a county inside one; {@code inpatientPayment} DRG, DIP or ITEM. */
    public record Region(String admdvs, String name, String provinceAdmdvs, String poolingAdmdvs, String inpatientPayment) {}

    /** 医联体: {@code kind} CITY_GROUP (城市医疗集团) or COUNTY_COMMUNITY (县域医共体). */
    public record Alliance(String code, String name, String kind, String admdvs, String leadFixmedinsCode) {}

    /** Designated institution; {@code level} null for pharmacies; {@code xr*} cross-region direct-settlement flags. */
    public record Institution(String code, String name, String admdvs, Integer level, String kind, String allianceCode,
                              boolean xrInpatient, boolean xrOutpatient, boolean xrChronic, String address) {}

    /**
     * Insured person; {@code accountBalance} is the personal account (个人账户) of an employee, null
     * when the person has none.
     */
    public record Person(String psnNo, String certno, String name, String gend, LocalDate brdy, String insutype,
                         String psnType, String insuredAdmdvs, String residenceAdmdvs, String empName,
                         LocalDate insuDate, LocalDate validFrom, BigDecimal accountBalance) {}

    /** psn_idet_type 2101 特困, 2102 低保, 2103 防返贫监测. */
    public record Identity(String psnNo, String type, LocalDate beginDate, LocalDate endDate, String memo) {}

    /** 家庭共济: the member uses the binder's account. */
    public record Binding(String binderPsnNo, String memberPsnNo, String relation, LocalDate validFrom, LocalDate validTo) {}

    /** 门诊慢特病认定: {@code diseKey} from the region's chronic list, {@code diseCodg} the diagnosis. */
    public record Recognition(String psnNo, String diseKey, String diseCodg, String fixmedinsCode, LocalDate beginDate, LocalDate endDate) {}

    /** 家庭医生签约: BASIC (community only) or TRIPLE (1+1+1). */
    public record Contract(String psnNo, String kind, String communityCode, String districtCode, String cityCode,
                           LocalDate beginDate, LocalDate endDate) {}

    /** 异地就医备案; {@code endDate} null when open-ended. */
    public record Filing(String psnNo, String category, String insuredAdmdvs, String treatmentAdmdvs,
                         LocalDate beginDate, LocalDate endDate) {}

    /**
     * Catalogue item (医保目录) of one region. {@code selfpayProp} has 4 decimals, {@code priceCap} (支付标准)
     * is null when uncapped.
     */
    public record CatalogueItem(String admdvs, String code, String name, String category, String chrgitmLv,
                                BigDecimal selfpayProp, BigDecimal priceCap, String medChrgitmType,
                                Integer minInstLevel, String sexRestriction, Integer minAge, Integer maxAge,
                                String indication, Integer maxDaysSupplied, boolean nonDisease, boolean chronicDrug,
                                boolean imaging, boolean bedOnly, boolean perDay) {}

    /** One entry of a region's chronic and special disease list (门诊慢特病病种). */
    public record ChronicDisease(String admdvs, String diseKey, String name) {}

    /** Mutable lists filled by the generator, frozen by {@link #build}. */
    static final class Builder {
        final List<Region> regions = new ArrayList<>();
        final List<Alliance> alliances = new ArrayList<>();
        final List<Institution> institutions = new ArrayList<>();
        final List<Person> persons = new ArrayList<>();
        final List<Identity> identities = new ArrayList<>();
        final List<Binding> bindings = new ArrayList<>();
        final List<Recognition> recognitions = new ArrayList<>();
        final List<Contract> contracts = new ArrayList<>();
        final List<Filing> filings = new ArrayList<>();
        final List<CatalogueItem> catalogueItems = new ArrayList<>();
        final List<ChronicDisease> chronicDiseases = new ArrayList<>();

        DemoWorld build(long seed) {
            return new DemoWorld(seed, List.copyOf(regions), List.copyOf(alliances), List.copyOf(institutions),
                    List.copyOf(persons), List.copyOf(identities), List.copyOf(bindings), List.copyOf(recognitions),
                    List.copyOf(contracts), List.copyOf(filings), List.copyOf(catalogueItems), List.copyOf(chronicDiseases));
        }
    }
}
