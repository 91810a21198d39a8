package org.yibao.server.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yibao.engine.money.Money;
import org.yibao.engine.supervision.CodeTable;
import org.yibao.engine.supervision.Encounter;
import org.yibao.engine.supervision.KnowledgeBase;
import org.yibao.engine.supervision.Line;
import org.yibao.server.supervision.internal.SettledVisits;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Peer indicators of an institution risk view (R-SUP-2, issue 7): per institution of a region and a
 * calendar quarter, over the settled visits that began in it — average length of stay of its discharged
 * stays against the other institutions of the same level in the region, the CT positive rate of the CT
 * lines with a reported result (the knowledge base's {@code ct} set, {@code exam_rslt} in the memo), and the
 * drug, examination (检查费, 化验费: 医疗收费项目类别 03, 04) and consumable shares of its medical fees
 * (by the catalogue's category of each line). Figures, not findings: the rules ZB0001/ZB0002 decide what
 * is a warning.
 */
@Service
public class PeerIndicators {

    /** One institution's figures; a ratio is null when there is nothing to divide by. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Row(String fixmedinsCode, String name, Integer level, long stays, BigDecimal averageStay, BigDecimal peerAverageStay,
                      BigDecimal stayRatio, long ctReported, long ctPositive, BigDecimal ctPositiveRate, Money medfee, BigDecimal drugShare,
                      BigDecimal examShare, BigDecimal consumableShare, long warnings) {}

    private static final class Tally {
        Integer level;
        long stays;
        long stayDays;
        long ctReported;
        long ctPositive;
    }

    private record Fees(String name, Integer level, Money medfee, Money drug, Money exam, Money consumable) {}

    private final JdbcClient jdbc;
    private final SettledVisits visits;
    private final KnowledgeBaseInForce inForce;

    PeerIndicators(JdbcClient jdbc, SettledVisits visits, KnowledgeBaseInForce inForce) {
        this.jdbc = jdbc;
        this.visits = visits;
        this.inForce = inForce;
    }

    /** The CT items of the knowledge base in force; null when an administrator removed the set. */
    private CodeTable<KnowledgeBase.SetMember> ct() {
        KnowledgeBase kb = inForce.knowledgeBase();
        return kb.setNames().contains("ct") ? kb.set("ct") : null;
    }

    /**
     * The first day of a quarter written {@code 2035Q1}.
     *
     * @throws org.yibao.server.platform.web.InvalidInputException naming {@code quarter} when malformed
     */
    public static LocalDate quarterStart(String text) {
        if (text == null || !text.strip().matches("(20\\d\\d)Q[1-4]")) {
            throw new org.yibao.server.platform.web.InvalidInputException("quarter", "format", "a quarter like 2035Q1 (got " + text + ")");
        }
        String t = text.strip();
        return LocalDate.of(Integer.parseInt(t.substring(0, 4)), (t.charAt(5) - '1') * 3 + 1, 1);
    }

    /** The region's institutions with settled visits that began in the quarter starting on {@code quarterStart}. */
    public List<Row> quarter(String admdvs, LocalDate quarterStart) {
        LocalDate end = quarterStart.plusMonths(3).minusDays(1);
        Map<String, Tally> tallies = new TreeMap<>();
        CodeTable<KnowledgeBase.SetMember> ct = ct();
        for (Encounter e : visits.ofRegion(admdvs, quarterStart, end)) {
            Tally t = tallies.computeIfAbsent(e.institutionCode(), k -> new Tally());
            t.level = e.institutionLevel();
            if (e.inpatient() && e.dischargeDate() != null) {
                t.stays++;
                t.stayDays += e.lengthOfStay();
            }
            for (Line l : e.lines()) {
                if (l.examResult() != null && ct != null && ct.contains(l.itemCode())) {
                    t.ctReported++;
                    t.ctPositive += l.examResult() ? 1 : 0;
                }
            }
        }
        Map<String, Fees> fees = fees(admdvs, quarterStart, end);
        Map<String, Long> warnings = new TreeMap<>();
        jdbc.sql("select fixmedins_code, count(*) from supervision_warning where admdvs = ? and month >= ? and month <= ? group by 1")
                .params(admdvs, quarterStart, end).query((rs, n) -> warnings.put(rs.getString(1), rs.getLong(2))).list();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Fees> f : fees.entrySet()) {
            String code = f.getKey();
            Tally own = tallies.getOrDefault(code, new Tally());
            long peerStays = 0;
            long peerDays = 0;
            for (Map.Entry<String, Tally> p : tallies.entrySet()) {
                if (!p.getKey().equals(code) && p.getValue().level != null && p.getValue().level.equals(f.getValue().level())) {
                    peerStays += p.getValue().stays;
                    peerDays += p.getValue().stayDays;
                }
            }
            BigDecimal average = ratio(own.stayDays, own.stays, 2);
            BigDecimal peers = ratio(peerDays, peerStays, 2);
            BigDecimal stayRatio = own.stays == 0 || peerStays == 0 || peerDays == 0 ? null
                    : BigDecimal.valueOf(own.stayDays * peerStays).divide(BigDecimal.valueOf(peerDays * own.stays), 2, RoundingMode.HALF_UP);
            Fees x = f.getValue();
            rows.add(new Row(code, x.name(), x.level(), own.stays, average, peers, stayRatio, own.ctReported, own.ctPositive,
                    ratio(own.ctPositive, own.ctReported, 4), x.medfee(), share(x.drug(), x.medfee()), share(x.exam(), x.medfee()),
                    share(x.consumable(), x.medfee()), warnings.getOrDefault(code, 0L)));
        }
        return rows;
    }

    private Map<String, Fees> fees(String admdvs, LocalDate from, LocalDate to) {
        Map<String, Fees> out = new TreeMap<>();
        jdbc.sql("""
                        select v.fixmedins_code, max(i.name), max(i.level), coalesce(sum(f.det_item_fee_sumamt), 0),
                               coalesce(sum(f.det_item_fee_sumamt) filter (where c.category = 'DRUG'), 0),
                               coalesce(sum(f.det_item_fee_sumamt) filter (where c.med_chrgitm_type in ('03', '04')), 0),
                               coalesce(sum(f.det_item_fee_sumamt) filter (where c.category = 'CONSUMABLE'), 0)
                        from visit v
                        join fee_line f on f.mdtrt_id = v.mdtrt_id and not f.cancelled and f.setl_id is not null
                        left join institution i on i.fixmedins_code = v.fixmedins_code and i.valid_to is null
                        left join lateral (select c.category, c.med_chrgitm_type from catalogue_item c
                                           where c.med_list_codg = f.med_list_codg and c.valid_from <= v.begntime::date
                                           order by (c.admdvs = v.treatment_admdvs) desc, c.valid_from desc limit 1) c on true
                        where v.status = 'SETTLED' and v.begntime >= ? and v.begntime < ?
                          and v.treatment_admdvs in (select r.admdvs from region r where r.valid_to is null and (r.admdvs = ? or r.pooling_admdvs = ?))
                        group by v.fixmedins_code""")
                .params(Timestamp.valueOf(from.atStartOfDay()), Timestamp.valueOf(to.plusDays(1).atStartOfDay()), admdvs, admdvs)
                .query((rs, n) -> out.put(rs.getString(1), new Fees(rs.getString(2), rs.getObject(3, Integer.class), Money.of(rs.getBigDecimal(4)),
                        Money.of(rs.getBigDecimal(5)), Money.of(rs.getBigDecimal(6)), Money.of(rs.getBigDecimal(7)))))
                .list();
        return out;
    }

    private static BigDecimal ratio(long part, long whole, int scale) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(Money part, Money whole) {
        return whole.isZero() ? null : part.toBigDecimal().divide(whole.toBigDecimal(), 4, RoundingMode.HALF_UP);
    }
}
