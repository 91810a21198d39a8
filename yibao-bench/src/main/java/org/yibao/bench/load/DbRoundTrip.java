package org.yibao.bench.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What one JDBC round trip to the platform's PostgreSQL costs over loopback TCP and over its Unix-domain
 * socket: one connection each, the same prepared one-row query sent again and again, the wall time and the
 * CPU time of this thread and of the server process that answers, per round trip. The two transports
 * alternate for {@code --rounds} rounds; the last round's figures are the result. A settlement's call
 * makes two or three round trips, so this is the transport's share of every national-interface call.
 * Last line: {@code round_trip_us tcp_wall=… tcp_cpu=… unix_wall=… unix_cpu=…} (cpu = client + server).
 */
@Command(name = "db-round-trip", mixinStandardHelpOptions = true)
public final class DbRoundTrip implements Callable<Integer> {

    @Option(names = "--port", required = true, description = "the embedded PostgreSQL's TCP port") int port;
    @Option(names = "--socket", required = true, description = "its Unix-domain socket file") Path socket;
    @Option(names = "--round-trips", defaultValue = "50000") int roundTrips;
    @Option(names = "--rounds", defaultValue = "3") int rounds;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        System.exit(new CommandLine(new DbRoundTrip()).execute(args));
    }

    record Figure(double wallUs, double clientCpuUs, double serverCpuUs) {
        double cpuUs() {
            return clientCpuUs + serverCpuUs;
        }
    }

    @Override
    public Integer call() throws Exception {
        Figure tcp = null;
        Figure unix = null;
        for (int round = 1; round <= rounds; round++) {
            tcp = print(round, "tcp", measure(false));
            unix = print(round, "unix", measure(true));
        }
        System.out.printf("round_trip_us tcp_wall=%.1f tcp_cpu=%.1f unix_wall=%.1f unix_cpu=%.1f%n",
                tcp.wallUs(), tcp.cpuUs(), unix.wallUs(), unix.cpuUs());
        return 0;
    }

    private static Figure print(int round, String transport, Figure f) {
        System.out.printf("round %d %s: %.1f µs wall, client cpu %.1f µs, server cpu %.1f µs per round trip%n",
                round, transport, f.wallUs(), f.clientCpuUs(), f.serverCpuUs());
        return f;
    }

    private Figure measure(boolean overUnixSocket) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", "postgres");
        if (overUnixSocket) {
            p.setProperty("socketFactory", "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg");
            p.setProperty("socketFactoryArg", socket.toString());
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", p);
             PreparedStatement ps = c.prepareStatement("select pg_backend_pid()")) {
            int pid = 0;
            for (int i = 0; i < 5_000; i++) { // warm-up, and the statement prepared on the server
                pid = once(ps);
            }
            long server0 = serverTicks(pid);
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < roundTrips; i++) {
                once(ps);
            }
            long t1 = System.nanoTime();
            long cpu1 = THREADS.getCurrentThreadCpuTime();
            long server1 = serverTicks(pid);
            double tickUs = 1e6 / 100; // USER_HZ
            return new Figure((t1 - t0) / 1e3 / roundTrips, (cpu1 - cpu0) / 1e3 / roundTrips,
                    (server1 - server0) * tickUs / roundTrips);
        }
    }

    private static int once(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** User and system CPU ticks of a process, from /proc (USER_HZ, 100 per second). */
    static long serverTicks(int pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
