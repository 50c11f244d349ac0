package dev.plugboard.application.port.out;

import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.access.RoleGrant;

import java.util.List;

/** The roles administrators granted in Plugboard, at most one grant per subject and role. */
public interface RoleGrantRepository {

    /** Stores the grant; returns false, changing nothing, when the subject already holds that role. */
    boolean add(RoleGrant grant);

    /** Removes the grant; returns false when there was none. */
    boolean remove(String subject, Role role);

    /** The subject's grants, by role. */
    List<RoleGrant> findBySubject(String subject);

    /** Every grant, by subject and then role. */
    List<RoleGrant> findAll();
}
