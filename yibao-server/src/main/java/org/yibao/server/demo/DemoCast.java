package org.yibao.server.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.yibao.server.demo.DemoWorld.Alliance;
import org.yibao.server.demo.DemoWorld.Binding;
import org.yibao.server.demo.DemoWorld.CatalogueItem;
import org.yibao.server.demo.DemoWorld.ChronicDisease;
import org.yibao.server.demo.DemoWorld.Contract;
import org.yibao.server.demo.DemoWorld.Filing;
import org.yibao.server.demo.DemoWorld.Identity;
import org.yibao.server.demo.DemoWorld.Institution;
import org.yibao.server.demo.DemoWorld.Person;
import org.yibao.server.demo.DemoWorld.Recognition;
import org.yibao.server.demo.DemoWorld.Region;

/**
 * The named fixtures of DOMAIN §2, exactly as listed there, so that documentation, examples and tests
 * can rely on their codes. Anything §2 leaves open (alliance codes, cross-region flags of the
 * institutions it does not mark, employers, insurance start dates, addresses) is decided here.
 */
public final class DemoCast {

    // Regions (§2.1).
    public static final String SHIFAN_CITY = "990100";
    public static final String SHIFAN_COUNTY = "990121";
    public static final String LINJIANG_CITY = "990200";
    public static final String YUANSHAN_CITY = "980100";

    // Alliances: §2 names them without codes; these are the demo's codes.
    public static final String CITY_ALLIANCE = "A990100001";
    public static final String COUNTY_ALLIANCE = "A990121001";

    // Institutions (§2.2).
    public static final String FIRST_PEOPLES_HOSPITAL = "H99010000001";
    public static final String CENTRAL_HOSPITAL = "H99010000002";
    public static final String EAST_COMMUNITY_CENTRE = "H99010000003";
    public static final String WEST_COMMUNITY_CENTRE = "H99010000004";
    public static final String COUNTY_HOSPITAL = "H99012100001";
    public static final String CHENGGUAN_TOWNSHIP_CENTRE = "H99012100002";
    public static final String DEMO_PHARMACY = "P99010000001";
    public static final String LINJIANG_HOSPITAL = "H99020000001";
    public static final String YUANSHAN_HOSPITAL = "H98010000001";

    // Persons (§2.3).
    public static final String ZHANG_MIN = "99010000000000000001";
    public static final String LI_QIANG = "99010000000000000002";
    public static final String WANG_FANG = "99010000000000000003";
    public static final String ZHAO_GANG = "99010000000000000004";
    public static final String CHEN_JING = "99010000000000000005";
    public static final String SUN_WEI = "99010000000000000006";
    public static final String ZHOU_TING = "99010000000000000007";
    public static final String LIU_YANG = "99012100000000000001";

    /** Recognitions, contracts and bindings of the named persons run over these dates (§2.3). */
    public static final LocalDate RIGHTS_FROM = LocalDate.of(2025, 1, 1);
    public static final LocalDate RIGHTS_TO = LocalDate.of(2030, 12, 31);

    private DemoCast() {}

