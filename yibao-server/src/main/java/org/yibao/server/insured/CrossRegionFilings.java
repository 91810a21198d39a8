package org.yibao.server.insured;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.region.Region;
import org.yibao.server.region.Regions;

/**
 * R-XR-1 cross-region filings (异地就医备案): a person insured in one pooling region files for care in
 * another, decided at once by personal commitment (承诺制: no proof of residence is asked). Long-term
 * categories (异地安置退休, 异地长期居住, 常驻异地工作) are valid until cancelled and cannot be changed or
 * cancelled in their first 6 months; a referral (异地转诊) and other temporary care (临时外出就医) are
 * valid 6 months. Channels: the insured portal (PORTAL), staff at a counter (COUNTER) and the referring
 * hospital through 2501 (HOSPITAL, made by {@link Referrals}). Every filing, change and cancellation is
 * audited with its channel and actor; a person's filings are serialised by an advisory lock.
 *
 * <p>A change is a new filing that replaces the old one: the old row is cancelled and both point at each
 * other ({@code replaces_id}); a changed long-term filing starts a new 6-month period. A filing names
 * the pooling region (统筹区) of the region given, since that is where the catalogue and the
 * institutions' region are read at settlement (990121 → 990100).
 */
@Service
public class CrossRegionFilings {

    public static final String ENTITY = "xr_filing";
    public static final Set<String> CHANNELS = Set.of("PORTAL", "COUNTER", "HOSPITAL");
    /** R-XR-1: long-term filings are locked for 6 months, temporary ones are valid 6 months. */
    public static final int MONTHS = 6;
    private static final int MEMO_MAX = 200;

    /** 备案类别, with the Chinese name used in messages. */
    public enum Category {
        RETIREE_RESETTLED("异地安置退休", true),
        LONG_TERM_RESIDENT("异地长期居住", true),
        POSTED_WORKER("常驻异地工作", true),
        REFERRAL("异地转诊", false),
        TEMPORARY("临时外出就医", false);

        private final String chinese;
        private final boolean longTerm;

        Category(String chinese, boolean longTerm) {
            this.chinese = chinese;
            this.longTerm = longTerm;
        }

        public String chinese() {
            return chinese;
        }

        public boolean longTerm() {
            return longTerm;
        }

        /** The categories a person or the counter may choose (a referral comes with a hospital's 2501, or at the counter). */
        public static Optional<Category> of(String name) {
            return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
        }
    }

    /** A recorded filing. {@code enddate} is null for a long-term one. */
    public record Filed(@JsonProperty("id") long id, @JsonProperty("psn_no") String personNo, @JsonProperty("category") String category,
                        @JsonProperty("insuplc_admdvs") String insuredAdmdvs, @JsonProperty("mdtrtarea_admdvs") String treatmentAdmdvs,
                        @JsonProperty("mdtrtarea_name") String treatmentName, @JsonProperty("begndate") LocalDate beginDate,
                        @JsonProperty("enddate") LocalDate endDate, @JsonProperty("channel") String channel,
                        @JsonProperty("recorded_at") Instant recordedAt, @JsonProperty("recorded_by") String recordedBy,
                        @JsonProperty("cancelled_at") Instant cancelledAt, @JsonProperty("memo") String cancelMemo,
                        @JsonProperty("replaces_id") Long replacesId, @JsonProperty("trt_dcla_detl_sn") String referralSerial) {

        public boolean longTerm() {
            return endDate == null;
        }

        /** In force on {@code day}: not cancelled and within its validity. */
        public boolean inForce(LocalDate day) {
            return cancelledAt == null && !beginDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
        }

        /** R-XR-1: the first day a long-term filing can be changed or cancelled; its begin date for a temporary one. */
        @JsonProperty("changeable_from")
        public LocalDate changeableFrom() {
            return longTerm() ? beginDate.plusMonths(MONTHS) : beginDate;
        }
    }

