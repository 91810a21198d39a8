package org.yibao.server.demo;

import org.yibao.engine.identity.CertificateNumbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.yibao.server.demo.DemoWorld.Alliance;
import org.yibao.server.demo.DemoWorld.CatalogueItem;
import org.yibao.server.demo.DemoWorld.Contract;
import org.yibao.server.demo.DemoWorld.Filing;
import org.yibao.server.demo.DemoWorld.Identity;
import org.yibao.server.demo.DemoWorld.Institution;
import org.yibao.server.demo.DemoWorld.Person;
import org.yibao.server.demo.DemoWorld.Recognition;

/**
 * Builds the demo world (R-DEMO): the named cast of DOMAIN §2 plus a generated population. Pure and
 * deterministic: everything random comes from one {@link SplittableRandom} per part, seeded from the
 * given seed, and ages are computed against the fixed demo year 2026, never the clock.
 *
 * <p>Generated codes can never collide with the named ones: persons are numbered from 1000 after their
 * 6-digit region prefix (the cast uses 1…7), institutions from 100 (the cast uses 1…4), and generated
 * catalogue codes use shapes the reference items do not have.
 */
public final class DemoWorldGenerator {

    /** Ages are "as of" this year, as in DOMAIN §2.3. */
    static final int DEMO_YEAR = 2026;
    private static final LocalDate AGE_REFERENCE = LocalDate.of(DEMO_YEAR, 1, 1);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final LocalDate EMPLOYEE_SCHEME_START = LocalDate.of(1998, 12, 1);
    private static final LocalDate RESIDENT_SCHEME_START = LocalDate.of(2008, 1, 1);

    private final long seed;
    private final int personCount;
    private final int institutionCount;
    private final int catalogueItemCount;

    public DemoWorldGenerator(long seed, int persons, int institutions, int catalogueItemsPerRegion) {
        if (persons < 0 || institutions < 0 || catalogueItemsPerRegion < 0) {
            throw new IllegalArgumentException("demo sizes must not be negative");
        }
        this.seed = seed;
        this.personCount = persons;
        this.institutionCount = institutions;
        this.catalogueItemCount = catalogueItemsPerRegion;
    }

    /** The whole world: named cast first, then generated institutions, persons and catalogue items. */
    public DemoWorld generate() {
        DemoWorld.Builder w = new DemoWorld.Builder();
        DemoCast.addTo(w);
        generateInstitutions(w, new SplittableRandom(seed ^ 0x1A57_17C7L));
        generatePersons(w, new SplittableRandom(seed ^ 0x9E25_0A11L));
        generateCatalogue(w, new SplittableRandom(seed ^ 0xCA7A_1064L));
        return w.build(seed);
    }

    // ---------------------------------------------------------------- shared helpers

    /** Birth date from digits 7–14 of a certificate number. */
    static LocalDate birthDateOf(String certno) {
        return LocalDate.parse(certno.substring(6, 14), BASIC);
    }

    /** 1 男 when the 17th digit is odd, 2 女 when even (GB 11643). */
    static String genderOf(String certno) {
        return (certno.charAt(16) - '0') % 2 == 1 ? "1" : "2";
    }

    /** psn_insu_date: employees from age 22 or the 1998 scheme start; residents from birth or the 2008 scheme. */
    static LocalDate insuranceStart(String insutype, LocalDate brdy) {
        if ("310".equals(insutype)) {
            LocalDate start = brdy.plusYears(22);
            return start.isBefore(EMPLOYEE_SCHEME_START) ? EMPLOYEE_SCHEME_START : start;
        }
        return brdy.isBefore(RESIDENT_SCHEME_START) ? RESIDENT_SCHEME_START : brdy;
    }

    private static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    /** True with a probability of {@code perMille}/1000 (integers: no floating point in this generator). */
    private static boolean chance(SplittableRandom r, int perMille) {
        return r.nextInt(1000) < perMille;
    }

    private static BigDecimal yuan(SplittableRandom r, int minYuan, int maxYuan) {
        return BigDecimal.valueOf(r.nextLong(minYuan * 100L, maxYuan * 100L + 1), 2);
    }

    // ---------------------------------------------------------------- institutions

