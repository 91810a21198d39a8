package org.yibao.server.platform.web;

/** An unknown id: answered 404 with a problem body naming what was looked for. */
public class NotFoundException extends RuntimeException {

    private final String entity;
    private final String key;

    public NotFoundException(String entity, String key) {
        super(entity + " " + key + " not found");
        this.entity = entity;
        this.key = key;
    }

    public String entity() {
        return entity;
    }

    public String key() {
        return key;
    }
}