    static void addTo(DemoWorld.Builder w) {
        w.regions.add(new Region(SHIFAN_CITY, "示范市", "990000", SHIFAN_CITY, "DRG"));
        w.regions.add(new Region(SHIFAN_COUNTY, "示范县", "990000", SHIFAN_CITY, "DRG"));
        w.regions.add(new Region(LINJIANG_CITY, "邻江市", "990000", LINJIANG_CITY, "DIP"));
        w.regions.add(new Region(YUANSHAN_CITY, "远山市", "980000", YUANSHAN_CITY, "DRG"));

        w.alliances.add(new Alliance(CITY_ALLIANCE, "示范市城市医疗集团", "CITY_GROUP", SHIFAN_CITY, FIRST_PEOPLES_HOSPITAL));
        w.alliances.add(new Alliance(COUNTY_ALLIANCE, "示范县医共体", "COUNTY_COMMUNITY", SHIFAN_COUNTY, COUNTY_HOSPITAL));

        // Cross-region flags (xr inpatient / general outpatient / chronic): §2 fixes them only for the two
        // hospitals outside 示范市. Here: the tertiary hospital takes all three, the secondary ones inpatient
        // and general outpatient, primary care general outpatient only (as national rollout did), the
        // pharmacy none (no such flag applies to a pharmacy).
        w.institutions.add(new Institution(FIRST_PEOPLES_HOSPITAL, "示范市第一人民医院", SHIFAN_CITY, 3, "HOSPITAL", CITY_ALLIANCE,
                true, true, true, "示范市人民路1号"));
        w.institutions.add(new Institution(CENTRAL_HOSPITAL, "示范市中心医院", SHIFAN_CITY, 2, "HOSPITAL", CITY_ALLIANCE,
                true, true, false, "示范市中山路88号"));
        w.institutions.add(new Institution(EAST_COMMUNITY_CENTRE, "示范市城东社区卫生服务中心", SHIFAN_CITY, 1, "COMMUNITY", CITY_ALLIANCE,
                false, true, false, "示范市东风路12号"));
        w.institutions.add(new Institution(WEST_COMMUNITY_CENTRE, "示范市城西社区卫生服务中心", SHIFAN_CITY, 1, "COMMUNITY", null,
                false, true, false, "示范市西湖路36号"));
        w.institutions.add(new Institution(COUNTY_HOSPITAL, "示范县人民医院", SHIFAN_COUNTY, 2, "HOSPITAL", COUNTY_ALLIANCE,
                true, true, false, "示范县城关镇解放路5号"));
        w.institutions.add(new Institution(CHENGGUAN_TOWNSHIP_CENTRE, "示范县城关镇卫生院", SHIFAN_COUNTY, 1, "TOWNSHIP", COUNTY_ALLIANCE,
                false, true, false, "示范县城关镇建设路20号"));
        w.institutions.add(new Institution(DEMO_PHARMACY, "示范大药房", SHIFAN_CITY, null, "PHARMACY", null,
                false, false, false, "示范市人民路66号"));
        w.institutions.add(new Institution(LINJIANG_HOSPITAL, "邻江市人民医院", LINJIANG_CITY, 3, "HOSPITAL", null,
                true, true, true, "邻江市滨江大道100号"));
        w.institutions.add(new Institution(YUANSHAN_HOSPITAL, "远山市人民医院", YUANSHAN_CITY, 3, "HOSPITAL", null,
                true, true, true, "远山市青山路1号"));

        w.persons.add(employee(ZHANG_MIN, "张敏", "990100198103150126", "1101", "3000.00", "示范市云帆科技有限公司"));
        w.persons.add(employee(LI_QIANG, "李强", "990100195806200210", "1201", "5000.00", "示范市机械厂"));
        w.persons.add(resident(WANG_FANG, "王芳", "990100195609020325", SHIFAN_CITY));
        w.persons.add(resident(ZHAO_GANG, "赵刚", "990100196601180417", SHIFAN_CITY));
        w.persons.add(resident(CHEN_JING, "陈静", "990100197405050521", SHIFAN_CITY));
        w.persons.add(employee(SUN_WEI, "孙伟", "990100196808110619", "1101", "2000.00", "示范市建设集团有限公司"));
        w.persons.add(employee(ZHOU_TING, "周婷", "990100196002270728", "1201", "4000.00", "示范市纺织厂"));
        // 刘洋 lives in the county but is insured in its pooling region (§2.1).
        w.persons.add(resident(LIU_YANG, "刘洋", "990121198604100110", SHIFAN_COUNTY));

        w.identities.add(new Identity(ZHAO_GANG, "2101", RIGHTS_FROM, RIGHTS_TO, "特困人员"));
        w.identities.add(new Identity(CHEN_JING, "2102", RIGHTS_FROM, RIGHTS_TO, "低保对象"));

        w.bindings.add(new Binding(ZHANG_MIN, WANG_FANG, "PARENT", RIGHTS_FROM, RIGHTS_TO));

        w.recognitions.add(new Recognition(LI_QIANG, "E11", "E11.900", FIRST_PEOPLES_HOSPITAL, RIGHTS_FROM, RIGHTS_TO));
        w.recognitions.add(new Recognition(CHEN_JING, "I10", "I10.x00", FIRST_PEOPLES_HOSPITAL, RIGHTS_FROM, RIGHTS_TO));
        w.recognitions.add(new Recognition(SUN_WEI, "I10", "I10.x00", FIRST_PEOPLES_HOSPITAL, RIGHTS_FROM, RIGHTS_TO));

        w.contracts.add(new Contract(CHEN_JING, "BASIC", EAST_COMMUNITY_CENTRE, null, null, RIGHTS_FROM, RIGHTS_TO));
        w.contracts.add(new Contract(SUN_WEI, "TRIPLE", EAST_COMMUNITY_CENTRE, CENTRAL_HOSPITAL, FIRST_PEOPLES_HOSPITAL,
                RIGHTS_FROM, RIGHTS_TO));

        w.filings.add(new Filing(ZHOU_TING, "RETIREE_RESETTLED", SHIFAN_CITY, YUANSHAN_CITY, LocalDate.of(2025, 6, 1), null));

        for (String admdvs : new String[] {SHIFAN_CITY, YUANSHAN_CITY, LINJIANG_CITY}) {
            addReferenceCatalogue(w, admdvs);
            w.chronicDiseases.add(new ChronicDisease(admdvs, "I10", "高血压"));
            w.chronicDiseases.add(new ChronicDisease(admdvs, "E11", "2型糖尿病"));
            w.chronicDiseases.add(new ChronicDisease(admdvs, "N18.5", "慢性肾脏病5期透析"));
        }
    }

