package org.yibao.server.console.web;

/** An unknown key in a console URL: answered with the console's 404 page (not a JSON problem). */
class PageNotFoundException extends RuntimeException {

    private final String entity;
    private final String key;

    PageNotFoundException(String entity, String key) {
        super(entity + " " + key + " not found");
        this.entity = entity;
        this.key = key;
    }

    String entity() {
        return entity;
    }

    String key() {
        return key;
    }
}