    private static final String[] INSTITUTION_REGIONS = {
            DemoCast.SHIFAN_CITY, DemoCast.SHIFAN_CITY, DemoCast.SHIFAN_CITY, DemoCast.SHIFAN_COUNTY, DemoCast.SHIFAN_COUNTY,
            DemoCast.LINJIANG_CITY, DemoCast.LINJIANG_CITY, DemoCast.LINJIANG_CITY, DemoCast.YUANSHAN_CITY, DemoCast.YUANSHAN_CITY};
    private static final Map<String, String> REGION_NAMES = Map.of(
            DemoCast.SHIFAN_CITY, "示范市", DemoCast.SHIFAN_COUNTY, "示范县",
            DemoCast.LINJIANG_CITY, "邻江市", DemoCast.YUANSHAN_CITY, "远山市");
    private static final String[] PLACES = {
            "城南", "城北", "河东", "河西", "新区", "高新区", "东湖", "南山", "北山", "江滨", "临港", "青山", "白云", "金桥",
            "望江", "桃源", "安平", "永宁", "长乐", "福安", "凤凰", "龙泉", "梅林", "枫林", "松园", "竹林", "石桥", "花园",
            "和平", "胜利", "朝阳", "红星", "兴华", "光明", "新华", "五里", "三元", "双河", "清水", "太平"};
    private static final String[] HOSPITAL_SUFFIXES = {"医院", "人民医院", "中医医院", "中西医结合医院", "骨科医院", "妇幼保健院", "康复医院"};
    private static final String[] PHARMACY_BRANDS = {"仁和", "同康", "百姓", "益丰", "康宁", "福寿", "健民", "惠民", "德仁", "济生"};
    private static final String[] ROADS = {"人民路", "解放路", "建设路", "中山路", "文化路", "健康路", "新华街", "长江路", "黄河路", "友谊路"};

    /** Alliances led by a generated tertiary hospital in the two cities the cast has none for. */
    private static final Map<String, String[]> GENERATED_ALLIANCES = Map.of(
            DemoCast.LINJIANG_CITY, new String[] {"A990200001", "邻江市城市医疗集团"},
            DemoCast.YUANSHAN_CITY, new String[] {"A980100001", "远山市城市医疗集团"});

    private void generateInstitutions(DemoWorld.Builder w, SplittableRandom r) {
        Map<String, Integer> nextNumber = new HashMap<>();
        Set<String> names = new HashSet<>();
        w.institutions.forEach(i -> names.add(i.name()));
        Map<String, String> allianceOf = new HashMap<>(Map.of(
                DemoCast.SHIFAN_CITY, DemoCast.CITY_ALLIANCE, DemoCast.SHIFAN_COUNTY, DemoCast.COUNTY_ALLIANCE));
        for (int n = 0; n < institutionCount; n++) {
            String admdvs;
            String kind;
            Integer level;
            // The first two generated institutions are the tertiary leads of the generated alliances.
            if (n < 2) {
                admdvs = n == 0 ? DemoCast.LINJIANG_CITY : DemoCast.YUANSHAN_CITY;
                kind = "HOSPITAL";
                level = 3;
            } else {
                admdvs = pick(r, INSTITUTION_REGIONS);
                int k = r.nextInt(1000);
                kind = k < 300 ? "HOSPITAL" : k < 550 ? (DemoCast.SHIFAN_COUNTY.equals(admdvs) ? "TOWNSHIP" : "COMMUNITY")
                        : k < 700 ? "CLINIC" : "PHARMACY";
                int l = r.nextInt(1000);
                level = switch (kind) {
                    case "HOSPITAL" -> DemoCast.SHIFAN_COUNTY.equals(admdvs) ? (l < 500 ? 2 : 1) : l < 200 ? 3 : l < 650 ? 2 : 1;
                    case "PHARMACY" -> null;
                    default -> 1;
                };
            }
            String prefix = "PHARMACY".equals(kind) ? "P" : "H";
            int number = nextNumber.merge(prefix + admdvs, 1, Integer::sum) + 99;   // 100, 101, … (cast: 1…4)
            String code = prefix + admdvs + String.format("%05d", number);
            String name = uniqueName(r, names, admdvs, kind, level);

            String alliance = null;
            if (n < 2) {
                String[] a = GENERATED_ALLIANCES.get(admdvs);
                w.alliances.add(new Alliance(a[0], a[1], "CITY_GROUP", admdvs, code));
                allianceOf.put(admdvs, a[0]);
                alliance = a[0];
            } else if (!"PHARMACY".equals(kind) && !"CLINIC".equals(kind) && allianceOf.containsKey(admdvs)
                    && (level == null || level < 3)) {
                int joins = DemoCast.SHIFAN_COUNTY.equals(admdvs) ? 700 : 400;
                alliance = chance(r, joins) ? allianceOf.get(admdvs) : null;
            }

            boolean xrIn = level != null && (level == 3 || (level == 2 && chance(r, 700)));
            boolean xrOut = level != null && (level >= 2 ? chance(r, 850) : chance(r, 400));
            boolean xrChronic = level != null && (level == 3 || (level == 2 && chance(r, 300)));
            String address = REGION_NAMES.get(admdvs) + pick(r, PLACES) + pick(r, ROADS) + (1 + r.nextInt(300)) + "号";
            w.institutions.add(new Institution(code, name, admdvs, level, kind, alliance, xrIn, xrOut, xrChronic, address));
        }
    }

