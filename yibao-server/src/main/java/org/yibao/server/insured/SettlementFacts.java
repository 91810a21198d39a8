package org.yibao.server.insured;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * What settlement needs of a person on one day, read in one query: the person's version in force,
 * identities, recognised chronic diseases, the family-doctor contract and the mutual-aid binders (in
 * binding order) valid on that day. Balances are not here: the settlement reads them after locking.
 *
 * @param ownAccount          the person has a personal account (个人账户)
 * @param familyDoctorKind    BASIC or TRIPLE (1+1+1); null without a contract
 * @param familyDoctorHospitals for 1+1+1: the district and city hospitals
 * @param crossRegionFilings  filings valid on the day, each as {@code category:treatment_admdvs}
 * @param insuredPooling      the pooling region (统筹区) of the insured region on the day, whose policy applies
 */
public record SettlementFacts(Person person, boolean ownAccount, Set<String> identities, Set<String> chronicDiseaseKeys,
                              String familyDoctorKind, String familyDoctorCentre, List<String> familyDoctorHospitals,
                              List<String> binders, List<String> crossRegionFilings, String insuredPooling) {

    /** The personal-account balance of one holder, as read under the settlement's lock. */
    public record Balance(String psnNo, BigDecimal balance) {}
}
