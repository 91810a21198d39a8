package org.yibao.engine.evaluation;

/**
 * What the platform knows of one institution's year, as counts (the engine makes the rates, so that
 * every rate is rounded the same way).
 *
 * @param chronicBasis           which chronic-management indicator applies
 * @param uploadDaysEvaluated    days evaluated by upload compliance (R-INST-3) in the year
 * @param uploadDaysWithBreach   of those, days with a breach
 * @param prescriptionsReviewed  outpatient prescriptions reviewed (处方点评)
 * @param prescriptionsQualified of those, qualified
 * @param hypertensionRegistered persons registered for hypertension management at the centre (see familydoctor)
 * @param hypertensionManaged    of those, managed per norm
 * @param ownStays               the institution's inpatient stays discharged in the year (final settlements)
 * @param ownStayDays            their days in hospital, summed
 * @param peerStays              the same for the other institutions of the same level in the same pooling region
 * @param peerStayDays           their days, summed
 * @param surveysAnswered        satisfaction surveys answered
 * @param surveysSatisfied       of those, satisfied
 * @param confirmedViolations    confirmed fund-use violations in the year
 */
public record EvaluationInputs(ChronicBasis chronicBasis, int uploadDaysEvaluated, int uploadDaysWithBreach, int prescriptionsReviewed,
                               int prescriptionsQualified, int hypertensionRegistered, int hypertensionManaged, long ownStays,
                               long ownStayDays, long peerStays, long peerStayDays, int surveysAnswered, int surveysSatisfied,
                               int confirmedViolations) {

    /** Community centres are judged by hypertension management; institutions with beds by length of stay. */
    public enum ChronicBasis { HYPERTENSION_MANAGEMENT, LENGTH_OF_STAY }

    public EvaluationInputs {
        if (chronicBasis == null) {
            throw new IllegalArgumentException("chronicBasis is required");
        }
        part("upload days", uploadDaysWithBreach, uploadDaysEvaluated);
        part("prescriptions", prescriptionsQualified, prescriptionsReviewed);
        part("hypertension", hypertensionManaged, hypertensionRegistered);
        part("surveys", surveysSatisfied, surveysAnswered);
        if (ownStays < 0 || ownStayDays < 0 || peerStays < 0 || peerStayDays < 0 || confirmedViolations < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    private static void part(String what, long part, long whole) {
        if (part < 0 || whole < 0 || part > whole) {
            throw new IllegalArgumentException(what + ": " + part + " of " + whole + " is not a part of a whole");
        }
    }
}
