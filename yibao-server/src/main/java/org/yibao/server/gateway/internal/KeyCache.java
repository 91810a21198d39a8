package org.yibao.server.gateway.internal;

/** The gateway's memory of access keys, told when a key is revoked. */
public interface KeyCache {

    void forgetAfterCommit(String accessKey);
}
