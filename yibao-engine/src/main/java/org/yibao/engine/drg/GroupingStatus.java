package org.yibao.engine.drg;

/** The status of a grouping result, as the CHS-DRG grouper names it (README §2, §3, §7). */
public enum GroupingStatus {
    /** 分组成功: grouped into a DRG. */
    SUCCESS("分组成功"),
    /** 歧义病案: an ambiguous case (an enabled QY step matched); the DRG is {@code <letter>QY}. */
    QY("歧义病案"),
    /** 无法入组: no MDC yielded a group; the DRG is {@code 0000}. */
    FAIL("无法入组"),
    /** 信息校验不通过: the case failed validation (sex missing, newborn without weight, no diagnosis). */
    CHECK_FAILED("信息校验不通过"),
    /** 诊断不能转换为分组器支持的编码: with code normalisation on, a diagnosis has no mapping. */
    ZD_NOT_MAPPING("诊断不能转换为分组器支持的编码"),
    /** 手术操作不能转换为分组器支持的编码: with code normalisation on, a procedure has no mapping. */
    SS_NOT_MAPPING("手术操作不能转换为分组器支持的编码");

    private final String chinese;

    GroupingStatus(String chinese) {
        this.chinese = chinese;
    }

    /** The Chinese label HIS coders know. */
    public String chinese() {
        return chinese;
    }
}
