package org.yibao.engine.policy;

/** Level (医院等级) of a designated institution: 1 community/township, 2 district, 3 city hospital. */
public enum InstitutionLevel {
    L1, L2, L3;

    public int number() {
        return ordinal() + 1;
    }

    public static InstitutionLevel of(int number) {
        if (number < 1 || number > 3) {
            throw new IllegalArgumentException("institution level must be 1, 2 or 3, not " + number);
        }
        return values()[number - 1];
    }
}
