package org.yibao.server.institution;

/**
 * State of a service agreement (服务协议, R-INST-1) on a day. Only APPLIED, ACTIVE and TERMINATED are
 * stored; the others follow from the date and the sanctions in force ({@link AgreementStates}).
 */
public enum AgreementState {
    /** 申请中: applied for, not yet in force. */
    APPLIED,
    /** 生效: in force. */
    ACTIVE,
    /** 整改中: in force under an interview-and-rectification sanction (约谈整改) until its deadline. */
    RECTIFICATION,
    /** 暂停结算: a suspension sanction is in force. */
    SUSPENDED,
    /** 已到期: the end date has passed. */
    EXPIRED,
    /** 已解除: terminated (终止协议). */
    TERMINATED;

    /** R-INST-1: settlement only while active or under rectification. */
    public boolean allowsSettlement() {
        return this == ACTIVE || this == RECTIFICATION;
    }

    /** States in which the agreement is in force and can be sanctioned, renewed or terminated. */
    public boolean inForce() {
        return this == ACTIVE || this == RECTIFICATION || this == SUSPENDED;
    }
}
