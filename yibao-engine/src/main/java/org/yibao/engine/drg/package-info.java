/**
 * The CHS-DRG grouper (疾病诊断相关分组, R-PAY-1), driven only by the data tables of a named version
 * ({@link org.yibao.engine.drg.GrouperVersion}, e.g. {@code chs-drg-1.1}, shipped in
 * {@code /drg/<version>/} with its licence). {@link org.yibao.engine.drg.DrgTables} reads and compiles a
 * version once; {@link org.yibao.engine.drg.DrgGrouper} groups a {@link org.yibao.engine.drg.DrgCase}
 * into MDC, ADRG and DRG with its status, the CC/MCC found and the path of reasons.
 * {@link org.yibao.engine.drg.DrgCaseLine} reads the OpenDRG input line. Pure computation: no I/O
 * beyond reading the tables from a stream the caller provides.
 */
package org.yibao.engine.drg;
