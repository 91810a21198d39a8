package org.yibao.server.familydoctor;

/**
 * A family-doctor request refused, with what to do in words for the centre or the clerk; nothing has
 * been written. {@code status} is the HTTP status it is answered with (400 bad input, 404 unknown,
 * 409 contrary to the current state).
 */
public class FamilyDoctorRefusal extends RuntimeException {

    private final int status;
    private final String field;

    public FamilyDoctorRefusal(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    static FamilyDoctorRefusal invalid(String field, String message) {
        return new FamilyDoctorRefusal(400, field, message);
    }

    static FamilyDoctorRefusal notFound(String field, String message) {
        return new FamilyDoctorRefusal(404, field, message);
    }

    static FamilyDoctorRefusal conflict(String field, String message) {
        return new FamilyDoctorRefusal(409, field, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
