package org.yibao.engine.evaluation;

/** The five indicators of R-INST-2, 20 points each, in the order a report lists them. */
public enum Indicator {
    /** 数据上报: share of evaluated days without an upload-compliance breach (R-INST-3). */
    DATA_UPLOAD,
    /** 处方合格率: outpatient prescriptions reviewed as qualified ÷ reviewed. */
    PRESCRIPTION_QUALIFICATION,
    /** 慢病管理: hypertension standard-management rate (community centre) or length-of-stay ratio (others). */
    CHRONIC_MANAGEMENT,
    /** 患者满意度: satisfied ÷ answered surveys. */
    PATIENT_SATISFACTION,
    /** 基金使用合规: 20 − 5 per confirmed violation. */
    FUND_USE_COMPLIANCE
}