    private static final String COLUMNS = "x.id, x.psn_no, x.category, x.insured_admdvs, x.treatment_admdvs, r.name, x.begin_date, x.end_date, "
            + "x.channel, x.recorded_at, x.recorded_by, x.cancelled_at, x.cancel_memo, x.replaces_id, x.referral_sn";
    private static final String FROM = " from xr_filing x left join region r on r.admdvs = x.treatment_admdvs and r.valid_to is null";
    private static final RowMapper<Filed> ROW = (rs, n) -> new Filed(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4).trim(), rs.getString(5).trim(), rs.getString(6), rs.getObject(7, LocalDate.class),
            rs.getObject(8, LocalDate.class), rs.getString(9), instant(rs.getTimestamp(10)), rs.getString(11),
            instant(rs.getTimestamp(12)), rs.getString(13), (Long) rs.getObject(14), rs.getString(15));

    private final JdbcClient jdbc;
    private final Persons persons;
    private final Regions regions;
    private final AuditTrail audit;
    private final Clock clock;

    CrossRegionFilings(JdbcClient jdbc, Persons persons, Regions regions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The person's filings, newest first, cancelled and expired ones included. */
    public List<Filed> list(String personNo) {
        return jdbc.sql("select " + COLUMNS + FROM + " where x.psn_no = ? order by x.begin_date desc, x.id desc").param(personNo)
                .query(ROW).list();
    }

    /** The person's filing {@code id}; another person's answers empty, like an unknown one. */
    public Optional<Filed> find(String personNo, long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where x.id = ? and x.psn_no = ?").params(id, personNo).query(ROW).optional();
    }

    /** The pooling regions a person insured in {@code personNo}'s region can file for today (code → name), for forms. */
    public Map<String, String> treatmentRegions(String personNo) {
        LocalDate today = LocalDate.now(clock);
        String home = persons.find(personNo, today).flatMap(p -> regions.poolingRegionOf(p.insuredAdmdvs(), today)).orElse(null);
        Map<String, String> out = new LinkedHashMap<>();
        for (Region r : regions.list(today)) {
            if (r.admdvs().equals(r.poolingAdmdvs()) && !r.admdvs().equals(home)) {
                out.put(r.admdvs(), r.name());
            }
        }
        return out;
    }

    /**
     * Files for care in {@code treatmentAdmdvs} from today, decided at once.
     *
     * @param channel PORTAL (the person), COUNTER (staff) or HOSPITAL
     * @param actor   the person's psn_no, the staff user or the institution's operator
     */
    @Transactional
    public Filed file(String personNo, String category, String treatmentAdmdvs, String channel, String actor) {
        requireChannel(channel);
        Category chosen = category(category);
        if (chosen == Category.REFERRAL && "PORTAL".equals(channel)) {
            throw new FilingRefused("category", "异地转诊备案由转出医院办理（转院备案），或凭转诊材料到参保地医保经办窗口办理；"
                    + "自行到外地就医请选择“临时外出就医”");
        }
        Filings.lock(jdbc, ENTITY, personNo);
        Instant at = clock.instant();
        Filed made = insert(personNo, chosen, treatmentAdmdvs, LocalDate.ofInstant(at, clock.getZone()), channel, actor, at,
                null, null);
        audit.recordAs(actor, "CREATE", ENTITY, String.valueOf(made.id()), made.beginDate(), null, made);
        return made;
    }

    /**
     * Changes a filing in force to another category or treatment region: the old one is cancelled and a
     * new one begins today. Refused for a long-term filing in its first 6 months and for a hospital's
     * referral filing (the hospital cancels its referral with 2502).
     */
    @Transactional
    public Filed change(String personNo, long id, String category, String treatmentAdmdvs, String channel, String actor) {
        requireChannel(channel);
        Filings.lock(jdbc, ENTITY, personNo);
        Instant at = clock.instant();
        LocalDate today = LocalDate.ofInstant(at, clock.getZone());
        Filed before = changeable(personNo, id, today, "变更");
        Category to = category(category == null || category.isBlank() ? before.category() : category);
        String region = treatmentAdmdvs == null || treatmentAdmdvs.isBlank() ? before.treatmentAdmdvs() : treatmentAdmdvs.strip();
        if (to.name().equals(before.category()) && region.equals(before.treatmentAdmdvs())) {
            throw new FilingRefused("mdtrtarea_admdvs", "变更后的备案类别和就医地与原备案相同，无需变更");
        }
        jdbc.sql("update xr_filing set cancelled_at = ?, cancel_memo = ? where id = ?")
                .params(Timestamp.from(at), "变更为新备案", id).update();
        Filed made = insert(personNo, to, region, today, channel, actor, at, id, null);
        audit.recordAs(actor, "CHANGE", ENTITY, String.valueOf(id), today, before, made);
        return made;
    }

    /** Cancels a filing from now; refused for a long-term filing in its first 6 months. */
    @Transactional
    public Filed cancel(String personNo, long id, String channel, String actor, String memo) {
        requireChannel(channel);
        if (memo != null && memo.strip().length() > MEMO_MAX) {
            throw new FilingRefused("memo", "撤销原因最长 " + MEMO_MAX + " 字");
        }
        Filings.lock(jdbc, ENTITY, personNo);
        Instant at = clock.instant();
        LocalDate today = LocalDate.ofInstant(at, clock.getZone());
        Filed before = changeable(personNo, id, today, "撤销");
        if (before.referralSerial() != null && !"COUNTER".equals(channel)) {
            throw new FilingRefused("id", "此备案随转出医院的转院备案 " + before.referralSerial() + " 办理，请由转出医院撤销转院备案（2502）或到参保地医保经办窗口办理");
        }
        String why = memo == null || memo.isBlank() ? null : memo.strip();
        jdbc.sql("update xr_filing set cancelled_at = ?, cancel_memo = ? where id = ?").params(Timestamp.from(at), why, id).update();
        Filed after = find(personNo, id).orElseThrow();
        audit.recordAs(actor, "CANCEL", ENTITY, String.valueOf(id), today, before, after);
        return after;
    }

    /**
     * The referral filing a hospital's referral to another pooling region brings (2501, or a referral at
     * the counter): from the referral's begin date for 6 months. None when a long-term filing or a
     * referral filing for that region is already in force then (the person is covered already).
     */
    @Transactional
    public Optional<Filed> fileForReferral(String personNo, String treatmentPooling, LocalDate begin, String referralSerial, String channel,
                                           String actor, Instant at) {
        requireChannel(channel);
        Filings.lock(jdbc, ENTITY, personNo);
        boolean covered = list(personNo).stream().anyMatch(f -> f.inForce(begin) && f.treatmentAdmdvs().equals(treatmentPooling)
                && (f.longTerm() || Category.REFERRAL.name().equals(f.category())));
        if (covered) {
            return Optional.empty();
        }
        Filed made = insert(personNo, Category.REFERRAL, treatmentPooling, begin, channel, actor, at, null, referralSerial);
        audit.recordAs(actor, "CREATE", ENTITY, String.valueOf(made.id()), begin, null, made);
        return Optional.of(made);
    }

    /** Cancels the filing a referral brought, with the referral (2502 or the counter). */
    @Transactional
    public void cancelForReferral(String personNo, String referralSerial, String channel, String actor, Instant at) {
        requireChannel(channel);
        Filings.lock(jdbc, ENTITY, personNo);
        for (Filed f : jdbc.sql("select " + COLUMNS + FROM + " where x.psn_no = ? and x.referral_sn = ? and x.cancelled_at is null")
                .params(personNo, referralSerial).query(ROW).list()) {
            jdbc.sql("update xr_filing set cancelled_at = ?, cancel_memo = ? where id = ?")
                    .params(Timestamp.from(at), "转院备案 " + referralSerial + " 已撤销", f.id()).update();
            audit.recordAs(actor, "CANCEL", ENTITY, String.valueOf(f.id()), LocalDate.ofInstant(at, clock.getZone()), f,
                    find(personNo, f.id()).orElseThrow());
        }
    }

    private Filed changeable(String personNo, long id, LocalDate today, String what) {
        Filed f = find(personNo, id).orElseThrow(() -> new FilingRefused("id", "异地就医备案 " + id + " 不存在（或不是该人员的备案）"));
        if (f.cancelledAt() != null) {
            throw new FilingRefused("id", "异地就医备案 " + id + " 已撤销或已变更，不能再" + what);
        }
        if (f.endDate() != null && f.endDate().isBefore(today)) {
            throw new FilingRefused("id", "异地就医备案 " + id + " 已于 " + f.endDate() + " 到期，不能再" + what + "；如需异地就医请重新备案");
        }
        if (f.longTerm() && today.isBefore(f.changeableFrom())) {
            // R-XR-1: a long-term filing cannot be changed or cancelled in its first 6 months.
            throw new FilingRefused("id", "长期异地就医备案（" + Category.of(f.category()).map(Category::chinese).orElse(f.category())
                    + "，自 " + f.beginDate() + " 起）办理后 " + MONTHS + " 个月内不能变更或撤销，" + f.changeableFrom() + " 起可" + what);
        }
        if (f.referralSerial() != null && "变更".equals(what)) {
            throw new FilingRefused("id", "此备案随转出医院的转院备案 " + f.referralSerial() + " 办理，不能变更；需要时请重新转诊或另行备案");
        }
        return f;
    }

    private Filed insert(String personNo, Category category, String treatmentAdmdvs, LocalDate begin, String channel, String actor,
                         Instant at, Long replaces, String referralSerial) {
        Person person = persons.find(personNo, begin)
                .orElseThrow(() -> new FilingRefused("psn_no", "人员 " + personNo + " 不存在或在 " + begin + " 未参保"));
        String home = regions.poolingRegionOf(person.insuredAdmdvs(), begin).orElse(person.insuredAdmdvs());
        String region = treatmentPooling(treatmentAdmdvs, begin);
        if (region.equals(home)) {
            throw new FilingRefused("mdtrtarea_admdvs", "就医地 " + treatmentAdmdvs + " 与参保地 " + person.insuredAdmdvs()
                    + " 属同一统筹区，在参保地就医无需办理异地就医备案；请选择参保地以外的就医地");
        }
        List<Filed> existing = list(personNo);
        if (category.longTerm()) {
            existing.stream().filter(f -> f.longTerm() && f.cancelledAt() == null).findFirst().ifPresent(f -> {
                throw new FilingRefused("category", "已有长期异地就医备案（" + name(f) + "，自 " + f.beginDate() + " 起），同一时间只能有一项长期备案；"
                        + "如需改到其他地方或其他类别，请变更该备案（" + f.changeableFrom() + " 起可变更）");
            });
        } else {
            LocalDate end = begin.plusMonths(MONTHS).minusDays(1);
            existing.stream().filter(f -> f.cancelledAt() == null && f.treatmentAdmdvs().equals(region)
                            && !f.beginDate().isAfter(end) && (f.longTerm() || !f.endDate().isBefore(begin))
                            && (f.longTerm() || f.category().equals(category.name())))
                    .findFirst().ifPresent(f -> {
                        throw new FilingRefused("mdtrtarea_admdvs", "已有到 " + region + " 的" + name(f) + "备案（" + f.beginDate()
                                + (f.longTerm() ? " 起长期有效" : " 至 " + f.endDate()) + "），无需重复备案");
                    });
        }
        LocalDate end = category.longTerm() ? null : begin.plusMonths(MONTHS).minusDays(1);
        long id = jdbc.sql("""
                        insert into xr_filing (psn_no, category, insured_admdvs, treatment_admdvs, begin_date, end_date, channel, recorded_at,
                            recorded_by, replaces_id, referral_sn)
                        values (?,?,?,?,?,?,?,?,?,?,?) returning id""")
                .params(personNo, category.name(), person.insuredAdmdvs(), region, begin, end, channel, Timestamp.from(at),
                        actor == null ? AuditTrail.currentActor() : actor, replaces, referralSerial)
                .query(Long.class).single();
        return find(personNo, id).orElseThrow();
    }

    private String treatmentPooling(String admdvs, LocalDate day) {
        if (admdvs == null || admdvs.isBlank()) {
            throw new FilingRefused("mdtrtarea_admdvs", "请选择就医地（6 位医保区划代码）");
        }
        String code = admdvs.strip();
        if (!code.matches("\\d{6}")) {
            throw new FilingRefused("mdtrtarea_admdvs", "就医地应为 6 位医保区划代码，收到 " + code);
        }
        return regions.poolingRegionOf(code, day)
                .orElseThrow(() -> new FilingRefused("mdtrtarea_admdvs", "就医地 " + code + " 不是现行的医保区划，请从列表中选择就医地"));
    }

    private static Category category(String name) {
        return Category.of(name).orElseThrow(() -> new FilingRefused("category", "备案类别应为 "
                + String.join("、", Arrays.stream(Category.values()).map(c -> c.name() + "（" + c.chinese() + "）").toList())
                + " 之一，收到 " + name));
    }

    private static String name(Filed f) {
        return Category.of(f.category()).map(Category::chinese).orElse(f.category());
    }

    private static void requireChannel(String channel) {
        if (!CHANNELS.contains(channel)) {
            throw new IllegalArgumentException("channel " + channel + " is not one of " + CHANNELS);
        }
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
