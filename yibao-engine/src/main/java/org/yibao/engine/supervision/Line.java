package org.yibao.engine.supervision;

import java.time.LocalDate;
import java.util.Objects;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.UnitPrice;

/**
 * One order or fee line of a visit ({@code fsi_order_dtos} at 3101/3102, {@code fee_line} after settlement).
 *
 * @param id           {@code rx_id} / {@code feedetl_sn}: what the evidence names
 * @param itemCode     {@code hilist_code} / {@code med_list_codg} (医保目录编码)
 * @param serviceDate  the day the item was given (费用发生日期 / 医嘱开始日期)
 * @param daysSupplied {@code prd_days} of a drug; null when not given
 * @param examResult   imaging result the institution reported ({@code memo exam_rslt=1/0}): TRUE positive, FALSE negative, null not reported
 */
public record Line(String id, String itemCode, String itemName, LocalDate serviceDate, Quantity quantity, UnitPrice unitPrice,
                   Money amount, Integer daysSupplied, Boolean examResult) {

    public Line {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(serviceDate, "serviceDate");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(amount, "amount");
        if (unitPrice == null) {
            // Derived when the client sent only the sum: amount ÷ quantity, to 6 decimals.
            unitPrice = quantity.isZero() ? UnitPrice.of(amount)
                    : UnitPrice.of(amount.toBigDecimal().divide(quantity.toBigDecimal(), UnitPrice.SCALE, java.math.RoundingMode.HALF_UP));
        }
    }

    /** A line with a name but no days supplied or exam result. */
    public static Line of(String id, String itemCode, LocalDate day, String quantity, String amount) {
        return new Line(id, itemCode, null, day, Quantity.of(quantity), null, Money.of(amount), null, null);
    }

    public String label() {
        return itemName == null || itemName.isBlank() ? itemCode : itemName + "（" + itemCode + "）";
    }

    public Line withDaysSupplied(Integer days) {
        return new Line(id, itemCode, itemName, serviceDate, quantity, unitPrice, amount, days, examResult);
    }

    public Line withExamResult(Boolean result) {
        return new Line(id, itemCode, itemName, serviceDate, quantity, unitPrice, amount, daysSupplied, result);
    }

    public Line named(String name) {
        return new Line(id, itemCode, name, serviceDate, quantity, unitPrice, amount, daysSupplied, examResult);
    }
}
