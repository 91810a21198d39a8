package org.yibao.server.platform.fsi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.money.UnitPrice;
import tools.jackson.databind.JsonNode;

/**
 * A lenient, exact reader of an input node (NATIONAL_INTERFACE §2 "be lenient in what is accepted"):
 * numbers as JSON numbers or numeric strings, empty strings and nulls as absent, unknown fields
 * ignored. Every problem is an {@link FsiRefusal} naming the field's path and the rule.
 */
public final class FsiNode {

    private final JsonNode node;
    private final String path;

    public FsiNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public String path() {
        return path;
    }

    public JsonNode json() {
        return node;
    }

    private String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode raw(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || v.isMissingNode() || (v.isString() && v.stringValue().isBlank())) {
            return null;
        }
        return v;
    }

    public boolean has(String name) {
        return raw(name) != null;
    }

    /** A required object. */
    public FsiNode object(String name) {
        return optObject(name).orElseThrow(() -> FsiRefusal.field(at(name), "必填，应为对象"));
    }

    public Optional<FsiNode> optObject(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isArray() && v.size() == 1 && v.get(0).isObject()) {
            // Some clients wrap a single node in an array.
            return Optional.of(new FsiNode(v.get(0), at(name)));
        }
        if (!v.isObject()) {
            throw FsiRefusal.field(at(name), "应为对象");
        }
        return Optional.of(new FsiNode(v, at(name)));
    }

    /** A list of objects (a single object counts as a list of one); absent = empty unless required. */
    public List<FsiNode> array(String name, boolean required, int maxSize) {
        JsonNode v = raw(name);
        if (v == null) {
            if (required) {
                throw FsiRefusal.field(at(name), "必填，应为数组");
            }
            return List.of();
        }
        if (v.isObject()) {
            return List.of(new FsiNode(v, at(name) + "[0]"));
        }
        if (!v.isArray()) {
            throw FsiRefusal.field(at(name), "应为数组");
        }
        if (v.size() > maxSize) {
            throw FsiRefusal.field(at(name), "最多 " + maxSize + " 条，收到 " + v.size() + " 条；请分批上传");
        }
        if (required && v.isEmpty()) {
            throw FsiRefusal.field(at(name), "不能为空数组");
        }
        List<FsiNode> items = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                throw FsiRefusal.field(at(name) + "[" + i + "]", "应为对象");
            }
            items.add(new FsiNode(v.get(i), at(name) + "[" + i + "]"));
        }
        return items;
    }

    /** A required text of at most {@code maxLength} characters (numbers are accepted as their text). */
    public String text(String name, int maxLength) {
        String t = optText(name, maxLength);
        if (t == null) {
            throw FsiRefusal.field(at(name), "必填");
        }
        return t;
    }

    public String optText(String name, int maxLength) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        String t;
        if (v.isString()) {
            t = v.stringValue().trim();
        } else if (v.isNumber() || v.isBoolean()) {
            t = v.isNumber() ? v.decimalValue().toPlainString() : String.valueOf(v.asBoolean());
        } else {
            throw FsiRefusal.field(at(name), "应为字符串");
        }
        if (t.length() > maxLength) {
            throw FsiRefusal.field(at(name), "长度 " + t.length() + " 超过上限 " + maxLength);
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.isISOControl(t.charAt(i))) {
                throw FsiRefusal.field(at(name), "含有控制字符");
            }
        }
        return t;
    }

    /** A required code from a closed list. */
    public String code(String name, Collection<String> allowed) {
        String c = text(name, 10);
        if (!allowed.contains(c)) {
            throw FsiRefusal.field(at(name), "代码 " + c + " 无效，可用值：" + String.join("、", allowed));
        }
        return c;
    }

    public String optCode(String name, Collection<String> allowed) {
        String c = optText(name, 10);
        if (c != null && !allowed.contains(c)) {
            throw FsiRefusal.field(at(name), "代码 " + c + " 无效，可用值：" + String.join("、", allowed));
        }
        return c;
    }

    /** A 0/1 flag; absent gives {@code absent}. */
    public boolean flag(String name, boolean absent) {
        JsonNode v = raw(name);
        if (v == null) {
            return absent;
        }
        String t = v.isBoolean() ? (v.asBoolean() ? "1" : "0") : optText(name, 5);
        return switch (t) {
            case "1" -> true;
            case "0" -> false;
            default -> throw FsiRefusal.field(at(name), "标志应为 0 或 1，收到 " + t);
        };
    }

    public Integer optInt(String name, int min, int max) {
        BigDecimal d = optDecimal(name);
        if (d == null) {
            return null;
        }
        if (d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw FsiRefusal.field(at(name), "应为 " + min + "–" + max + " 的整数，收到 " + d.toPlainString());
        }
        return d.intValue();
    }

    private BigDecimal optDecimal(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            if (v.isDouble() || v.isFloat()) {
                // Parsed exactly when the mapper reads floats as BigDecimal; a double here is a bug upstream.
                return new BigDecimal(v.numberValue().toString());
            }
            return v.decimalValue();
        }
        if (v.isString()) {
            String t = v.stringValue().trim();
            if (t.length() > 40) {
                throw FsiRefusal.field(at(name), "数值过长");
            }
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                throw FsiRefusal.field(at(name), "应为数值，收到 \"" + abbreviate(t) + "\"");
            }
        }
        throw FsiRefusal.field(at(name), "应为数值");
    }

    private <T> T exact(String name, boolean required, Function<BigDecimal, T> convert, String what, int scale) {
        BigDecimal d = optDecimal(name);
        if (d == null) {
            if (required) {
                throw FsiRefusal.field(at(name), "必填");
            }
            return null;
        }
        if (d.abs().compareTo(new BigDecimal("1E14")) >= 0) {
            throw FsiRefusal.field(at(name), what + "超出范围：" + d.toPlainString());
        }
        try {
            return convert.apply(d);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw FsiRefusal.field(at(name), what + "最多 " + scale + " 位小数，收到 " + d.toPlainString());
        }
    }

    /** Money: at most 2 decimals (NATIONAL_INTERFACE §3 "money 16,2"). */
    public Money money(String name) {
        return exact(name, true, Money::of, "金额", 2);
    }

    public Money optMoney(String name) {
        return exact(name, false, Money::of, "金额", 2);
    }

    public Quantity quantity(String name) {
        return exact(name, true, Quantity::of, "数量", 4);
    }

    public UnitPrice price(String name) {
        return exact(name, true, UnitPrice::of, "单价", 6);
    }

    public Ratio optRatio(String name) {
        return exact(name, false, Ratio::of, "比例", 4);
    }

    public LocalDate date(String name) {
        LocalDate d = optDate(name);
        if (d == null) {
            throw FsiRefusal.field(at(name), "必填，格式 yyyy-MM-dd");
        }
        return d;
    }

    public LocalDate optDate(String name) {
        String t = optText(name, 30);
        if (t == null) {
            return null;
        }
        try {
            return FsiTimes.parseDate(t.length() > 10 ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            throw FsiRefusal.field(at(name), "日期格式应为 yyyy-MM-dd，收到 \"" + abbreviate(t) + "\"");
        }
    }

    /** A time {@code yyyy-MM-dd HH:mm:ss}; a bare date is accepted as its midnight. */
    public LocalDateTime time(String name) {
        LocalDateTime t = optTime(name);
        if (t == null) {
            throw FsiRefusal.field(at(name), "必填，格式 yyyy-MM-dd HH:mm:ss");
        }
        return t;
    }

    public LocalDateTime optTime(String name) {
        String t = optText(name, 30);
        if (t == null) {
            return null;
        }
        try {
            return t.length() == 10 ? FsiTimes.parseDate(t).atStartOfDay() : FsiTimes.parseTime(t);
        } catch (DateTimeParseException e) {
            throw FsiRefusal.field(at(name), "时间格式应为 yyyy-MM-dd HH:mm:ss，收到 \"" + abbreviate(t) + "\"");
        }
    }

    private static String abbreviate(String t) {
        return t.length() <= 30 ? t : t.substring(0, 30) + "…";
    }
}
