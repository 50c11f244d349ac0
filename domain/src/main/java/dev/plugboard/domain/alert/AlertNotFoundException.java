package dev.plugboard.domain.alert;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.Map;

/** No alert has this id (or the caller may not see it). */
public final class AlertNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final String id;

    public AlertNotFoundException(String id) {
        super("no alert '" + id + "': list them with GET /api/admin/alerts or 'plugboard alerts list'");
        this.id = id;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }

    @Override
    public String code() {
        return "alert_not_found";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("id", id);
    }
}
