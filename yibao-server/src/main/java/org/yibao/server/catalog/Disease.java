package org.yibao.server.catalog;

/** A 医保版 ICD-10 diagnosis code or ICD-9-CM-3 procedure code and its name. */
public record Disease(String code, String name) {}
