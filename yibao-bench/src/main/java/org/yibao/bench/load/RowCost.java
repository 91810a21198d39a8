package org.yibao.bench.load;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What a row costs PostgreSQL when the platform writes it: the fee-line insert of a 2204 upload (the platform's
 * statement shape: one multi-row {@code VALUES} with 26 typed parameters per line, a generic plan) timed with
 * {@code --sizes} lines per statement, as the backend's CPU per statement from /proc. A straight line through
 * the sizes gives the cost of a statement and of each row. The lines belong to visits registered (committed) before
 * the timing, as a 2204's visit was by its 2201; every 50 statements the transaction is rolled back, so only the
 * visits stay. Run it on a data dir of its own.
 * Last line: {@code fee_line_insert_us per_statement=… per_row=…}.
 */
@Command(name = "row-cost", mixinStandardHelpOptions = true)
public final class RowCost implements Callable<Integer> {

    @Option(names = "--port", required = true, description = "the embedded PostgreSQL's TCP port") int port;
    @Option(names = "--sizes", split = ",", defaultValue = "1,10,50", description = "lines per statement") int[] sizes;
    @Option(names = "--rows", defaultValue = "20000", description = "lines written per size and round") int rows;
    @Option(names = "--rounds", defaultValue = "3") int rounds;

    private static final String COLUMNS = "mdtrt_id, feedetl_sn, chrg_bchno, init_feedetl_sn, med_list_codg, medins_list_codg, "
            + "fee_ocur_time, cnt, pric, det_item_fee_sumamt, prd_days, hosp_appr_flag, memo, bilg_dept_codg, bilg_dr_codg, "
            + "pric_uplmt_amt, selfpay_prop, fulamt_ownpay_amt, overlmt_amt, preselfpay_amt, inscp_scp_amt, chrgitm_lv, "
            + "lmt_used_flag, result_memo, uploaded_msgid, uploaded_at";
    private static final int STATEMENTS_PER_TRANSACTION = 50;

    private static final int VISITS = 1000;
    private long serial;
    private long statements;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RowCost()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        double[] us = new double[sizes.length];
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // As a national-interface call runs its transaction (docs/settlement-gateway.md).
                s.execute("set plan_cache_mode = force_generic_plan");
            }
            int pid = backendPid(c);
            registerVisits(c);
            for (int round = 1; round <= rounds; round++) {
                for (int i = 0; i < sizes.length; i++) {
                    us[i] = measure(c, pid, sizes[i]);
                    System.out.printf("round %d: %d lines per statement, %.1f µs of the backend's CPU per statement%n", round, sizes[i], us[i]);
                }
            }
        }
        // Least squares: us = perStatement + perRow * size.
        double n = sizes.length, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < sizes.length; i++) {
            sx += sizes[i];
            sy += us[i];
            sxx += (double) sizes[i] * sizes[i];
            sxy += sizes[i] * us[i];
        }
        double perRow = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double perStatement = (sy - perRow * sx) / n;
        System.out.printf("fee_line_insert_us per_statement=%.0f per_row=%.1f%n", perStatement, perRow);
        return 0;
    }

    private double measure(Connection c, int pid, int size) throws Exception {
        StringBuilder sql = new StringBuilder("insert into fee_line (" + COLUMNS + ") values");
        for (int i = 0; i < size; i++) {
            sql.append(i == 0 ? " " : ", ").append("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        }
        int count = Math.max(STATEMENTS_PER_TRANSACTION, rows / size);
        try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
            for (int warm = 0; warm < STATEMENTS_PER_TRANSACTION; warm++) { // the statement prepared on the server, its plan generic
                once(c, insert, size, warm);
            }
            c.rollback();
            long before = DbRoundTrip.serverTicks(pid);
            for (int i = 0; i < count; i++) {
                once(c, insert, size, i);
            }
            c.rollback();
            return (DbRoundTrip.serverTicks(pid) - before) * 1e6 / 100 / count; // USER_HZ ticks
        }
    }

    /** The visits the lines belong to, committed. */
    private static void registerVisits(Connection c) throws Exception {
        try (PreparedStatement visit = c.prepareStatement("""
                insert into visit (mdtrt_id, fixmedins_code, psn_no, insutype, insured_admdvs, treatment_admdvs, kind, status,
                    begntime, created_at, created_msgid, stay_deductible_used, updated_at)
                values (?, 'H99010000001', 'ROWCOST', '310', '990100', '990100', 'OUTPATIENT', 'REGISTERED', now(), now(), 'ROWCOST', 0, now())""")) {
            for (int v = 0; v < VISITS; v++) {
                visit.setString(1, visit(v));
                visit.executeUpdate();
            }
        }
        c.commit();
    }

    /** One statement of {@code size} lines of one visit; every 50 statements the transaction is rolled back. */
    private void once(Connection c, PreparedStatement insert, int size, int index) throws Exception {
        if (index % STATEMENTS_PER_TRANSACTION == 0) {
            c.rollback();
        }
        statements++;
        Timestamp now = new Timestamp(System.currentTimeMillis());
        int p = 1;
        for (int i = 0; i < size; i++) {
            for (Object value : line(now)) {
                insert.setObject(p++, value);
            }
        }
        insert.executeUpdate();
    }

    private static String visit(long v) {
        return String.format("ROWCOST%011d", v);
    }

    /** One fee line as an upload of the load generator stores it (the columns of {@link #COLUMNS}, in order). */
    private List<Object> line(Timestamp now) {
        serial++;
        BigDecimal zero = new BigDecimal("0.00");
        BigDecimal sum = new BigDecimal("84.60");
        return Arrays.asList(visit(statements % VISITS), Long.toString(serial), "1", null, "XA10BAE054A001010101001",
                "HXA10BAE054A001010101001", now, new BigDecimal("2"), new BigDecimal("42.30"), sum, null, true, null, "A03", "D001",
                null, BigDecimal.ZERO, zero, zero, zero, sum, "01", false, null, "ROWCOST" + serial, now);
    }

    private static int backendPid(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
