package org.yibao.engine.benefit;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.function.Supplier;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.UnitPrice;

/**
 * One uploaded fee line (费用明细, 2204/2301 {@code feedetail}).
 *
 * @param serviceDate    {@code fee_ocur_time} (费用发生时间): picks the catalogue version
 * @param sumamt         {@code det_item_fee_sumamt}: authoritative when within 0.01 of cnt × pric
 * @param hospApprFlag   {@code hosp_appr_flag} = 1: the institution approved a restricted indication
 * @param initFeedetlSn  {@code init_feedetl_sn}: the original line a refund line (negative cnt) reverses; null otherwise
 * @param prdDays        {@code prd_days}: days supplied of a drug; null when not given
 */
public record FeeLine(String feedetlSn, String medListCodg, LocalDateTime serviceDate, Quantity cnt, UnitPrice pric,
                      Money sumamt, boolean hospApprFlag, String initFeedetlSn, Integer prdDays) {

    /** A line without days supplied. */
    public FeeLine(String feedetlSn, String medListCodg, LocalDateTime serviceDate, Quantity cnt, UnitPrice pric,
                   Money sumamt, boolean hospApprFlag, String initFeedetlSn) {
        this(feedetlSn, medListCodg, serviceDate, cnt, pric, sumamt, hospApprFlag, initFeedetlSn, null);
    }

    public FeeLine {
        Objects.requireNonNull(feedetlSn, "feedetlSn");
        Objects.requireNonNull(medListCodg, "medListCodg");
        Objects.requireNonNull(serviceDate, "serviceDate");
        Objects.requireNonNull(cnt, "cnt");
        Objects.requireNonNull(pric, "pric");
        Objects.requireNonNull(sumamt, "sumamt");
    }

    /** A line whose sumamt is exactly round(cnt × pric). */
    public static FeeLine of(String feedetlSn, String medListCodg, LocalDateTime serviceDate, Quantity cnt, UnitPrice pric) {
        return new FeeLine(feedetlSn, medListCodg, serviceDate, cnt, pric, pric.times(cnt), false, null);
    }

    /**
     * A line from the interface's decimal strings; a number with too many decimals (a price with more
     * than 6, an amount with more than 2, a quantity with more than 4) or not a number is refused as
     * {@link SettlementRefused.Reason#INVALID_NUMBER}, naming the field and the line.
     */
    public static FeeLine parse(String feedetlSn, String medListCodg, LocalDateTime serviceDate, String cnt, String pric,
                                String detItemFeeSumamt, boolean hospApprFlag, String initFeedetlSn) {
        return new FeeLine(feedetlSn, medListCodg, serviceDate,
                number(feedetlSn, "cnt", () -> Quantity.of(cnt)),
                number(feedetlSn, "pric", () -> UnitPrice.of(pric)),
                number(feedetlSn, "det_item_fee_sumamt", () -> Money.of(detItemFeeSumamt)),
                hospApprFlag, initFeedetlSn);
    }

    private static <T> T number(String feedetlSn, String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new SettlementRefused(SettlementRefused.Reason.INVALID_NUMBER, field, feedetlSn,
                    "费用明细 " + feedetlSn + " 的 " + field + " 无效：" + e.getMessage());
        }
    }

    public FeeLine withHospitalApproval() {
        return new FeeLine(feedetlSn, medListCodg, serviceDate, cnt, pric, sumamt, true, initFeedetlSn, prdDays);
    }

    public FeeLine withDaysSupplied(int days) {
        return new FeeLine(feedetlSn, medListCodg, serviceDate, cnt, pric, sumamt, hospApprFlag, initFeedetlSn, days);
    }

    public boolean isRefund() {
        return cnt.isNegative();
    }
}
