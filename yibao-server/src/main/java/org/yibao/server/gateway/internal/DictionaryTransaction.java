package org.yibao.server.gateway.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTransaction;

/** 1901 字典表查询 (NATIONAL_INTERFACE §3, §4): the code tables, from {@code reference/dictionary.tsv}. */
@Component
class DictionaryTransaction implements FsiTransaction {

    private final Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();

    DictionaryTransaction() {
        try (InputStream in = DictionaryTransaction.class.getResourceAsStream("/reference/dictionary.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int sort = 0;
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("type", f[0]);
                row.put("label", f[2]);
                row.put("value", f[1]);
                row.put("parentValue", f.length > 3 ? f[3] : null);
                row.put("sort", ++sort);
                row.put("valiFlag", "1");
                byType.computeIfAbsent(f[0], k -> new ArrayList<>()).add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> infnos() {
        return List.of("1901");
    }

    @Override
    public Object handle(FsiCall call) {
        FsiNode data = call.input().object("data");
        String type = data.optText("type", 40);
        if (type == null) {
            List<Map<String, Object>> all = new ArrayList<>();
            byType.values().forEach(all::addAll);
            return Map.of("list", all);
        }
        List<Map<String, Object>> rows = byType.get(type);
        if (rows == null) {
            throw FsiRefusal.field("data.type", "字典类型 " + type + " 不存在，可用：" + String.join("、", byType.keySet()));
        }
        return Map.of("list", rows);
    }
}