    private static String uniqueName(SplittableRandom r, Set<String> names, String admdvs, String kind, Integer level) {
        String region = REGION_NAMES.get(admdvs);
        for (int attempt = 0; ; attempt++) {
            String place = pick(r, PLACES);
            String base = switch (kind) {
                case "HOSPITAL" -> level != null && level == 3 ? region + pick(r, new String[] {"第二人民医院", "第三人民医院", "中医院", "肿瘤医院", "妇幼保健院"})
                        : region + place + pick(r, HOSPITAL_SUFFIXES);
                case "COMMUNITY" -> region + place + "社区卫生服务中心";
                case "TOWNSHIP" -> region + place + "镇卫生院";
                case "CLINIC" -> region + place + pick(r, new String[] {"诊所", "门诊部", "卫生室"});
                default -> region + pick(r, PHARMACY_BRANDS) + "大药房" + place + "店";
            };
            String name = attempt < 3 ? base : base + "(" + (attempt - 1) + ")";
            if (names.add(name)) {
                return name;
            }
        }
    }

    // ---------------------------------------------------------------- persons

    private static final String[] SURNAMES = (
            "王王王李李李张张张刘刘陈陈杨杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
            + "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
            .split("");
    private static final String[] MALE_GIVEN = "伟强磊军勇杰涛明超斌鹏辉浩宇俊峰刚建华文志国平东海波林凯亮晨旭阳博鑫毅锋龙翔昊轩子嘉成德永"
            .split("");
    private static final String[] FEMALE_GIVEN = "芳娜敏静丽艳娟霞燕玲秀英丹萍红梅琳洁雪婷颖倩慧莉欣怡佳雨晴璐瑶悦琪涵思梦诗月蕾菲兰凤"
            .split("");
    private static final String[] EMPLOYER_KINDS = {"有限公司", "科技有限公司", "机械厂", "建设集团有限公司", "商贸有限公司", "实验中学",
            "供电公司", "纺织厂", "物流有限公司", "食品有限公司", "医药有限公司", "街道办事处"};

    /** Where generated persons live; 示范县 residents are insured in their pooling region 示范市. */
    private static final String[] RESIDENCES = {
            DemoCast.SHIFAN_CITY, DemoCast.SHIFAN_CITY, DemoCast.SHIFAN_CITY, DemoCast.SHIFAN_CITY, DemoCast.SHIFAN_CITY,
            DemoCast.SHIFAN_CITY, DemoCast.SHIFAN_COUNTY, DemoCast.SHIFAN_COUNTY,
            DemoCast.LINJIANG_CITY, DemoCast.LINJIANG_CITY, DemoCast.LINJIANG_CITY, DemoCast.LINJIANG_CITY,
            DemoCast.YUANSHAN_CITY, DemoCast.YUANSHAN_CITY, DemoCast.YUANSHAN_CITY, DemoCast.YUANSHAN_CITY};

    private void generatePersons(DemoWorld.Builder w, SplittableRandom r) {
        Set<String> certnos = new HashSet<>();
        w.persons.forEach(p -> certnos.add(p.certno()));
        Map<String, Integer> nextNumber = new HashMap<>();
        Map<String, List<Institution>> hospitals = new HashMap<>();
        Map<String, List<Institution>> centres = new HashMap<>();
        for (Institution i : w.institutions) {
            String pooling = DemoCast.SHIFAN_COUNTY.equals(i.admdvs()) ? DemoCast.SHIFAN_CITY : i.admdvs();
            if ("HOSPITAL".equals(i.kind()) && i.level() != null && i.level() >= 2) {
                hospitals.computeIfAbsent(pooling, k -> new ArrayList<>()).add(i);
            }
            if ("COMMUNITY".equals(i.kind()) || "TOWNSHIP".equals(i.kind())) {
                centres.computeIfAbsent(i.admdvs(), k -> new ArrayList<>()).add(i);
            }
        }
        LocalDate identityFrom = LocalDate.of(2024, 1, 1);

        for (int n = 0; n < personCount; n++) {
            String residence = pick(r, RESIDENCES);
            String insured = DemoCast.SHIFAN_COUNTY.equals(residence) ? DemoCast.SHIFAN_CITY : residence;
            boolean male = r.nextBoolean();
            boolean employee = chance(r, 450);
            int age;
            String psnType;
            if (employee) {
                boolean retired = chance(r, 280);
                int retirementAge = male ? 60 : 55;
                age = retired ? retirementAge + r.nextInt(30) : 20 + r.nextInt(retirementAge - 20);
                int t = r.nextInt(1000);
                psnType = retired ? (t < 850 ? "1201" : t < 930 ? "1202" : "1203")
                        : (t < 800 ? "1101" : t < 900 ? "1102" : "1103");
            } else {
                age = r.nextInt(91);
                psnType = age < 1 ? "1401" : age <= 6 ? "1402" : age <= 17 ? "1403"
                        : age <= 22 && chance(r, 500) ? "1404" : "1501";
            }
            LocalDate brdy = AGE_REFERENCE.minusYears(age).minusDays(1 + r.nextInt(365));
            String certno = certno(certnos, residence, brdy, male);
            String psnNo = residence + String.format("%014d", nextNumber.merge(residence, 1, Integer::sum) + 999);
            String name = pick(r, SURNAMES) + given(r, male);
            String insutype = employee ? "310" : "390";
            BigDecimal balance = null;
            String employer = null;
            if (employee) {
                employer = REGION_NAMES.get(insured) + pick(r, PLACES) + pick(r, EMPLOYER_KINDS);
                balance = psnType.startsWith("12") ? yuan(r, 500, 15_000) : yuan(r, 0, 8_000);
            }
            LocalDate insuDate = insuranceStart(insutype, brdy);
            // A person born after the demo's first day appears in the register from birth.
            LocalDate validFrom = brdy.isAfter(DemoWorld.VALID_FROM) ? brdy : DemoWorld.VALID_FROM;
            w.persons.add(new Person(psnNo, certno, name, male ? "1" : "2", brdy, insutype, psnType, insured, residence,
                    employer, insuDate, validFrom, balance));

            if (!employee && age >= 18) {
                int id = r.nextInt(1000);
                String type = id < 10 ? "2101" : id < 40 ? "2102" : id < 50 ? "2103" : null;
                if (type != null) {
                    String memo = switch (type) {
                        case "2101" -> "特困人员";
                        case "2102" -> "低保对象";
                        default -> "防返贫监测对象";
                    };
                    w.identities.add(new Identity(psnNo, type, identityFrom, null, memo));
                }
            }
            if (age >= 35) {
                List<Institution> recognisers = hospitals.get(insured);
                int hypertension = age >= 60 ? 200 : 80;
                int diabetes = age >= 60 ? 80 : 30;
                boolean i10 = chance(r, hypertension);
                if (i10) {
                    w.recognitions.add(recognition(r, psnNo, "I10", "I10.x00", recognisers));
                    List<Institution> local = centres.get(residence);
                    if (local != null && !local.isEmpty() && chance(r, 400)) {
                        Institution centre = local.get(r.nextInt(local.size()));
                        LocalDate begin = LocalDate.of(2023 + r.nextInt(3), 1 + r.nextInt(12), 1);
                        w.contracts.add(new Contract(psnNo, "BASIC", centre.code(), null, null, begin, begin.plusYears(3).minusDays(1)));
                    }
                }
                if (chance(r, diabetes)) {
                    w.recognitions.add(recognition(r, psnNo, "E11", "E11.900", recognisers));
                }
                if (chance(r, 2)) {
                    w.recognitions.add(recognition(r, psnNo, "N18.5", "N18.500", recognisers));
                }
            }
            // A few retirees live elsewhere and are filed as resettled (异地安置).
            if (psnType.startsWith("12") && chance(r, 30)) {
                String treatment = pick(r, new String[] {DemoCast.SHIFAN_CITY, DemoCast.LINJIANG_CITY, DemoCast.YUANSHAN_CITY});
                if (!treatment.equals(insured)) {
                    w.filings.add(new Filing(psnNo, "RETIREE_RESETTLED", insured, treatment,
                            LocalDate.of(2022 + r.nextInt(4), 1 + r.nextInt(12), 1), null));
                }
            }
        }
    }

    private static String given(SplittableRandom r, boolean male) {
        String[] chars = male ? MALE_GIVEN : FEMALE_GIVEN;
        return chance(r, 300) ? pick(r, chars) : pick(r, chars) + pick(r, chars);
    }

    /** A new valid certificate number: sequence from 100 (odd for men, even for women), check digit computed. */
    private static String certno(Set<String> used, String addressCode, LocalDate brdy, boolean male) {
        String stem = addressCode + brdy.format(BASIC);
        for (int seq = male ? 101 : 100; seq < 1000; seq += 2) {
            String certno = CertificateNumbers.withCheckCharacter(stem + String.format("%03d", seq));
            if (used.add(certno)) {
                return certno;
            }
        }
        throw new IllegalStateException("no certificate sequence left for " + stem);
    }

    private static Recognition recognition(SplittableRandom r, String psnNo, String key, String diagnosis, List<Institution> hospitals) {
        String by = hospitals == null || hospitals.isEmpty() ? null : hospitals.get(r.nextInt(hospitals.size())).code();
        LocalDate begin = LocalDate.of(2018 + r.nextInt(8), 1 + r.nextInt(12), 1);
        return new Recognition(psnNo, key, diagnosis, by, begin, LocalDate.of(2030, 12, 31));
    }

    // ---------------------------------------------------------------- catalogue

    /** A drug family: ATC code, generic name, forms, and what is special about it. */
    private record DrugTemplate(String atc, String name, String[] forms, String type, boolean chronic, Integer minLevel,
                                String sex, Integer minAge, Integer maxAge, Integer maxDays, String indication,
                                int minCap, int maxCap) {}

    private static DrugTemplate drug(String atc, String name, String forms, boolean chronic, int minCap, int maxCap) {
        return new DrugTemplate(atc, name, forms.split(","), "09", chronic, null, null, null, null, null, null, minCap, maxCap);
    }

    private static final List<DrugTemplate> DRUGS = List.of(
            drug("A10BA", "二甲双胍", "片,缓释片,肠溶片", true, 5, 40),
            drug("A10BB", "格列美脲", "片,分散片", true, 10, 50),
            drug("A10BF", "阿卡波糖", "片,胶囊", true, 20, 80),
            drug("A10AE", "甘精胰岛素", "注射液", true, 60, 200),
            drug("C08CA", "苯磺酸氨氯地平", "片", true, 5, 40),
            drug("C08CA", "硝苯地平", "控释片,缓释片", true, 10, 50),
            drug("C09CA", "厄贝沙坦", "片,胶囊", true, 10, 60),
            drug("C09CA", "氯沙坦钾", "片", true, 10, 60),
            drug("C09AA", "贝那普利", "片", true, 10, 50),
            drug("C07AB", "酒石酸美托洛尔", "片,缓释片", true, 5, 40),
            drug("C03AA", "氢氯噻嗪", "片", true, 2, 15),
            drug("C10AA", "阿托伐他汀钙", "片", true, 10, 80),
            drug("C10AA", "瑞舒伐他汀钙", "片", true, 10, 80),
            drug("B01AC", "阿司匹林", "肠溶片", true, 5, 30),
            drug("B01AC", "硫酸氢氯吡格雷", "片", true, 20, 120),
            new DrugTemplate("J01CA", "阿莫西林", "胶囊,颗粒,分散片".split(","), "09", false, null, null, null, null, 7, null, 5, 30),
            new DrugTemplate("J01DD", "头孢克肟", "胶囊,颗粒".split(","), "09", false, null, null, null, null, 7, null, 10, 50),
            new DrugTemplate("J01MA", "左氧氟沙星", "片,注射液".split(","), "09", false, null, null, 18, null, 7, null, 10, 60),
            new DrugTemplate("J01FA", "阿奇霉素", "片,颗粒,注射液".split(","), "09", false, null, null, null, null, 7, null, 10, 60),
            new DrugTemplate("J01DD", "注射用头孢曲松钠", "粉针".split(","), "09", false, 2, null, null, null, 7, null, 5, 40),
            drug("A02BC", "奥美拉唑", "肠溶胶囊,肠溶片", false, 5, 40),
            drug("A02BC", "雷贝拉唑钠", "肠溶片", false, 10, 60),
            drug("A03FA", "多潘立酮", "片", false, 5, 30),
            drug("A07BC", "蒙脱石", "散", false, 5, 25),
            drug("M01AE", "布洛芬", "片,缓释胶囊,混悬液", false, 3, 25),
            drug("N02BE", "对乙酰氨基酚", "片,口服溶液", false, 2, 15),
            drug("M01AB", "双氯芬酸钠", "肠溶片,缓释片", false, 3, 25),
            drug("R06AX", "氯雷他定", "片", false, 5, 30),
            drug("R03DC", "孟鲁司特钠", "片,咀嚼片", false, 20, 80),
            drug("R03AC", "硫酸沙丁胺醇", "气雾剂", false, 15, 40),
            drug("R03BA", "布地奈德", "吸入用混悬液,气雾剂", false, 30, 120),
            new DrugTemplate("G04CB", "非那雄胺", "片".split(","), "09", false, null, "1", null, null, 30, null, 20, 80),
            new DrugTemplate("G04CA", "盐酸坦索罗辛", "缓释胶囊".split(","), "09", false, null, "1", null, null, 30, null, 20, 80),
            new DrugTemplate("G03DA", "黄体酮", "注射液,软胶囊".split(","), "09", false, null, "2", null, null, null, null, 10, 60),
            new DrugTemplate("N02BE", "小儿氨酚黄那敏", "颗粒".split(","), "09", false, null, null, null, 14, null, null, 5, 20),
            new DrugTemplate("L04AD", "他克莫司", "胶囊".split(","), "09", false, 3, null, null, null, null, "限器官移植后的抗排异反应", 200, 800),
            new DrugTemplate("L01FA", "利妥昔单抗", "注射液".split(","), "09", false, 3, null, null, null, null, "限CD20阳性的弥漫大B细胞性非霍奇金淋巴瘤", 1000, 3000),
            new DrugTemplate("J05AH", "磷酸奥司他韦", "胶囊,颗粒".split(","), "09", false, null, null, null, null, 5, "限流感确诊患者", 30, 100),
            new DrugTemplate("B05AA", "人血白蛋白", "注射液".split(","), "09", false, 2, null, null, null, null, "限抢救、重症或肝硬化、癌症引起胸腹水且白蛋白低于30g/L的患者", 200, 600),
            new DrugTemplate("C01EB", "复方丹参", "滴丸,片".split(","), "11", true, null, null, null, null, null, null, 10, 40),
            new DrugTemplate("J05XA", "连花清瘟", "胶囊,颗粒".split(","), "11", false, null, null, null, null, 7, null, 10, 40),
            new DrugTemplate("G04BX", "六味地黄", "丸".split(","), "11", false, null, null, null, null, null, null, 10, 40),
            new DrugTemplate("J05XB", "板蓝根", "颗粒".split(","), "11", false, null, null, null, null, null, null, 5, 20),
            new DrugTemplate("V06DX", "黄芪", "饮片".split(","), "10", false, null, null, null, null, null, null, 1, 10));

    /** A service or consumable family. */
    private record ItemTemplate(String name, String type, int lvHint, int minCap, int maxCap, boolean imaging, boolean bedOnly,
                                boolean perDay, boolean nonDisease, String sex, Integer minLevel) {}

    private static ItemTemplate service(String name, String type, int minCap, int maxCap) {
        return new ItemTemplate(name, type, 0, minCap, maxCap, false, false, false, false, null, null);
    }

    private static final List<ItemTemplate> SERVICES = List.of(
            service("一般诊疗费", "12", 8, 15),
            service("急诊诊查费", "02", 10, 30),
            service("主任医师诊查费", "02", 20, 60),
            service("血细胞分析", "04", 15, 30),
            service("尿液分析", "04", 5, 15),
            service("肝功能检查", "04", 30, 80),
            service("肾功能检查", "04", 20, 60),
            service("血糖测定", "04", 5, 15),
            service("糖化血红蛋白测定", "04", 40, 90),
            service("常规心电图检查", "03", 15, 40),
            service("B超常规检查", "03", 30, 80),
            service("彩色多普勒超声检查", "03", 80, 200),
            new ItemTemplate("数字化X线摄影(DR)", "03", 0, 50, 120, true, false, false, false, null, null),
            new ItemTemplate("X线计算机体层(CT)增强扫描", "03", 2, 300, 600, true, false, false, false, null, 2),
            new ItemTemplate("磁共振(MR)平扫", "03", 2, 400, 800, true, false, false, false, null, 2),
            new ItemTemplate("磁共振(MR)增强扫描", "03", 2, 600, 1200, true, false, false, false, null, 3),
            service("电子胃镜检查", "03", 150, 400),
            service("静脉输液", "05", 5, 20),
            service("肌肉注射", "05", 2, 8),
            service("雾化吸入", "05", 5, 15),
            service("普通针刺", "05", 10, 30),
            service("推拿治疗", "05", 20, 60),
            service("运动疗法", "05", 30, 80),
            new ItemTemplate("血液透析", "05", 0, 350, 500, false, false, false, false, null, 2),
            service("清创缝合术", "06", 50, 200),
            service("腹腔镜胆囊切除术", "06", 1500, 3000),
            new ItemTemplate("子宫下段剖宫产术", "06", 0, 1500, 2500, false, false, false, false, "2", 2),
            new ItemTemplate("经尿道前列腺电切术", "06", 0, 2000, 3500, false, false, false, false, "1", 2),
            new ItemTemplate("白内障超声乳化摘除术", "06", 0, 1500, 3000, false, false, false, false, null, 2),
            new ItemTemplate("人工髋关节置换术", "06", 0, 4000, 8000, false, false, false, false, null, 3),
            new ItemTemplate("Ⅰ级护理", "07", 1, 20, 40, false, true, true, false, null, null),
            new ItemTemplate("Ⅱ级护理", "07", 1, 10, 25, false, true, true, false, null, null),
            new ItemTemplate("重症监护", "07", 1, 150, 300, false, true, true, false, null, 2),
            new ItemTemplate("单人间病房床位费", "01", 2, 80, 200, false, true, true, false, null, null),
            new ItemTemplate("院内会诊", "02", 1, 20, 50, false, true, false, false, null, null),
            new ItemTemplate("健康咨询", "14", 3, 10, 30, false, false, false, true, null, null),
            new ItemTemplate("激光美容治疗", "05", 3, 200, 800, false, false, false, true, null, null),
            new ItemTemplate("牙齿美白", "05", 3, 100, 500, false, false, false, true, null, null));

    private static final List<ItemTemplate> CONSUMABLES = List.of(
            service("一次性使用无菌注射器", "08", 1, 3),
            service("静脉留置针", "08", 10, 30),
            service("一次性使用导尿管", "08", 10, 40),
            service("医用脱脂纱布", "08", 1, 10),
            service("可吸收缝合线", "08", 50, 200),
            service("医用敷料贴", "08", 2, 10),
            new ItemTemplate("冠状动脉药物洗脱支架", "08", 2, 500, 800, false, false, false, false, null, 3),
            new ItemTemplate("人工髋关节假体", "08", 2, 5000, 15000, false, false, false, false, null, 3),
            new ItemTemplate("人工晶体", "08", 2, 500, 3000, false, false, false, false, null, 2));

    private static final String[] SELFPAY_SHARES = {"0.0500", "0.1000", "0.1000", "0.1500", "0.2000", "0.3000"};
    private static final String[] CATALOGUE_REGIONS = {DemoCast.SHIFAN_CITY, DemoCast.LINJIANG_CITY, DemoCast.YUANSHAN_CITY};
    /** Regional price levels: the same national code has a different 支付标准 in each region. */
    private static final Map<String, BigDecimal> PRICE_LEVEL = Map.of(
            DemoCast.SHIFAN_CITY, new BigDecimal("1.00"), DemoCast.LINJIANG_CITY, new BigDecimal("0.95"),
            DemoCast.YUANSHAN_CITY, new BigDecimal("1.10"));

    /**
     * One national list of generated items (60% drugs, 30% services, 10% consumables), carried by every
     * pooling region with its own price caps and, for a few items, its own level.
     */
    private void generateCatalogue(DemoWorld.Builder w, SplittableRandom r) {
        List<CatalogueItem> national = new ArrayList<>(catalogueItemCount);
        for (int n = 0; n < catalogueItemCount; n++) {
            int c = r.nextInt(1000);
            national.add(c < 600 ? drugItem(r, n) : c < 900 ? serviceItem(r, n, SERVICES, "SERVICE") : serviceItem(r, n, CONSUMABLES, "CONSUMABLE"));
        }
        for (String admdvs : CATALOGUE_REGIONS) {
            BigDecimal priceLevel = PRICE_LEVEL.get(admdvs);
            for (CatalogueItem item : national) {
                String lv = item.chrgitmLv();
                BigDecimal selfpay = item.selfpayProp();
                // Regions list a few 乙类 items as 甲类 (local adjustment of the national list).
                if (!DemoCast.SHIFAN_CITY.equals(admdvs) && "02".equals(lv) && chance(r, 50)) {
                    lv = "01";
                    selfpay = BigDecimal.ZERO.setScale(4);
                }
                BigDecimal cap = item.priceCap() == null ? null : item.priceCap().multiply(priceLevel).setScale(2, RoundingMode.HALF_UP);
                w.catalogueItems.add(new CatalogueItem(admdvs, item.code(), item.name(), item.category(), lv, selfpay, cap,
                        item.medChrgitmType(), item.minInstLevel(), item.sexRestriction(), item.minAge(), item.maxAge(),
                        item.indication(), item.maxDaysSupplied(), item.nonDisease(), item.chronicDrug(), item.imaging(),
                        item.bedOnly(), item.perDay()));
            }
        }
    }

    private static String level(SplittableRandom r, int firstClassPerMille, int secondClassPerMille) {
        int l = r.nextInt(1000);
        return l < firstClassPerMille ? "01" : l < firstClassPerMille + secondClassPerMille ? "02" : "03";
    }

    private static BigDecimal selfpayFor(SplittableRandom r, String lv) {
        return switch (lv) {
            case "01" -> BigDecimal.ZERO.setScale(4);
            case "02" -> new BigDecimal(pick(r, SELFPAY_SHARES));
            default -> BigDecimal.ONE.setScale(4);
        };
    }

    private static CatalogueItem drugItem(SplittableRandom r, int n) {
        int t = r.nextInt(DRUGS.size());
        DrugTemplate d = DRUGS.get(t);
        String form = pick(r, d.forms());
        // 23 characters like the national drug code; 'G' in position 7 marks generated codes (the
        // reference drugs of §2.4 have E, L, T, M there), and the running number keeps them unique.
        String code = "X" + d.atc() + "G" + String.format("%03d", t) + "B" + String.format("%09d", n) + "001";
        String lv = d.indication() != null || d.minLevel() != null ? "02" : level(r, 450, 450);
        BigDecimal cap = chance(r, 350) ? yuan(r, d.minCap(), d.maxCap()) : null;
        Integer maxDays = d.maxDays() != null ? d.maxDays() : !d.chronic() && chance(r, 200) ? Integer.valueOf(30) : null;
        Integer minLevel = d.minLevel() != null ? d.minLevel() : form.contains("注射") && chance(r, 200) ? Integer.valueOf(2) : null;
        return new CatalogueItem("", code, d.name() + form, "DRUG", lv, selfpayFor(r, lv), cap, d.type(), minLevel,
                d.sex(), d.minAge(), d.maxAge(), d.indication(), maxDays, false, d.chronic(), false, false, false);
    }

    private static CatalogueItem serviceItem(SplittableRandom r, int n, List<ItemTemplate> templates, String category) {
        int t = r.nextInt(templates.size());
        ItemTemplate s = templates.get(t);
        String code = "SERVICE".equals(category)
                // 15 digits starting with 1 (the reference services start with 00).
                ? "1" + String.format("%02d", t) + String.format("%08d", n) + "0000"
                // 23 characters starting with C9 (the reference consumable starts with C01).
                : "C9" + String.format("%02d", t) + String.format("%019d", n);
        String lv = s.nonDisease() ? "03" : switch (s.lvHint()) {
            case 1 -> "01";
            case 2 -> "02";
            case 3 -> "03";
            default -> "SERVICE".equals(category) ? level(r, 550, 350) : level(r, 200, 650);
        };
        BigDecimal cap = "SERVICE".equals(category) || chance(r, 500) ? yuan(r, s.minCap(), s.maxCap()) : null;
        return new CatalogueItem("", code, s.name(), category, lv, selfpayFor(r, lv), cap, s.type(), s.minLevel(), s.sex(),
                null, null, null, null, s.nonDisease(), false, s.imaging(), s.bedOnly(), s.perDay());
    }
}
