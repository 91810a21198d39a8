package org.yibao.server.gateway.internal;

import java.sql.Timestamp;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTransaction;
import tools.jackson.databind.JsonNode;

/**
 * 9101 文件上传 and 9102 文件下载 (NATIONAL_INTERFACE §3): files an institution exchanges with the platform
 * (the 3202 reconciliation details). The content comes as base64 text or as a JSON array of byte values;
 * an institution sees only its own files.
 */
@Component
class FileTransactions implements FsiTransaction {

    static final int MAX_BYTES = 300 * 1024;
    private final JdbcClient jdbc;

    FileTransactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> infnos() {
        return List.of("9101", "9102");
    }

    @Override
    public Object handle(FsiCall call) {
        return call.infno().equals("9101") ? upload(call) : download(call);
    }

    private static void ownCode(FsiCall call, FsiNode in) {
        String code = in.optText("fixmedins_code", 30);
        if (code != null && !code.equals(call.fixmedinsCode())) {
            throw FsiRefusal.field(in.path() + ".fixmedins_code", code + " 不是本机构");
        }
    }

    private Object upload(FsiCall call) {
        FsiNode in = call.input().object("fsUploadIn");
        ownCode(call, in);
        String filename = in.text("filename", 200);
        if (filename.contains("/") || filename.contains("\\")) {
            throw FsiRefusal.field("fsUploadIn.filename", "文件名不能含路径分隔符");
        }
        JsonNode raw = in.json().get("in");
        byte[] content;
        if (raw == null || raw.isNull() || raw.isString() && raw.stringValue().isEmpty()) {
            throw FsiRefusal.field("fsUploadIn.in", "必填：文件内容（base64 文本或字节数组）");
        } else if (raw.isString()) {
            try {
                content = Base64.getDecoder().decode(raw.stringValue().replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw FsiRefusal.field("fsUploadIn.in", "不是合法的 base64 文本");
            }
        } else if (raw.isArray()) {
            if (raw.size() > MAX_BYTES) {
                throw FsiRefusal.field("fsUploadIn.in", "文件超过 " + MAX_BYTES / 1024 + " KB");
            }
            content = new byte[raw.size()];
            for (int i = 0; i < raw.size(); i++) {
                JsonNode b = raw.get(i);
                if (!b.isIntegralNumber() || b.asInt() < -128 || b.asInt() > 255) {
                    throw FsiRefusal.field("fsUploadIn.in[" + i + "]", "应为 -128–255 的整数字节");
                }
                content[i] = (byte) b.asInt();
            }
        } else {
            throw FsiRefusal.field("fsUploadIn.in", "应为 base64 文本或字节数组");
        }
        if (content.length == 0) {
            throw FsiRefusal.field("fsUploadIn.in", "文件内容为空");
        }
        if (content.length > MAX_BYTES) {
            throw FsiRefusal.field("fsUploadIn.in", "文件超过 " + MAX_BYTES / 1024 + " KB，请分割后上传");
        }
        long n = jdbc.sql("select nextval('visit_seq')").query(Long.class).single();
        String fileNo = "F" + call.institutionAdmdvs() + String.format("%012d", n);
        jdbc.sql("insert into fsi_file (file_qury_no, fixmedins_code, filename, content, uploaded_at) values (?, ?, ?, ?, ?)")
                .params(fileNo, call.fixmedinsCode(), filename, content, Timestamp.from(call.receivedAt())).update();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file_qury_no", fileNo);
        out.put("filename", filename);
        out.put("file_size", content.length);
        out.put("dld_endtime", call.now().plusDays(30).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        return out;
    }

    private Object download(FsiCall call) {
        FsiNode in = call.input().object("fsDownloadIn");
        ownCode(call, in);
        String fileNo = in.text("file_qury_no", 40);
        String filename = in.optText("filename", 200);
        record Stored(String filename, byte[] content) {}
        Stored stored = jdbc.sql("select filename, content from fsi_file where file_qury_no = ? and fixmedins_code = ?")
                .params(fileNo, call.fixmedinsCode())
                .query((rs, i) -> new Stored(rs.getString(1), rs.getBytes(2))).optional()
                .orElseThrow(() -> FsiRefusal.field("fsDownloadIn.file_qury_no", "文件 " + fileNo + " 不存在或不属于本机构"));
        if (filename != null && !filename.equals(stored.filename())) {
            throw FsiRefusal.field("fsDownloadIn.filename", "文件名与文件 " + fileNo + " 不一致");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file_qury_no", fileNo);
        out.put("filename", stored.filename());
        out.put("in", Base64.getEncoder().encodeToString(stored.content()));
        return out;
    }
}