    /**
     * The reference items of §2.4. 远山市 caps 普通门诊诊查费 at 25.00 (the treatment region's catalogue
     * applies); 邻江市 uses the same values as 示范市.
     */
    private static void addReferenceCatalogue(DemoWorld.Builder w, String admdvs) {
        String consultationCap = YUANSHAN_CITY.equals(admdvs) ? "25.00" : "20.00";
        w.catalogueItems.add(item(admdvs, "XA10BAE054A001010101001", "盐酸二甲双胍片", "DRUG", "01", "0", null, "09",
                null, false, true, false, false, false));
        w.catalogueItems.add(item(admdvs, "XC09CAL100A001010101002", "缬沙坦胶囊", "DRUG", "02", "0.10", null, "09",
                null, false, true, false, false, false));
        w.catalogueItems.add(item(admdvs, "XJ01DCT013B002010101003", "注射用头孢呋辛钠", "DRUG", "02", "0.10", null, "09",
                2, false, false, false, false, false));
        w.catalogueItems.add(item(admdvs, "XD11AXM999A001010101005", "米诺地尔搽剂", "DRUG", "03", "1", null, "09",
                null, false, false, false, false, false));
        w.catalogueItems.add(item(admdvs, "001101000010000", "普通门诊诊查费", "SERVICE", "01", "0", consultationCap, "02",
                null, false, false, false, false, false));
        w.catalogueItems.add(item(admdvs, "002101000010000", "X线计算机体层(CT)平扫", "SERVICE", "02", "0.10", "200.00", "03",
                null, false, false, true, false, false));
        w.catalogueItems.add(item(admdvs, "001102000010000", "住院诊查费", "SERVICE", "01", "0", "30.00", "02",
                null, false, false, false, false, true));
        w.catalogueItems.add(item(admdvs, "001103000010000", "床位费", "SERVICE", "01", "0", "60.00", "01",
                null, false, false, false, true, true));
        w.catalogueItems.add(item(admdvs, "003101000010000", "健康体检", "SERVICE", "03", "1", null, "03",
                null, true, false, false, false, false));
        w.catalogueItems.add(item(admdvs, "003102000010000", "阑尾切除术", "SERVICE", "01", "0", "1200.00", "06",
                null, false, false, false, false, false));
        w.catalogueItems.add(item(admdvs, "C0102030400001010101001", "一次性使用输液器", "CONSUMABLE", "02", "0.20", null, "08",
                null, false, false, false, false, false));
    }

    private static CatalogueItem item(String admdvs, String code, String name, String category, String lv, String selfpay,
                                      String cap, String chrgitmType, Integer minInstLevel, boolean nonDisease,
                                      boolean chronicDrug, boolean imaging, boolean bedOnly, boolean perDay) {
        return new CatalogueItem(admdvs, code, name, category, lv, new BigDecimal(selfpay).setScale(4),
                cap == null ? null : new BigDecimal(cap), chrgitmType, minInstLevel, null, null, null, null, null,
                nonDisease, chronicDrug, imaging, bedOnly, perDay);
    }

    private static Person employee(String psnNo, String name, String certno, String psnType, String balance, String employer) {
        return person(psnNo, name, certno, "310", psnType, SHIFAN_CITY, employer, new BigDecimal(balance));
    }

    private static Person resident(String psnNo, String name, String certno, String residence) {
        return person(psnNo, name, certno, "390", "1501", residence, null, null);
    }

    private static Person person(String psnNo, String name, String certno, String insutype, String psnType,
                                 String residence, String employer, BigDecimal balance) {
        // Sex and birth date are read from the certificate so that they can never disagree with it.
        LocalDate brdy = DemoWorldGenerator.birthDateOf(certno);
        String gend = DemoWorldGenerator.genderOf(certno);
        return new Person(psnNo, certno, name, gend, brdy, insutype, psnType, SHIFAN_CITY, residence, employer,
                DemoWorldGenerator.insuranceStart(insutype, brdy), DemoWorld.VALID_FROM, balance);
    }
}
