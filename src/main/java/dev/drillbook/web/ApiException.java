package dev.drillbook.web;

/** An error the client can act on: carries the HTTP status and a readable explanation. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;

    public ApiException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad request", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(503, "Service unavailable", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
